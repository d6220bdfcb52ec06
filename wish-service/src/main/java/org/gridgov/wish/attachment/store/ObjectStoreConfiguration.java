package org.gridgov.wish.attachment.store;

import java.net.URI;
import java.nio.file.Path;

import org.gridgov.wish.attachment.ObjectStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Where photos are kept: {@code gridgov.attachments.store} {@code filesystem} (the default: the local
 * platform and the tests) or {@code s3} (a district: MinIO or its own S3-compatible store).
 */
@Configuration(proxyBeanMethods = false)
class ObjectStoreConfiguration {

    /** Photos under {@code gridgov.attachments.directory} ({@code ATTACHMENTS_DIR}). */
    @Bean
    @ConditionalOnProperty(name = "gridgov.attachments.store", havingValue = "filesystem", matchIfMissing = true)
    ObjectStore fileSystemObjectStore(@Value("${gridgov.attachments.directory}") Path directory) {
        return new FileSystemObjectStore(directory);
    }

    /** Photos in one bucket; path-style addressing, as MinIO and most on-premises stores expect. */
    @Bean(destroyMethod = "")
    @ConditionalOnProperty(name = "gridgov.attachments.store", havingValue = "s3")
    ObjectStore s3ObjectStore(@Value("${gridgov.attachments.s3.endpoint}") URI endpoint,
                              @Value("${gridgov.attachments.s3.region}") String region,
                              @Value("${gridgov.attachments.s3.bucket}") String bucket,
                              @Value("${gridgov.attachments.s3.access-key}") String accessKey,
                              @Value("${gridgov.attachments.s3.secret-key}") String secretKey) {
        S3Client client = S3Client.builder()
                .endpointOverride(endpoint)
                .region(Region.of(region))
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        return new S3ObjectStore(client, bucket);
    }
}
