package dev.stellar.connectors.blob;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FileSystemBlobStoreProperties.class)
public class BlobStoreConfiguration {

    @Bean
    @ConditionalOnMissingBean
    BlobStore blobStore(FileSystemBlobStoreProperties properties) {
        if (properties.root() == null) {
            throw new IllegalStateException("stellar.blob.filesystem.root is not set");
        }
        return new FileSystemBlobStore(properties.root());
    }
}
