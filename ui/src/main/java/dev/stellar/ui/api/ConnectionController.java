package dev.stellar.ui.api;

import dev.stellar.ui.security.CurrentCaller;
import dev.stellar.workers.connection.Connection;
import dev.stellar.workers.connection.Connections;
import dev.stellar.workers.connection.Connections.NewConnection;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Meeting-platform and CRM connections (ADMIN, OPS; enforced in the service). Secrets go in and are never returned. */
@RestController
@Tag(name = "Connections")
@SecurityRequirement(name = "bearer")
public class ConnectionController {

    private final Connections connections;
    private final CurrentCaller currentCaller;

    public ConnectionController(Connections connections, CurrentCaller currentCaller) {
        this.connections = connections;
        this.currentCaller = currentCaller;
    }

    @PostMapping("/api/connections")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Connect a meeting platform; the answer's webhookUrl goes into the platform's app settings",
            description = "Zoom: {\"type\":\"zoom\",\"name\":...,\"settings\":{\"accountId\",\"clientId\"},"
                    + "\"secrets\":{\"webhookSecretToken\",\"clientSecret\"}}; the Server-to-Server OAuth app is optional"
                    + " (it downloads when an event's token expired). HubSpot: {\"type\":\"hubspot\","
                    + "\"secrets\":{\"accessToken\"}} (a private app's token).")
    public Connection create(@RequestBody NewConnection request) {
        return connections.create(currentCaller.require(), request);
    }

    @GetMapping("/api/connections")
    @Operation(summary = "The organisation's connections with their last event and error")
    public List<Connection> list() {
        return connections.list(currentCaller.require());
    }

    @GetMapping("/api/connections/{id}/events")
    @Operation(summary = "The latest events a connection received, and what became of them")
    public List<Connection.Event> events(@PathVariable UUID id) {
        return connections.events(currentCaller.require(), id);
    }

    @DeleteMapping("/api/connections/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void delete(@PathVariable UUID id) {
        if (!connections.delete(currentCaller.require(), id)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No connection " + id);
        }
    }
}
