package dev.stellar.workers.account;

import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

@Table("users")
public record AppUser(@Id UUID id, UUID organizationId, UUID teamId, String email, String displayName,
                      String passwordHash, Role role, Instant createdAt, @Version Long version) {

    public Caller toCaller() {
        return new Caller(id, organizationId, email, displayName, role);
    }
}
