package dev.stellar.workers.account;

import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

@Table("organizations")
public record Organization(@Id UUID id, String name, boolean demo, Instant createdAt, @Version Long version) {

    public static Organization create(String name, boolean demo, Instant now) {
        return new Organization(UUID.randomUUID(), name, demo, now, null);
    }
}
