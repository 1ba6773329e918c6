package dev.stellar.workers.account;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface UserRepository extends ListCrudRepository<AppUser, UUID> {

    /** Sign-in lookup: addresses are unique across organisations, case-insensitively. */
    @Query("select * from users where lower(email) = lower(:email)")
    Optional<AppUser> findByEmailIgnoreCase(String email);

    Optional<AppUser> findByIdAndOrganizationId(UUID id, UUID organizationId);

    List<AppUser> findByOrganizationIdOrderByDisplayName(UUID organizationId);
}
