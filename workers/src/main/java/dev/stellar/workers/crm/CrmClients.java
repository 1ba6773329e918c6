package dev.stellar.workers.crm;

import dev.stellar.connectors.crm.CrmRecords;
import dev.stellar.connectors.hubspot.HubSpot;
import dev.stellar.workers.connection.Connection;
import dev.stellar.workers.connection.Connection.Type;
import dev.stellar.workers.connection.ConnectionStore;
import dev.stellar.workers.connection.Connections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Opens an organisation's CRM connections with their secrets, decrypted only for the call. */
@Component
public class CrmClients {

    /** The connection types that are CRMs. */
    public static final Set<Type> CRMS = Set.of(Type.HUBSPOT, Type.SALESFORCE);

    private final ConnectionStore connections;
    private final HubSpot hubSpot;

    public CrmClients(ConnectionStore connections, HubSpot hubSpot) {
        this.connections = connections;
        this.hubSpot = hubSpot;
    }

    public List<Connection> connected(UUID organizationId) {
        return connections.all(organizationId).stream().filter(c -> CRMS.contains(c.type())).toList();
    }

    public CrmRecords open(Connection connection) {
        if (connection.type() != Type.HUBSPOT) {
            throw new IllegalArgumentException(connection.type() + " is not a CRM Stellar can write to yet");
        }
        String token = connections.secrets(connection.organizationId(), connection.id()).get(Connections.HUBSPOT_TOKEN);
        return hubSpot.open(connection.id().toString(), token);
    }

    /** What the CRM is called in messages people read. */
    static String vendor(Connection connection) {
        return connection.type() == Type.HUBSPOT ? "HubSpot" : "Salesforce";
    }
}
