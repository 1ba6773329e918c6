package dev.stellar.ui.security;

import dev.stellar.workers.account.AccountService;
import dev.stellar.workers.account.Caller;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The caller of the current request, whether it came with a token or a session. Both are re-read
 * from the database (tokens when verified, sessions here), so a removed user or a changed role
 * counts at once, not at the next sign-in.
 */
@Component
public class CurrentCaller {

    private final AccountService accounts;

    public CurrentCaller(AccountService accounts) {
        this.accounts = accounts;
    }

    public Optional<Caller> get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof CallerAuthentication token) {
            return Optional.of(token.caller());
        }
        if (authentication != null && authentication.getPrincipal() instanceof StellarUser user) {
            return accounts.findCaller(user.caller().userId(), user.caller().organizationId());
        }
        return Optional.empty();
    }

    /** @throws IllegalStateException when nobody is signed in (the security chain prevents that for protected paths) */
    public Caller require() {
        return get().orElseThrow(() -> new IllegalStateException("no authenticated caller"));
    }
}
