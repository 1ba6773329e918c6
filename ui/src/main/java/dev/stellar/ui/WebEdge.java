package dev.stellar.ui;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/** The web edge — views, REST API, security, health — exists only in a process with the web role. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@ComponentScan
public class WebEdge {
}
