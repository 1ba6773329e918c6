package dev.stellar.connectors.hubspot;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HubSpotProperties.class)
public class HubSpotConfiguration {

    @Bean
    HubSpot hubSpot(HubSpotProperties properties) {
        return new HubSpot(properties);
    }
}
