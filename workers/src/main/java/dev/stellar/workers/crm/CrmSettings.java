package dev.stellar.workers.crm;

import dev.stellar.connectors.crm.CrmException;
import dev.stellar.playbooks.crm.CrmMapping;
import dev.stellar.workers.account.Caller;
import dev.stellar.workers.account.RoleRequiredException;
import dev.stellar.workers.connection.Connection;
import dev.stellar.workers.connection.ConnectionStore;
import dev.stellar.workers.connection.Connections;
import dev.stellar.workers.connection.InvalidConnectionException;
import dev.stellar.workers.account.Role;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** What ADMIN and OPS set up for a CRM connection: its test and its field mapping. */
@Service
public class CrmSettings {

    /** The outcome of a connection test, in words. */
    public record TestResult(boolean ok, String detail) {
    }

    /** Who sees what deals did in the CRM: forecasting is the managers' business too. */
    public static final Set<Role> DEAL_WATCHERS = Set.of(Role.ADMIN, Role.OPS, Role.MANAGER);

    private final ConnectionStore connections;
    private final CrmClients clients;
    private final CrmMappingStore mappings;
    private final CrmPuller puller;
    private final CrmSchedules schedules;

    public CrmSettings(ConnectionStore connections, CrmClients clients, CrmMappingStore mappings, CrmPuller puller,
                       CrmSchedules schedules) {
        this.connections = connections;
        this.clients = clients;
        this.mappings = mappings;
        this.puller = puller;
        this.schedules = schedules;
    }

    /** Calls the CRM with the stored credentials and prepares what Stellar's writes need (its own key property). */
    public TestResult test(Caller caller, UUID connectionId) {
        Connection connection = crmConnection(caller, connectionId, "testing connections");
        try {
            String detail = "Connected to " + clients.open(connection).describe();
            connections.event(connection, "test", detail, false);
            schedules.schedule(connection.organizationId(), connection.id()); // its deals' changes flow back from now on
            return new TestResult(true, detail);
        } catch (CrmException e) {
            connections.event(connection, "test failed", e.getMessage(), true);
            return new TestResult(false, e.getMessage());
        }
    }

    /** Reads the deals changed in the CRM now rather than at the next interval. */
    public CrmPuller.Pulled pull(Caller caller, UUID connectionId) {
        Connection connection = crmConnection(caller, connectionId, "pulling CRM changes");
        return puller.pull(connection.organizationId(), connection.id());
    }

    /** What people changed on deals in the CRM, newest first. */
    public List<DealEvent> dealEvents(Caller caller, int limit) {
        if (!DEAL_WATCHERS.contains(caller.role())) {
            throw new RoleRequiredException("seeing deal changes", DEAL_WATCHERS);
        }
        return puller.events(caller.organizationId(), limit);
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
