package dev.stellar.workers.crm;

import dev.stellar.connectors.crm.CrmException;
import dev.stellar.playbooks.crm.CrmMapping;
import dev.stellar.workers.account.Caller;
import dev.stellar.workers.account.RoleRequiredException;
import dev.stellar.workers.connection.Connection;
import dev.stellar.workers.connection.ConnectionStore;
import dev.stellar.workers.connection.Connections;
import dev.stellar.workers.connection.InvalidConnectionException;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** What ADMIN and OPS set up for a CRM connection: its test and its field mapping. */
@Service
public class CrmSettings {

    /** The outcome of a connection test, in words. */
    public record TestResult(boolean ok, String detail) {
    }

    private final ConnectionStore connections;
    private final CrmClients clients;
    private final CrmMappingStore mappings;

    public CrmSettings(ConnectionStore connections, CrmClients clients, CrmMappingStore mappings) {
        this.connections = connections;
        this.clients = clients;
        this.mappings = mappings;
    }

    /** Calls the CRM with the stored credentials and prepares what Stellar's writes need (its own key property). */
    public TestResult test(Caller caller, UUID connectionId) {
        Connection connection = crmConnection(caller, connectionId, "testing connections");
        try {
            String detail = "Connected to " + clients.open(connection).describe();
            connections.event(connection, "test", detail, false);
            return new TestResult(true, detail);
        } catch (CrmException e) {
            connections.event(connection, "test failed", e.getMessage(), true);
            return new TestResult(false, e.getMessage());
        }
    }

    public String mapping(Caller caller, UUID connectionId) {
        return mappings.document(crmConnection(caller, connectionId, "seeing CRM mappings"));
    }

    /** @throws dev.stellar.playbooks.crm.CrmMappings.CrmMappingException naming what is wrong; nothing is stored */
    public CrmMapping saveMapping(Caller caller, UUID connectionId, String yaml) {
        return mappings.save(crmConnection(caller, connectionId, "changing CRM mappings"), yaml, caller.userId());
    }

    private Connection crmConnection(Caller caller, UUID connectionId, String action) {
        if (!Connections.MANAGERS.contains(caller.role())) {
            throw new RoleRequiredException(action, Connections.MANAGERS);
        }
        Connection connection = connections.find(caller.organizationId(), connectionId)
                .orElseThrow(() -> new InvalidConnectionException("There is no connection " + connectionId));
        if (!CrmClients.CRMS.contains(connection.type())) {
            throw new InvalidConnectionException(connection.name() + " is no CRM connection");
        }
        return connection;
    }
}
