package dev.stellar.workers.account;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.relational.core.conversion.DbActionExecutionException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Sign-up, credential checks and user lookups. */
@Service
public class AccountService {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private final OrganizationRepository organizations;
    private final UserRepository users;
    private final TeamRepository teams;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;
    /** Checked against for unknown e-mails, so an unknown address costs as long as a wrong password. */
    private final String unknownUserHash;

    public AccountService(OrganizationRepository organizations, UserRepository users, TeamRepository teams,
                          PasswordEncoder passwordEncoder, Clock clock) {
        this.organizations = organizations;
        this.users = users;
        this.teams = teams;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
        this.unknownUserHash = passwordEncoder.encode("no such user");
    }

    /**
     * Creates an organisation and its first user as ADMIN.
     *
     * @throws InvalidSignupException          a field breaks a rule
     * @throws EmailAlreadyRegisteredException the e-mail has an account already
     */
    @Transactional
    public Caller signup(SignupRequest request) {
        String organization = required("organization", request.organization(), 200);
        String name = required("name", request.name(), 200);
        String email = required("email", request.email(), 320).toLowerCase(java.util.Locale.ROOT);
        if (!EMAIL.matcher(email).matches()) {
            throw new InvalidSignupException("email", "email is not a valid address");
        }
        PasswordPolicy.weakness(request.password(), email).ifPresent(reason -> {
            throw new InvalidSignupException("password", reason);
        });
        if (users.findByEmailIgnoreCase(email).isPresent()) {
            throw new EmailAlreadyRegisteredException(email);
        }
        Organization org = organizations.save(Organization.create(organization, false, clock.instant()));
        try {
            return createUser(org.id(), null, email, name, request.password(), Role.ADMIN).toCaller();
        } catch (DbActionExecutionException race) {
            // two sign-ups with one address at once: the unique index decides, the loser hears 409
            if (race.getCause() instanceof DuplicateKeyException) {
                throw new EmailAlreadyRegisteredException(email);
            }
            throw race;
        }
    }

    /** The caller for these credentials, or empty. Runs the hash even for unknown e-mails, so timing tells nothing. */
    @Transactional(readOnly = true)
    public Optional<Caller> authenticate(String email, String password) {
        if (email == null || password == null) {
            return Optional.empty();
        }
        Optional<AppUser> user = users.findByEmailIgnoreCase(email.strip());
        if (user.isEmpty()) {
            passwordEncoder.matches(password, unknownUserHash);
            return Optional.empty();
        }
        return passwordEncoder.matches(password, user.get().passwordHash()) ? user.map(AppUser::toCaller) : Optional.empty();
    }

    @Transactional(readOnly = true)
    public Optional<AppUser> findByEmail(String email) {
        return users.findByEmailIgnoreCase(email);
    }

    @Transactional(readOnly = true)
    public Optional<Caller> findCaller(UUID userId, UUID organizationId) {
        return users.findByIdAndOrganizationId(userId, organizationId).map(AppUser::toCaller);
    }

    @Transactional
    public Organization createOrganization(String name, boolean demo) {
        return organizations.save(Organization.create(name, demo, clock.instant()));
    }

    @Transactional
    public Team createTeam(UUID organizationId, String name) {
        return teams.save(Team.create(organizationId, name, clock.instant()));
    }

    /** Adds a user to an organisation; the password is hashed, never stored. */
    @Transactional
    public AppUser createUser(UUID organizationId, UUID teamId, String email, String displayName, String password, Role role) {
        return users.save(new AppUser(UUID.randomUUID(), organizationId, teamId, email.toLowerCase(java.util.Locale.ROOT),
                displayName, passwordEncoder.encode(password), role, clock.instant(), null));
    }

    private static String required(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new InvalidSignupException(field, field + " is required");
        }
        if (value.strip().length() > maxLength) {
            throw new InvalidSignupException(field, field + " must be at most " + maxLength + " characters");
        }
        return value.strip();
    }

}
