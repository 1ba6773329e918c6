package dev.stellar.ui.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import dev.stellar.ui.views.LoginView;
import dev.stellar.workers.account.AccountService;
import dev.stellar.workers.account.Caller;
import dev.stellar.workers.runtime.StellarProperties;
import java.util.UUID;
import javax.crypto.SecretKey;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Three filter chains: the REST API (stateless, bearer tokens, 401 instead of redirects), the public
 * health and API documentation, and the Vaadin UI (session, form login) for everything else.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableConfigurationProperties(SecurityProperties.class)
public class SecurityConfiguration {

    @Bean
    SecretKey tokenSigningKey(SecurityProperties security, StellarProperties stellar) {
        return TokenKey.resolve(security, stellar);
    }

    @Bean
    JwtEncoder jwtEncoder(SecretKey tokenSigningKey) {
        return new NimbusJwtEncoder(new ImmutableSecret<>(tokenSigningKey));
    }

    @Bean
    JwtDecoder jwtDecoder(SecretKey tokenSigningKey) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(tokenSigningKey).macAlgorithm(MacAlgorithm.HS256).build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(TokenService.ISSUER));
        return decoder;
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, AccountService accounts, ObjectMapper json) throws Exception {
        ProblemAuthenticationEntryPoint unauthorized = new ProblemAuthenticationEntryPoint(json);
        http.securityMatcher("/api/**")
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.POST, "/api/signup", "/api/auth/token").permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(token -> authenticate(token, accounts)))
                        .authenticationEntryPoint(unauthorized))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler(new BearerTokenAccessDeniedHandler()));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain publicEndpoints(HttpSecurity http) throws Exception {
        http.securityMatcher("/error", "/actuator/health", "/actuator/health/**", "/actuator/info",
                        "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**",
                        // RFC 8058: a mail client POSTs the unsubscribe link without any session; the token is the secret
                        "/unsubscribe/**",
                        // platforms post events without a session; each is verified by its signature
                        "/webhooks/**")
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll());
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain uiSecurity(HttpSecurity http) throws Exception {
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class));
        return http.build();
    }

    /** Form login of the UI: the e-mail is the user name. */
    @Bean
    UserDetailsService userDetailsService(AccountService accounts) {
        return email -> accounts.findByEmail(email)
                .map(user -> new StellarUser(user.toCaller(), user.passwordHash()))
                .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
    }

    /** A token counts only while its user exists in the organisation it names; the role is the current one. */
    private static CallerAuthentication authenticate(Jwt token, AccountService accounts) {
        Caller caller;
        try {
            caller = accounts.findCaller(UUID.fromString(token.getSubject()),
                            UUID.fromString(token.getClaimAsString(TokenService.ORGANIZATION_CLAIM)))
                    .orElseThrow(() -> new InvalidBearerTokenException("the token's user no longer exists"));
        } catch (IllegalArgumentException | NullPointerException malformed) {
            throw new InvalidBearerTokenException("the token does not name a user and organisation");
        }
        return new CallerAuthentication(caller, token);
    }
}
