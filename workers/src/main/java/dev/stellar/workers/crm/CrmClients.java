package dev.stellar.workers.crm;

import dev.stellar.connectors.crm.CrmException;
import dev.stellar.connectors.crm.CrmRecords;
import dev.stellar.connectors.hubspot.HubSpot;
import dev.stellar.connectors.salesforce.Salesforce;
import dev.stellar.workers.connection.Connection;
import dev.stellar.workers.connection.Connection.Type;
import dev.stellar.workers.connection.ConnectionStore;
import dev.stellar.workers.connection.Connections;
import java.util.List;
import java.util.Map;
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
    private final Salesforce salesforce;

    public CrmClients(ConnectionStore connections, HubSpot hubSpot, Salesforce salesforce) {
        this.connections = connections;
        this.hubSpot = hubSpot;
        this.salesforce = salesforce;
    }

    public List<Connection> connected(UUID organizationId) {
        return connections.all(organizationId).stream().filter(c -> CRMS.contains(c.type())).toList();
    }

    public CrmRecords open(Connection connection) {
        Map<String, String> secrets = connections.secrets(connection.organizationId(), connection.id());
        Map<String, String> settings = connection.settings();
        if (awaitsAuthorization(connection)) {
            throw CrmException.permanent(vendor(connection) + " is not authorized yet: ADMIN or OPS press Authorize "
                    + "under Connections", "NOT_AUTHORIZED");
        }
        return switch (connection.type()) {
            case HUBSPOT -> hubSpot.open(connection.id().toString(), new HubSpot.Credentials(
                    secrets.get(Connections.HUBSPOT_TOKEN), settings.get(Connections.OAUTH_CLIENT_ID),
                    secrets.get(Connections.OAUTH_CLIENT_SECRET), secrets.get(Connections.OAUTH_REFRESH_TOKEN)));
            case SALESFORCE -> salesforce.open(connection.id().toString(), new Salesforce.Credentials(settings.get(Connections.SALESFORCE_LOGIN_URL),
                    settings.get(Connections.SALESFORCE_USERNAME), secrets.get(Connections.SALESFORCE_PASSWORD),
                    secrets.get(Connections.SALESFORCE_SECURITY_TOKEN), settings.get(Connections.OAUTH_CLIENT_ID),
                    secrets.get(Connections.OAUTH_CLIENT_SECRET), secrets.get(Connections.OAUTH_REFRESH_TOKEN)));
            default -> throw new IllegalArgumentException(connection.type() + " is not a CRM");
        };
    }

    /** An OAuth app connected whose consent nobody gave yet: no token, no password. */
    public static boolean awaitsAuthorization(Connection connection) {
        Set<String> secrets = connection.secretKeys();
        return CRMS.contains(connection.type()) && connection.settings().containsKey(Connections.OAUTH_CLIENT_ID)
                && !secrets.contains(Connections.OAUTH_REFRESH_TOKEN) && !secrets.contains(Connections.HUBSPOT_TOKEN)
                && !secrets.contains(Connections.SALESFORCE_PASSWORD);
    }

    /** What the CRM is called in messages people read. */
    static String vendor(Connection connection) {
        return connection.type() == Type.HUBSPOT ? "HubSpot" : "Salesforce";
    }
}
