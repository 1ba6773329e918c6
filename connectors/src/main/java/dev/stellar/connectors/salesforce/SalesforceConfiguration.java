package dev.stellar.connectors.salesforce;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SalesforceProperties.class)
public class SalesforceConfiguration {

    @Bean
    Salesforce salesforce(SalesforceProperties properties) {
        return new Salesforce(properties);
    }
}
