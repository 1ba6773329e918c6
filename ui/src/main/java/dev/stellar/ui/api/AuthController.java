package dev.stellar.ui.api;

import dev.stellar.ui.security.TokenService;
import dev.stellar.workers.account.AccountService;
import dev.stellar.workers.account.Caller;
import dev.stellar.workers.account.SignupRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Accounts")
public class AuthController {

    private final AccountService accounts;
    private final TokenService tokens;

    public AuthController(AccountService accounts, TokenService tokens) {
        this.accounts = accounts;
        this.tokens = tokens;
    }

    public record SignupResponse(UUID organizationId, UUID userId, String email, String role) {
    }

    public record TokenRequest(String email, String password) {
    }

    public record TokenResponse(String token, String tokenType, Instant expiresAt) {
    }

    @PostMapping("/api/signup")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create an organisation with its first user as ADMIN",
            description = "409 when the e-mail has an account; 400 with the field when a value breaks a rule (e.g. a weak password).")
    public SignupResponse signup(@RequestBody SignupRequest request) {
        Caller caller = accounts.signup(request);
        return new SignupResponse(caller.organizationId(), caller.userId(), caller.email(), caller.role().name());
    }

    @PostMapping("/api/auth/token")
    @Operation(summary = "Exchange e-mail and password for a bearer token")
    public ResponseEntity<?> token(@RequestBody TokenRequest request) {
        return accounts.authenticate(request.email(), request.password())
                .map(tokens::issue)
                .<ResponseEntity<?>>map(issued -> ResponseEntity.ok(new TokenResponse(issued.token(), "Bearer", issued.expiresAt())))
                .orElseGet(() -> {
                    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
                            "unknown e-mail or wrong password");
                    problem.setTitle("Unauthorized");
                    return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(problem);
                });
    }
}
