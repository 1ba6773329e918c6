package dev.stellar.ui.security;

import dev.stellar.workers.account.Caller;
import java.util.List;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** A signed-in person of the web UI, carrying the {@link Caller} the views act for. */
public class StellarUser extends User {

    private final Caller caller;

    public StellarUser(Caller caller, String passwordHash) {
        super(caller.email(), passwordHash, List.of(new SimpleGrantedAuthority("ROLE_" + caller.role().name())));
        this.caller = caller;
    }

    public Caller caller() {
        return caller;
    }
}
