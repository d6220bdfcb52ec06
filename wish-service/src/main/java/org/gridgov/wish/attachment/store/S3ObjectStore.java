package org.gridgov.wish.attachment.store;

import org.gridgov.wish.attachment.ObjectStore;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * The object store of a district: one bucket of an S3-compatible store (MinIO, or the district's
 * own), through the AWS SDK. Calls block, so they run on the bounded elastic scheduler.
 */
public record S3ObjectStore(S3Client s3, String bucket) implements ObjectStore {

    @Override
    public Mono<Void> put(String key, byte[] content, String contentType) {
        return Mono.fromRunnable(() -> s3.putObject(request -> request.bucket(bucket).key(key).contentType(contentType)
                        .contentLength((long) content.length), RequestBody.fromBytes(content)))
                .subscribeOn(Schedulers.boundedElastic()).then();
    }

    @Override
    public Mono<byte[]> get(String key) {
        return Mono.fromCallable(() -> {
            try {
                return s3.getObjectAsBytes(request -> request.bucket(bucket).key(key)).asByteArray();
            } catch (NoSuchKeyException absent) {
                return null;
            }
        }).subscribeOn(Schedulers.boundedElastic());
    }
}
