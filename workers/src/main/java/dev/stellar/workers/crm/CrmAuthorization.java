package dev.stellar.workers.crm;

import dev.stellar.connectors.crm.CrmException;
import dev.stellar.connectors.hubspot.HubSpot;
import dev.stellar.connectors.salesforce.Salesforce;
import dev.stellar.workers.account.Caller;
import dev.stellar.workers.account.RoleRequiredException;
import dev.stellar.workers.connection.Connection;
import dev.stellar.workers.connection.Connection.Type;
import dev.stellar.workers.connection.ConnectionStore;
import dev.stellar.workers.connection.Connections;
import dev.stellar.workers.connection.InvalidConnectionException;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * The OAuth consent of a CRM connection's app (Salesforce web-server flow, HubSpot public app): where to send the person
 * granting it, and the code the CRM comes back with traded for a refresh token, kept encrypted with the connection.
 * ADMIN and OPS only; the edge keeps the {@code state} that ties the return to the person who left.
 */
@Service
public class CrmAuthorization {

    private final ConnectionStore connections;
    private final HubSpot hubSpot;
    private final Salesforce salesforce;
    private final CrmSchedules schedules;

    public CrmAuthorization(ConnectionStore connections, HubSpot hubSpot, Salesforce salesforce, CrmSchedules schedules) {
        this.connections = connections;
        this.hubSpot = hubSpot;
        this.salesforce = salesforce;
        this.schedules = schedules;
    }

    /** @param redirectUri where the CRM sends the person back: as registered with the app */
    public String authorizeUrl(Caller caller, UUID connectionId, String redirectUri, String state) {
        Connection connection = appConnection(caller, connectionId);
        String clientId = connection.settings().get(Connections.OAUTH_CLIENT_ID);
        return connection.type() == Type.SALESFORCE
                ? salesforce.authorizeUrl(connection.settings().get(Connections.SALESFORCE_LOGIN_URL), clientId,
                redirectUri, state)
                : hubSpot.authorizeUrl(clientId, redirectUri, state);
    }

    /** @throws CrmException when the CRM refuses the code (expired, used, another redirect URI) */
    public Connection complete(Caller caller, UUID connectionId, String redirectUri, String code) {
        Connection connection = appConnection(caller, connectionId);
        Map<String, String> secrets = connections.secrets(connection.organizationId(), connection.id());
        String clientId = connection.settings().get(Connections.OAUTH_CLIENT_ID);
        String clientSecret = secrets.get(Connections.OAUTH_CLIENT_SECRET);
        String refreshToken = connection.type() == Type.SALESFORCE
                ? salesforce.exchangeCode(connection.settings().get(Connections.SALESFORCE_LOGIN_URL), clientId,
                clientSecret, redirectUri, code)
                : hubSpot.exchangeCode(clientId, clientSecret, redirectUri, code);
        if (refreshToken == null) {
            throw CrmException.permanent(CrmClients.vendor(connection) + " gave no refresh token: allow the app the "
                    + "refresh_token (offline access) scope", "NO_REFRESH_TOKEN");
        }
        connections.putSecrets(connection.organizationId(), connection.id(),
                Map.of(Connections.OAUTH_REFRESH_TOKEN, refreshToken));
        hubSpot.forget(connection.id().toString()); // nothing of an earlier consent is used any more
        salesforce.forget(connection.id().toString());
        connections.event(connection, "authorized", "by " + caller.displayName(), false);
        schedules.schedule(connection.organizationId(), connection.id());
        return connections.find(connection.organizationId(), connection.id()).orElseThrow();
    }

    private Connection appConnection(Caller caller, UUID connectionId) {
        if (!Connections.MANAGERS.contains(caller.role())) {
            throw new RoleRequiredException("authorizing CRM connections", Connections.MANAGERS);
        }
        Connection connection = connections.find(caller.organizationId(), connectionId)
                .orElseThrow(() -> new InvalidConnectionException("There is no connection " + connectionId));
        if (!CrmClients.CRMS.contains(connection.type())
                || !connection.settings().containsKey(Connections.OAUTH_CLIENT_ID)) {
            throw new InvalidConnectionException(connection.name() + " has no OAuth app to authorize");
        }
        return connection;
    }
}
