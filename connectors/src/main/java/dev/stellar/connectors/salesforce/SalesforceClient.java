package dev.stellar.connectors.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sforce.soap.partner.Connector;
import com.sforce.soap.partner.DeleteResult;
import com.sforce.soap.partner.GetUserInfoResult;
import com.sforce.soap.partner.LoginResult;
import com.sforce.soap.partner.PartnerConnection;
import com.sforce.soap.partner.QueryResult;
import com.sforce.soap.partner.SaveResult;
import com.sforce.soap.partner.StatusCode;
import com.sforce.soap.partner.UpsertResult;
import com.sforce.soap.partner.fault.ApiFault;
import com.sforce.soap.partner.fault.ExceptionCode;
import com.sforce.soap.partner.sobject.SObject;
import com.sforce.ws.ConnectionException;
import com.sforce.ws.ConnectorConfig;
import dev.stellar.connectors.crm.CrmException;
import dev.stellar.connectors.crm.CrmRecords;
import dev.stellar.connectors.salesforce.Salesforce.Credentials;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One Salesforce org, logged in on first use and again once when Salesforce says the session expired. */
class SalesforceClient implements CrmRecords {

    private static final Logger log = LoggerFactory.getLogger(SalesforceClient.class);
    /** A record refused for these may go through on its own a moment later. */
    private static final Set<StatusCode> RETRYABLE = Set.of(StatusCode.UNABLE_TO_LOCK_ROW);
    private static final int ATTEMPTS = 3;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SalesforceProperties properties;
    private final Credentials credentials;
    private final Map<String, Salesforce.Session> sessions;
    private final String connectionKey;
    /** The connection's calls running at once on this node, shared by all its clients. */
    private final java.util.concurrent.Semaphore concurrent;
    private PartnerConnection connection;

    SalesforceClient(SalesforceProperties properties, Credentials credentials, Map<String, Salesforce.Session> sessions,
                     String connectionKey, java.util.concurrent.Semaphore concurrent) {
        this.concurrent = concurrent;
        this.properties = properties;
        this.credentials = credentials;
        this.sessions = sessions;
        this.connectionKey = connectionKey;
    }

    @Override
    public String describe() {
        GetUserInfoResult user = call(() -> connection().getUserInfo());
        return "Salesforce org " + user.getOrganizationName() + " (" + user.getOrganizationId() + ") as "
                + user.getUserName();
    }

    @Override
    public Map<String, CrmRecord> read(String object, String keyProperty, Collection<String> keys,
                                       Collection<String> wanted) {
        Set<String> fields = new LinkedHashSet<>();
        fields.add("Id");
        fields.add(keyProperty);
        fields.addAll(wanted);
        Map<String, CrmRecord> found = new HashMap<>();
        List<String> all = List.copyOf(new LinkedHashSet<>(keys));
        for (int from = 0; from < all.size(); from += properties.batchSize()) {
            String in = all.subList(from, Math.min(all.size(), from + properties.batchSize())).stream()
                    .map(SalesforceClient::literal).collect(Collectors.joining(", "));
            String soql = "SELECT " + fields.stream().map(SalesforceClient::identifier).collect(Collectors.joining(", ")) + " FROM " + identifier(object) + " WHERE "
                    + identifier(keyProperty) + " IN (" + in + ")";
            QueryResult result = call(() -> connection().query(soql));
            while (true) {
                for (SObject record : result.getRecords() == null ? new SObject[0] : result.getRecords()) {
                    Map<String, String> values = new LinkedHashMap<>();
                    for (String field : fields) {
                        Object value = record.getField(field);
                        if (value != null && !value.toString().isEmpty()) {
                            values.put(field, value.toString());
                        }
                    }
                    String key = values.get(keyProperty);
                    if (key != null) {
                        found.put(key.toLowerCase(Locale.ROOT), new CrmRecord(record.getId(), values));
                    }
                }
                if (result.isDone() || result.getQueryLocator() == null) {
                    break;
                }
                String locator = result.getQueryLocator();
                result = call(() -> connection().queryMore(locator));
            }
        }
        Map<String, CrmRecord> byKey = new LinkedHashMap<>();
        all.forEach(key -> {
            CrmRecord record = found.get(key.toLowerCase(Locale.ROOT));
            if (record != null) {
                byKey.put(key, record);
            }
        });
        return byKey;
    }

