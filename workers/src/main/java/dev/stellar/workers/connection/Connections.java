package dev.stellar.workers.connection;

import dev.stellar.workers.account.Caller;
import dev.stellar.workers.account.Role;
import dev.stellar.workers.account.RoleRequiredException;
import dev.stellar.workers.connection.Connection.Event;
import dev.stellar.workers.connection.Connection.Type;
import dev.stellar.connectors.crm.CrmException;
import dev.stellar.connectors.salesforce.Salesforce;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** Connections as ADMIN and OPS manage them (checked here, whatever the edge). Secrets go in and never come out. */
@Service
public class Connections {

    public static final Set<Role> MANAGERS = Set.of(Role.ADMIN, Role.OPS);
    /** Zoom: the webhook's secret token is required; the Server-to-Server OAuth app is the fallback for downloads. */
    static final String ZOOM_WEBHOOK_SECRET = "webhookSecretToken";
    static final String ZOOM_CLIENT_SECRET = "clientSecret";
    static final String ZOOM_ACCOUNT_ID = "accountId";
    static final String ZOOM_CLIENT_ID = "clientId";
    /** HubSpot: a private app's access token. */
    public static final String HUBSPOT_TOKEN = "accessToken";
    /** A CRM's OAuth app (HubSpot public app, Salesforce connected app): the same names for both. */
    public static final String OAUTH_CLIENT_ID = "clientId";
    public static final String OAUTH_CLIENT_SECRET = "clientSecret";
    public static final String OAUTH_REFRESH_TOKEN = "refreshToken";
    /** Salesforce: where to log in, and either a user's password (and security token) or a connected app's refresh token. */
    public static final String SALESFORCE_LOGIN_URL = "loginUrl";
    public static final String SALESFORCE_USERNAME = "username";
    public static final String SALESFORCE_PASSWORD = "password";
    public static final String SALESFORCE_SECURITY_TOKEN = "securityToken";


    /**
     * @param settings for Zoom: {@code accountId}, {@code clientId} (a Server-to-Server OAuth app, optional)
     * @param secrets  for Zoom: {@code webhookSecretToken} (required), {@code clientSecret}; for HubSpot:
     *                 {@code accessToken}, or {@code clientSecret} and {@code refreshToken} (with setting {@code clientId}); for Salesforce: {@code password} and {@code securityToken}, or
     *                 {@code clientSecret} and {@code refreshToken} (with settings {@code loginUrl}, {@code username}
     *                 or {@code clientId})
     */
    public record NewConnection(String type, String name, Map<String, String> settings, Map<String, String> secrets) {
    }

    private final ConnectionStore store;
    private final Salesforce salesforce;

    public Connections(ConnectionStore store, Salesforce salesforce) {
        this.store = store;
        this.salesforce = salesforce;
    }

