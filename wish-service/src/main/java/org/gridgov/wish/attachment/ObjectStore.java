package org.gridgov.wish.attachment;

import reactor.core.publisher.Mono;

/**
 * Where the photos' bytes live: a directory on the local platform and in the tests, an object store
 * (S3-compatible) in a district. Keys are {@code wishes/<wish id>/<attachment id>}.
 */
public interface ObjectStore {

    Mono<Void> put(String key, byte[] content, String contentType);

    /** The object's bytes, or empty when there is none under the key. */
    Mono<byte[]> get(String key);
}
