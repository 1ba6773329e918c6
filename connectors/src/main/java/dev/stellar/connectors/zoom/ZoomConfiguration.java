package dev.stellar.connectors.zoom;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ZoomProperties.class)
public class ZoomConfiguration {

    @Bean
    ZoomDownloads zoomDownloads(ZoomProperties properties) {
        return new ZoomDownloads(properties);
    }
}
