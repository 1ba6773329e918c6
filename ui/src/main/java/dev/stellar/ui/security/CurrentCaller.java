package dev.stellar.ui.security;

import dev.stellar.workers.account.Caller;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The caller of the current request, whether it came with a token or a session. */
@Component
public class CurrentCaller {

    public Optional<Caller> get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof CallerAuthentication token) {
            return Optional.of(token.caller());
        }
        if (authentication != null && authentication.getPrincipal() instanceof StellarUser user) {
            return Optional.of(user.caller());
        }
        return Optional.empty();
    }

    /** @throws IllegalStateException when nobody is signed in (the security chain prevents that for protected paths) */
    public Caller require() {
        return get().orElseThrow(() -> new IllegalStateException("no authenticated caller"));
    }
}