    /** @throws InvalidConnectionException naming the missing or unknown setting; nothing is stored */
    public Connection create(Caller caller, NewConnection request) {
        require(caller, "connecting meeting platforms and CRMs");
        Type type;
        try {
            type = Type.valueOf(request.type() == null ? "" : request.type().strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidConnectionException("type must be one of zoom, hubspot, salesforce (teams, meet and speech "
                    + "are coming)");
        }
        Map<String, String> settings = clean(request.settings());
        Map<String, String> secrets = clean(request.secrets());
        String name = switch (type) {
            case ZOOM -> {
                checkZoom(settings, secrets);
                yield "Zoom";
            }
            case HUBSPOT -> {
                checkHubSpot(settings, secrets);
                yield "HubSpot";
            }
            case SALESFORCE -> {
                checkSalesforce(settings, secrets);
                yield "Salesforce";
            }
            default -> throw new InvalidConnectionException(type.name().toLowerCase(java.util.Locale.ROOT)
                    + " connections are not available yet; zoom, hubspot and salesforce are");
        };
        if (request.name() != null && !request.name().isBlank()) {
            name = request.name().strip();
        }
        return store.create(caller.organizationId(), type, name, settings, secrets);
    }

    private static void checkZoom(Map<String, String> settings, Map<String, String> secrets) {
        if (!secrets.containsKey(ZOOM_WEBHOOK_SECRET)) {
            throw new InvalidConnectionException("secrets.webhookSecretToken is required: the Secret Token of the Zoom "
                    + "app's Event Subscriptions, which signs every event");
        }
        boolean oauth = settings.containsKey(ZOOM_ACCOUNT_ID) || settings.containsKey(ZOOM_CLIENT_ID)
                || secrets.containsKey(ZOOM_CLIENT_SECRET);
        if (oauth && !(settings.containsKey(ZOOM_ACCOUNT_ID) && settings.containsKey(ZOOM_CLIENT_ID)
                && secrets.containsKey(ZOOM_CLIENT_SECRET))) {
            throw new InvalidConnectionException("a Server-to-Server OAuth app needs settings.accountId, settings.clientId "
                    + "and secrets.clientSecret together");
        }
        only(settings, Set.of(ZOOM_ACCOUNT_ID, ZOOM_CLIENT_ID), "settings", "Zoom setting");
        only(secrets, Set.of(ZOOM_WEBHOOK_SECRET, ZOOM_CLIENT_SECRET), "secrets", "Zoom secret");
    }

    private static void checkHubSpot(Map<String, String> settings, Map<String, String> secrets) {
        boolean token = secrets.containsKey(HUBSPOT_TOKEN);
        boolean app = settings.containsKey(OAUTH_CLIENT_ID) || secrets.containsKey(OAUTH_CLIENT_SECRET)
                || secrets.containsKey(OAUTH_REFRESH_TOKEN);
        if (token == app) {
            throw new InvalidConnectionException("HubSpot needs either secrets.accessToken (a private app's, with the "
                    + "crm.objects.contacts, crm.objects.deals and crm.schemas.deals scopes, read and write) or a public "
                    + "app's settings.clientId and secrets.clientSecret (then authorize it; or give its "
                    + "secrets.refreshToken)");
        }
        if (app && !(settings.containsKey(OAUTH_CLIENT_ID) && secrets.containsKey(OAUTH_CLIENT_SECRET))) {
            throw new InvalidConnectionException("a public app needs settings.clientId and secrets.clientSecret together");
        }
        only(settings, Set.of(OAUTH_CLIENT_ID), "settings", "HubSpot setting");
        only(secrets, Set.of(HUBSPOT_TOKEN, OAUTH_CLIENT_SECRET, OAUTH_REFRESH_TOKEN), "secrets", "HubSpot secret");
    }

    private void checkSalesforce(Map<String, String> settings, Map<String, String> secrets) {
        boolean password = secrets.containsKey(SALESFORCE_PASSWORD);
        boolean app = settings.containsKey(OAUTH_CLIENT_ID) || secrets.containsKey(OAUTH_CLIENT_SECRET)
                || secrets.containsKey(OAUTH_REFRESH_TOKEN);
        if (password == app) {
            throw new InvalidConnectionException("Salesforce needs either settings.username with secrets.password (and "
                    + "secrets.securityToken), or a connected app's settings.clientId and secrets.clientSecret (then "
                    + "authorize it; or give its secrets.refreshToken)");
        }
        if (password && !settings.containsKey(SALESFORCE_USERNAME)) {
            throw new InvalidConnectionException("settings.username is required with secrets.password");
        }
        if (app && !(settings.containsKey(OAUTH_CLIENT_ID) && secrets.containsKey(OAUTH_CLIENT_SECRET))) {
            throw new InvalidConnectionException("a connected app needs settings.clientId and secrets.clientSecret together");
        }
        try {
            settings.put(SALESFORCE_LOGIN_URL, salesforce.loginUrl(settings.get(SALESFORCE_LOGIN_URL)));
        } catch (CrmException e) {
            throw new InvalidConnectionException("settings.loginUrl: " + e.getMessage());
        }
        only(settings, Set.of(SALESFORCE_LOGIN_URL, SALESFORCE_USERNAME, OAUTH_CLIENT_ID), "settings",
                "Salesforce setting");
        only(secrets, Set.of(SALESFORCE_PASSWORD, SALESFORCE_SECURITY_TOKEN, OAUTH_CLIENT_SECRET,
                OAUTH_REFRESH_TOKEN), "secrets", "Salesforce secret");
    }

    private static void only(Map<String, String> values, Set<String> allowed, String where, String what) {
        for (String key : values.keySet()) {
            if (!allowed.contains(key)) {
                throw new InvalidConnectionException(where + "." + key + " is not a " + what);
            }
        }
    }

    public List<Connection> list(Caller caller) {
        require(caller, "seeing connections");
        return store.all(caller.organizationId());
    }

    public List<Event> events(Caller caller, UUID id) {
        require(caller, "seeing connections");
        return store.events(caller.organizationId(), id, 50);
    }

    public boolean delete(Caller caller, UUID id) {
        require(caller, "removing connections");
        return store.delete(caller.organizationId(), id);
    }

    private static Map<String, String> clean(Map<String, String> values) {
        Map<String, String> clean = new LinkedHashMap<>();
        if (values != null) {
            values.forEach((key, value) -> {
                if (value != null && !value.isBlank()) {
                    clean.put(key, value.strip());
                }
            });
        }
        return clean;
    }

    private static void require(Caller caller, String action) {
        if (!MANAGERS.contains(caller.role())) {
            throw new RoleRequiredException(action, MANAGERS);
        }
    }
}