    /**
     * By an External ID field (custom, {@code __c}, or {@code Id}) Salesforce upserts natively; by any other field (a
     * contact's {@code Email}) the records are looked up first, then updated or created: a retry after a lost answer
     * finds what the first attempt created.
     */
    @Override
    public List<WriteResult> upsert(String object, String keyProperty, List<RecordWrite> writes) {
        Map<RecordWrite, WriteResult> results = new HashMap<>();
        List<RecordWrite> pending = writes;
        for (int attempt = 1; attempt <= ATTEMPTS && !pending.isEmpty(); attempt++) {
            if (attempt > 1) {
                sleep(Duration.ofSeconds(attempt - 1));
            }
            Map<RecordWrite, WriteResult> round = externalId(keyProperty) ? nativeUpsert(object, keyProperty, pending)
                    : lookUpThenWrite(object, keyProperty, pending);
            results.putAll(round);
            boolean last = attempt == ATTEMPTS;
            pending = pending.stream().filter(w -> !last && !round.get(w).written() && round.get(w).failure().retryable())
                    .toList();
        }
        return writes.stream().map(results::get).toList();
    }

    /** SOQL by {@code SystemModstamp}, which every record carries. */
    @Override
    public List<ChangedRecord> changedSince(String object, java.time.Instant since, String afterId,
                                            Collection<String> wanted, int limit) {
        Set<String> fields = new LinkedHashSet<>();
        fields.add("Id");
        fields.addAll(wanted);
        fields.add("SystemModstamp");
        String at = java.time.format.DateTimeFormatter.ISO_INSTANT.format(
                since.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        String soql = "SELECT " + fields.stream().map(SalesforceClient::identifier).collect(Collectors.joining(", "))
                + " FROM " + identifier(object) + " WHERE "
                + (afterId == null ? "SystemModstamp >= " + at
                : "(SystemModstamp > " + at + " OR (SystemModstamp = " + at + " AND Id > " + literal(afterId) + "))")
                + " ORDER BY SystemModstamp ASC, Id ASC LIMIT " + limit;
        List<ChangedRecord> changed = new ArrayList<>();
        QueryResult result = call(() -> connection().query(soql));
        while (true) {
            for (SObject record : result.getRecords() == null ? new SObject[0] : result.getRecords()) {
                Map<String, String> values = new LinkedHashMap<>();
                for (String field : fields) {
                    Object value = record.getField(field);
                    if (value != null && !value.toString().isEmpty()) {
                        values.put(field, value.toString());
                    }
                }
                changed.add(new ChangedRecord(record.getId(), values, java.time.Instant.parse(values.get("SystemModstamp"))));
            }
            if (result.isDone() || result.getQueryLocator() == null) {
                return changed;
            }
            String locator = result.getQueryLocator();
            result = call(() -> connection().queryMore(locator));
        }
    }

    /**
     * A completed Task on the opportunity ({@code WhatId}) and the contact ({@code WhoId}); its subject ends with the
     * marker, by which a retry finds it.
     */
    @Override
    public WriteResult logMeeting(MeetingNote note) {
        String title = note.subject().length() > 200 ? note.subject().substring(0, 200) + "…" : note.subject();
        String subject = title + " [" + note.marker() + "]"; // Subject holds 255 characters
        QueryResult existing = call(() -> connection().query("SELECT Id FROM Task WHERE Subject = " + literal(subject)));
        if (existing.getRecords() != null && existing.getRecords().length > 0) {
            return new WriteResult(note.marker(), existing.getRecords()[0].getId(), false, null);
        }
        SObject task = new SObject();
        task.setType("Task");
        task.setField("Subject", subject);
        task.setField("Description", note.body());
        task.setField("Status", "Completed");
        task.setField("ActivityDate", note.at().toString().substring(0, 10));
        note.links().forEach((object, id) -> {
            if (id != null && object.equals("Contact")) {
                task.setField("WhoId", id);
            } else if (id != null && (object.equals("Opportunity") || object.equals("Account"))) {
                task.setField("WhatId", id);
            }
        });
        SaveResult result = call(() -> connection().create(new SObject[] {task}))[0];
        return result.isSuccess() ? new WriteResult(note.marker(), result.getId(), true, null)
                : failed(new RecordWrite(note.marker(), Map.of()), result.getErrors());
    }

    @Override
    public String noteObject() {
        return "Task";
    }

    @Override
    public void archive(String object, String id) {
        DeleteResult result = call(() -> connection().delete(new String[] {id}))[0];
        if (!result.isSuccess() && result.getErrors().length > 0) {
            StatusCode code = result.getErrors()[0].getStatusCode();
            if (code != StatusCode.ENTITY_IS_DELETED && code != StatusCode.INVALID_CROSS_REFERENCE_KEY) {
                throw CrmException.permanent("Salesforce would not delete " + object + " " + id + ": "
                        + result.getErrors()[0].getMessage(), code.name());
            }
        }
    }

    private Map<RecordWrite, WriteResult> nativeUpsert(String object, String keyProperty, List<RecordWrite> writes) {
        Map<RecordWrite, WriteResult> results = new HashMap<>();
        for (int from = 0; from < writes.size(); from += properties.batchSize()) {
            List<RecordWrite> batch = writes.subList(from, Math.min(writes.size(), from + properties.batchSize()));
            SObject[] records = batch.stream().map(w -> record(object, keyProperty, w, null)).toArray(SObject[]::new);
            UpsertResult[] answers = call(() -> connection().upsert(keyProperty, records));
            for (int i = 0; i < batch.size(); i++) {
                UpsertResult answer = answers[i];
                results.put(batch.get(i), answer.isSuccess()
                        ? new WriteResult(batch.get(i).key(), answer.getId(), answer.isCreated(), null)
                        : failed(batch.get(i), answer.getErrors()));
            }
        }
        return results;
    }

    private Map<RecordWrite, WriteResult> lookUpThenWrite(String object, String keyProperty, List<RecordWrite> writes) {
        Map<String, CrmRecord> existing = read(object, keyProperty, writes.stream().map(RecordWrite::key).toList(), List.of());
        List<RecordWrite> updates = writes.stream().filter(w -> existing.containsKey(w.key())).toList();
        List<RecordWrite> creates = writes.stream().filter(w -> !existing.containsKey(w.key())).toList();
        Map<RecordWrite, WriteResult> results = new HashMap<>();
        save(updates, true, w -> record(object, keyProperty, w, existing.get(w.key()).id()), results);
        save(creates, false, w -> record(object, keyProperty, w, null), results);
        return results;
    }

    private void save(List<RecordWrite> writes, boolean update, java.util.function.Function<RecordWrite, SObject> toRecord,
                      Map<RecordWrite, WriteResult> results) {
        for (int from = 0; from < writes.size(); from += properties.batchSize()) {
            List<RecordWrite> batch = writes.subList(from, Math.min(writes.size(), from + properties.batchSize()));
            SObject[] records = batch.stream().map(toRecord).toArray(SObject[]::new);
            SaveResult[] answers = call(() -> update ? connection().update(records) : connection().create(records));
            for (int i = 0; i < batch.size(); i++) {
                SaveResult answer = answers[i];
                results.put(batch.get(i), answer.isSuccess()
                        ? new WriteResult(batch.get(i).key(), answer.getId(), !update, null)
                        : failed(batch.get(i), answer.getErrors()));
            }
        }
    }

    /** A record to send: the key (unless it is updated by id), the values, and those to clear. */
    private static SObject record(String object, String keyProperty, RecordWrite write, String id) {
        SObject record = new SObject();
        record.setType(object);
        if (id != null) {
            record.setId(id);
        } else if (!keyProperty.equals("Id")) {
            record.setField(keyProperty, write.key());
        }
        List<String> toNull = new ArrayList<>();
        write.values().forEach((field, value) -> {
            if (value == null || value.isEmpty()) {
                toNull.add(field);
            } else {
                record.setField(field, value);
            }
        });
        if (!toNull.isEmpty()) {
            record.setFieldsToNull(toNull.toArray(String[]::new));
        }
        return record;
    }

    private static WriteResult failed(RecordWrite write, com.sforce.soap.partner.Error[] errors) {
        com.sforce.soap.partner.Error error = errors == null || errors.length == 0 ? null : errors[0];
        String code = error == null || error.getStatusCode() == null ? "UNKNOWN" : error.getStatusCode().name();
        String message = error == null ? "Salesforce did not say why" : error.getMessage()
                + (error.getFields() == null || error.getFields().length == 0 ? ""
                : " (" + String.join(", ", error.getFields()) + ")");
        return new WriteResult(write.key(), null, false, new CrmRecords.CrmFailure(code, message,
                error != null && RETRYABLE.contains(error.getStatusCode())));
    }

    private static boolean externalId(String field) {
        return field.equals("Id") || field.endsWith("__c");
    }

    @FunctionalInterface
    private interface Call<T> {
        T run() throws ConnectionException;
    }

    /** One call; a session Salesforce no longer knows is renewed once and the call made again. */
    private <T> T call(Call<T> call) {
        try {
            concurrent.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw CrmException.transientFailure("Interrupted while waiting to call Salesforce", "INTERRUPTED", null, e);
        }
        try {
            return callOnce(call);
        } finally {
            concurrent.release();
        }
    }

    private <T> T callOnce(Call<T> call) {
        for (int attempt = 0; ; attempt++) {
            try {
                return call.run();
            } catch (ApiFault fault) {
                ExceptionCode code = fault.getExceptionCode();
                if (code == ExceptionCode.INVALID_SESSION_ID && attempt == 0) {
                    log.info("Salesforce session expired; logging in again");
                    connection = null;
                    sessions.remove(connectionKey);
                    continue;
                }
                throw translate(fault);
            } catch (ConnectionException e) {
                throw CrmException.transientFailure("Salesforce could not be reached: " + e.getMessage(), "UNREACHABLE",
                        null, e);
            }
        }
    }

    private static CrmException translate(ApiFault fault) {
        ExceptionCode code = fault.getExceptionCode();
        String message = "Salesforce: " + (fault.getExceptionMessage() == null ? String.valueOf(code)
                : fault.getExceptionMessage());
        if (code == ExceptionCode.REQUEST_LIMIT_EXCEEDED || code == ExceptionCode.SERVER_UNAVAILABLE) {
            return CrmException.transientFailure(message, code.name(), Duration.ofMinutes(5), fault);
        }
        return new CrmException(message, code == null ? "FAULT" : code.name(), false, null, fault);
    }

    private PartnerConnection connection() throws ConnectionException {
        if (connection == null) {
            Salesforce.Session session = sessions.get(connectionKey);
            if (session == null) {
                session = credentials.oauth() ? withRefreshToken() : withPassword();
                sessions.put(connectionKey, session);
            }
            ConnectorConfig config = config();
            config.setManualLogin(true);
            config.setServiceEndpoint(session.serviceEndpoint());
            config.setSessionId(session.sessionId());
            connection = Connector.newConnection(config);
            connection.setSessionHeader(session.sessionId());
        }
        return connection;
    }

    private Salesforce.Session withPassword() throws ConnectionException {
        ConnectorConfig config = config();
        config.setManualLogin(true);
        String login = credentials.loginUrl() + "/services/Soap/u/" + properties.apiVersion();
        config.setAuthEndpoint(login);
        config.setServiceEndpoint(login); // the login call goes here; the org's own server answers the rest
        PartnerConnection partner = Connector.newConnection(config);
        LoginResult result = partner.login(credentials.username(), credentials.password()
                + (credentials.securityToken() == null ? "" : credentials.securityToken()));
        return new Salesforce.Session(result.getSessionId(), result.getServerUrl());
    }

    /** The OAuth web-server flow's refresh token traded for an access token and the org's instance. */
    private Salesforce.Session withRefreshToken() {
        JsonNode token = token(properties, credentials.loginUrl(), "grant_type=refresh_token&client_id="
                + encode(credentials.clientId()) + "&client_secret=" + encode(credentials.clientSecret())
                + "&refresh_token=" + encode(credentials.refreshToken()), "the refresh token");
        return new Salesforce.Session(token.get("access_token").asText(),
                token.get("instance_url").asText() + "/services/Soap/u/" + properties.apiVersion());
    }

    /** A call to Salesforce's token endpoint; its answer, or why not in Salesforce's words. */
    static JsonNode token(SalesforceProperties properties, String loginUrl, String form, String what) {
        JsonNode token;
        int status;
        try {
            HttpResponse<String> response = HttpClient.newBuilder().connectTimeout(properties.timeout()).build().send(
                    HttpRequest.newBuilder(URI.create(loginUrl + "/services/oauth2/token"))
                            .timeout(properties.timeout())
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                    HttpResponse.BodyHandlers.ofString());
            status = response.statusCode();
            token = JSON.readTree(response.body());
        } catch (IOException e) {
            throw CrmException.transientFailure("Salesforce's login could not be reached: " + e.getMessage(),
                    "UNREACHABLE", null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw CrmException.transientFailure("Interrupted while logging in to Salesforce", "INTERRUPTED", null, e);
        }
        if (status != 200 || !token.hasNonNull("access_token")) {
            String error = token.path("error").asText("HTTP_" + status);
            throw status >= 500 ? CrmException.transientFailure("Salesforce's login answered " + status, error, null, null)
                    : CrmException.permanent("Salesforce refused " + what + ": " + error + " "
                    + token.path("error_description").asText(""), error);
        }
        return token;
    }

    private ConnectorConfig config() {
        ConnectorConfig config = new ConnectorConfig();
        config.setConnectionTimeout((int) properties.timeout().toMillis());
        config.setReadTimeout((int) properties.timeout().toMillis());
        return config;
    }

    private static String literal(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    /** Object and field names are the mapping's, checked here so that no SOQL can be smuggled in through one. */
    private static String identifier(String name) {
        if (!name.matches("[A-Za-z][A-Za-z0-9_]*(__[a-z]+)?")) {
            throw CrmException.permanent("'" + name + "' is not a Salesforce object or field name", "INVALID_NAME");
        }
        return name;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw CrmException.transientFailure("Interrupted while waiting to retry Salesforce", "INTERRUPTED", null, e);
        }
    }
}
