package dev.stellar.workers.account;

import java.util.Set;
import java.util.stream.Collectors;

/** The caller's role does not allow the action. Checked in the services, whatever the edge. */
public class RoleRequiredException extends RuntimeException {

    public RoleRequiredException(String action, Set<Role> allowed) {
        super(action + " needs the role " + allowed.stream().map(Role::name).sorted().collect(Collectors.joining(" or ")));
    }
}
