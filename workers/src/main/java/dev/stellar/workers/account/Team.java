package dev.stellar.workers.account;

import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

@Table("teams")
public record Team(@Id UUID id, UUID organizationId, String name, Instant createdAt, @Version Long version) {

    public static Team create(UUID organizationId, String name, Instant now) {
        return new Team(UUID.randomUUID(), organizationId, name, now, null);
    }
}
