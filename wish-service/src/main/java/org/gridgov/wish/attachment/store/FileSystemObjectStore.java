package org.gridgov.wish.attachment.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.regex.Pattern;

import org.gridgov.wish.attachment.ObjectStore;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** The object store as files under one directory (the local platform, the tests); written whole or not at all. */
public class FileSystemObjectStore implements ObjectStore {

    private static final Pattern KEY = Pattern.compile("[a-z]+(/[0-9a-f-]{36})+");

    private final Path root;

    public FileSystemObjectStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public Mono<Void> put(String key, byte[] content, String contentType) {
        return Mono.fromRunnable(() -> {
            Path file = file(key);
            try {
                Files.createDirectories(file.getParent());
                Path partial = Files.createTempFile(file.getParent(), ".upload-", ".part");
                Files.write(partial, content);
                Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot store " + key, e);
            }
        }).subscribeOn(Schedulers.boundedElastic()).then();
    }

    @Override
    public Mono<byte[]> get(String key) {
        return Mono.fromCallable(() -> {
            try {
                return Files.readAllBytes(file(key));
            } catch (NoSuchFileException e) {
                return null;
            }
        }).subscribeOn(Schedulers.boundedElastic());
    }

    private Path file(String key) {
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("not an object key: " + key);
        }
        return root.resolve(key);
    }
}
