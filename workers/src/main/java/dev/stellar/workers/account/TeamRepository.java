package dev.stellar.workers.account;

import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

public interface TeamRepository extends ListCrudRepository<Team, UUID> {
}
