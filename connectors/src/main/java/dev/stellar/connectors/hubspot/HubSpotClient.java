package dev.stellar.connectors.hubspot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stellar.connectors.crm.CrmException;
import dev.stellar.connectors.crm.CrmRecords;
import dev.stellar.connectors.hubspot.HubSpotApi.AccountDetails;
import dev.stellar.connectors.hubspot.HubSpotApi.BatchInputs;
import dev.stellar.connectors.hubspot.HubSpotApi.Filter;
import dev.stellar.connectors.hubspot.HubSpotApi.FilterGroup;
import dev.stellar.connectors.hubspot.HubSpotApi.Search;
import dev.stellar.connectors.hubspot.HubSpotApi.SearchResponse;
import dev.stellar.connectors.hubspot.HubSpotApi.Sort;
import dev.stellar.connectors.hubspot.HubSpotApi.BatchRead;
import dev.stellar.connectors.hubspot.HubSpotApi.BatchResponse;
import dev.stellar.connectors.hubspot.HubSpotApi.ObjectId;
import dev.stellar.connectors.hubspot.HubSpotApi.PropertyCreate;
import dev.stellar.connectors.hubspot.HubSpotApi.SimpleObject;
import dev.stellar.connectors.hubspot.HubSpotApi.StandardError;
import dev.stellar.connectors.hubspot.HubSpotApi.UpsertInput;
import io.github.bucket4j.Bucket;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One HubSpot account, called with its token under its connection's request budget. */
class HubSpotClient implements CrmRecords {

    /** HubSpot's largest batch for reads and upserts. */
    static final int BATCH = 100;
    private static final Logger log = LoggerFactory.getLogger(HubSpotClient.class);
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    /** Properties Stellar creates when missing, so that it can upsert by them. */
    private static final Set<String> OWN_KEYS = Set.of("stellar_deal_id");
    /** HubSpot-defined association types from a note to: contact 202, company 190, deal 214. */
    private static final Map<String, Integer> NOTE_ASSOCIATIONS = Map.of("contacts", 202, "companies", 190, "deals", 214);
    /** When HubSpot last changed a record. */
    private static final String MODIFIED = "hs_lastmodifieddate";

    private final HubSpotProperties properties;
    private final HttpClient http;
    private final Supplier<String> token;
    /** Renews an OAuth access token HubSpot refused (null for a private app's token, which cannot be renewed). */
    private final Runnable renew;
    private final Bucket budget;
    private final Bucket searches;
    /** The connection's properties known to exist ({@code object.name}), so each is checked once per node. */
    private final Set<String> prepared;

    HubSpotClient(HubSpotProperties properties, HttpClient http, Supplier<String> token, Runnable renew, Bucket budget,
                  Bucket searches, Set<String> prepared) {
        this.properties = properties;
        this.http = http;
        this.token = token;
        this.renew = renew;
        this.budget = budget;
        this.searches = searches;
        this.prepared = prepared;
    }

    @Override
    public String describe() {
        AccountDetails account = read(send("GET", "/account-info/v3/details", null), AccountDetails.class);
        ensureProperty("deals", "stellar_deal_id", "Stellar deal id",
                "Set by Stellar: the deal its meetings update, so a retried sync never creates a second deal");
        return "HubSpot portal " + account.portalId()
                + (account.dataHostingLocation() == null ? "" : " (" + account.dataHostingLocation() + ")");
    }

    @Override
    public Map<String, CrmRecord> read(String object, String keyProperty, Collection<String> keys,
                                       Collection<String> wanted) {
        if (OWN_KEYS.contains(keyProperty)) {
            ensureProperty(object, keyProperty, "Stellar id", "Set by Stellar, so a retried sync never duplicates");
        }
        Set<String> props = new LinkedHashSet<>(wanted);
        props.add(keyProperty);
        Map<String, CrmRecord> found = new HashMap<>();
        List<String> all = List.copyOf(new LinkedHashSet<>(keys));
        for (int from = 0; from < all.size(); from += BATCH) {
            List<ObjectId> inputs = all.subList(from, Math.min(all.size(), from + BATCH)).stream().map(ObjectId::new)
                    .toList();
            Response response = send("POST", "/crm/v3/objects/" + name(object) + "/batch/read",
                    new BatchRead(List.copyOf(props), keyProperty, inputs));
            BatchResponse batch = read(response, BatchResponse.class);
            for (StandardError error : batch.errorsOrEmpty()) {
                if (!"OBJECT_NOT_FOUND".equals(error.category())) {
                    throw CrmException.permanent("HubSpot could not read " + object + ": " + error.message(),
                            error.category());
                }
            }
            for (SimpleObject result : batch.resultsOrEmpty()) {
                String key = result.properties() == null ? null : result.properties().get(keyProperty);
                if (key != null) {
                    found.put(normalise(keyProperty, key), new CrmRecord(result.id(), withoutNulls(result.properties())));
                }
            }
        }
        Map<String, CrmRecord> byKey = new LinkedHashMap<>();
        for (String key : all) {
            CrmRecord record = found.get(normalise(keyProperty, key));
            if (record != null) {
                byKey.put(key, record);
            }
        }
        return byKey;
    }

    @Override
    public List<WriteResult> upsert(String object, String keyProperty, List<RecordWrite> writes) {
        if (OWN_KEYS.contains(keyProperty)) {
            ensureProperty(object, keyProperty, "Stellar id", "Set by Stellar, so a retried sync never duplicates");
        }
        Map<RecordWrite, WriteResult> results = new HashMap<>();
        for (int from = 0; from < writes.size(); from += BATCH) {
            upsertBatch(object, keyProperty, writes.subList(from, Math.min(writes.size(), from + BATCH)), results);
        }
        return writes.stream().map(results::get).toList();
    }

    /**
     * HubSpot's search, by {@code hs_lastmodifieddate} from {@code since} on (records at that very moment read before
     * are left out by id); searches have their own budget (HubSpot allows five a second).
     */
    @Override
    public List<ChangedRecord> changedSince(String object, Instant since, String afterId, Collection<String> wanted,
                                            int limit) {
        Set<String> props = new LinkedHashSet<>(wanted);
        props.add(MODIFIED);
        List<ChangedRecord> changed = new java.util.ArrayList<>();
        String after = null;
        do {
            awaitSearchBudget();
            SearchResponse page = read(send("POST", "/crm/v3/objects/" + name(object) + "/search", new Search(
                    List.of(new FilterGroup(List.of(new Filter(MODIFIED, "GTE", String.valueOf(since.toEpochMilli()))))),
                    List.of(new Sort(MODIFIED, "ASCENDING")), List.copyOf(props), Math.min(BATCH, limit), after)),
                    SearchResponse.class);
            for (SimpleObject result : page.results() == null ? List.<SimpleObject>of() : page.results()) {
                Map<String, String> values = withoutNulls(result.properties());
                Instant modified = Instant.parse(values.get(MODIFIED));
                if (!modified.equals(since) || afterId == null || compareIds(result.id(), afterId) > 0) {
                    changed.add(new ChangedRecord(result.id(), values, modified));
                }
            }
            after = page.paging() == null || page.paging().next() == null ? null : page.paging().next().after();
        } while (after != null && changed.size() < limit);
        return changed.size() > limit ? changed.subList(0, limit) : changed;
    }

    /**
     * A note associated with the deal and contact (HubSpot-defined association types 214 and 202), found again by the
     * marker in its body: among the notes already associated with those records (associations are read at once, unlike
     * the search index, which lags seconds behind a write), or by search when it links to nothing.
     */
    @Override
    public WriteResult logMeeting(MeetingNote note) {
        Optional<String> existing = existingNote(note);
        if (existing.isPresent()) {
            return new WriteResult(note.marker(), existing.get(), false, null);
        }
        List<HubSpotApi.Association> associations = new java.util.ArrayList<>();
        note.links().forEach((object, id) -> {
            Integer type = NOTE_ASSOCIATIONS.get(object);
            if (type != null && id != null) {
                associations.add(new HubSpotApi.Association(new ObjectId(id),
                        List.of(new HubSpotApi.AssociationType("HUBSPOT_DEFINED", type))));
            }
        });
        String body = "<p><strong>" + html(note.subject()) + "</strong></p>" + "<p>" + html(note.body()).replace("\n", "<br>")
                + "</p><p style=\"color:#888\">" + note.marker() + "</p>";
        Response created = sendForWrite("POST", "/crm/v3/objects/notes", new HubSpotApi.NoteCreate(
                Map.of("hs_timestamp", note.at().toString(), "hs_note_body", body), associations));
        if (created.status() / 100 != 2) {
            StandardError error = error(created);
            return new WriteResult(note.marker(), null, false, new CrmFailure(error.category() == null ? "HTTP_"
                    + created.status() : error.category(), error.message(), false));
        }
        return new WriteResult(note.marker(), read(created, SimpleObject.class).id(), true, null);
    }

    @Override
    public String noteObject() {
        return "notes";
    }

    private Optional<String> existingNote(MeetingNote note) {
        Set<String> noteIds = new LinkedHashSet<>();
        note.links().forEach((object, id) -> {
            if (id != null && NOTE_ASSOCIATIONS.containsKey(object)) {
                JsonNode associated = read(send("GET", "/crm/v4/objects/" + name(object) + "/" + name(id)
                        + "/associations/notes", null), JsonNode.class);
                associated.path("results").forEach(a -> noteIds.add(a.path("toObjectId").asText()));
            }
        });
        if (note.links().values().stream().anyMatch(java.util.Objects::nonNull)) {
            if (noteIds.isEmpty()) {
                return Optional.empty();
            }
            BatchResponse notes = read(send("POST", "/crm/v3/objects/notes/batch/read", new BatchRead(
                    List.of("hs_note_body"), null, noteIds.stream().map(ObjectId::new).toList())), BatchResponse.class);
            return notes.resultsOrEmpty().stream()
                    .filter(n -> n.properties() != null && String.valueOf(n.properties().get("hs_note_body"))
                            .contains(note.marker()))
                    .map(SimpleObject::id).findFirst();
        }
        awaitSearchBudget();
        SearchResponse found = read(send("POST", "/crm/v3/objects/notes/search", new Search(
                List.of(new FilterGroup(List.of(new Filter("hs_note_body", "CONTAINS_TOKEN", note.marker())))),
                List.of(), List.of("hs_note_body"), 1, null)), SearchResponse.class);
        return found.results() == null || found.results().isEmpty() ? Optional.empty()
                : Optional.of(found.results().get(0).id());
    }

    /** Object and property names are the mapping's: checked, so that none can lead the call to another API path. */
    private static String name(String value) {
        if (value == null || !value.matches("[A-Za-z0-9_-]+")) {
            throw CrmException.permanent("'" + value + "' is not a HubSpot object or property name", "INVALID_NAME");
        }
        return value;
    }

    private static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** HubSpot's ids are numbers: 99 before 100. */
    private static int compareIds(String a, String b) {
        try {
            return Long.compare(Long.parseLong(a), Long.parseLong(b));
        } catch (NumberFormatException e) {
            return a.compareTo(b);
        }
    }

    @Override
    public void archive(String object, String id) {
        send("DELETE", "/crm/v3/objects/" + name(object) + "/" + name(id), null, Set.of(404));
    }

    /**
     * A batch HubSpot refuses as a whole (one bad value fails all of them) is split in halves until the refused records
     * stand alone: the good ones are written, and each bad one carries HubSpot's reason.
     */
    private void upsertBatch(String object, String keyProperty, List<RecordWrite> batch,
                             Map<RecordWrite, WriteResult> results) {
        List<UpsertInput> inputs = batch.stream()
                .map(write -> new UpsertInput(keyProperty, write.key(), write.values())).toList();
        Response response = sendForWrite("POST", "/crm/v3/objects/" + name(object) + "/batch/upsert", new BatchInputs<>(inputs));
        if (response.status() == 400 || response.status() == 409) {
            StandardError error = error(response);
            if (batch.size() > 1) {
                int half = batch.size() / 2;
                upsertBatch(object, keyProperty, batch.subList(0, half), results);
                upsertBatch(object, keyProperty, batch.subList(half, batch.size()), results);
            } else {
                RecordWrite write = batch.get(0);
                results.put(write, new WriteResult(write.key(), null, false, new CrmFailure(
                        error.category() == null ? "HTTP_" + response.status() : error.category(),
                        error.message() == null ? "HubSpot refused the record" : error.message(), false)));
            }
            return;
        }
        BatchResponse answer = read(response, BatchResponse.class);
        Map<String, SimpleObject> byKey = new HashMap<>();
        for (SimpleObject result : answer.resultsOrEmpty()) {
            String key = result.properties() == null ? null : result.properties().get(keyProperty);
            if (key != null) {
                byKey.put(normalise(keyProperty, key), result);
            }
        }
        boolean inOrder = byKey.isEmpty() && answer.errorsOrEmpty().isEmpty()
                && answer.resultsOrEmpty().size() == batch.size();
        for (int i = 0; i < batch.size(); i++) {
            RecordWrite write = batch.get(i);
            SimpleObject result = inOrder ? answer.resultsOrEmpty().get(i) : byKey.get(normalise(keyProperty, write.key()));
            if (result != null) {
                results.put(write, new WriteResult(write.key(), result.id(), Boolean.TRUE.equals(result.created()), null));
            } else {
                StandardError error = errorFor(answer.errorsOrEmpty(), write.key());
                boolean retryable = error == null || !"VALIDATION_ERROR".equals(error.category());
                results.put(write, new WriteResult(write.key(), null, false, new CrmFailure(
                        error == null ? "NOT_WRITTEN" : error.category(),
                        error == null ? "HubSpot did not confirm this record" : error.message(), retryable)));
            }
        }
    }

    private void ensureProperty(String object, String name, String label, String description) {
        if (prepared.contains(object + "." + name)) {
            return;
        }
        Response existing = send("GET", "/crm/v3/properties/" + name(object) + "/" + name(name), null, Set.of(404));
        if (existing.status() == 404) {
            String group = object.equals("deals") ? "dealinformation" : object.equals("contacts") ? "contactinformation"
                    : object.equals("companies") ? "companyinformation" : null;
            send("POST", "/crm/v3/properties/" + object,
                    new PropertyCreate(name, label, "string", "text", group, true, description), Set.of(409));
            log.info("Created HubSpot property {}.{} to upsert by", object, name);
        }
        prepared.add(object + "." + name);
    }

    private static StandardError errorFor(List<StandardError> errors, String key) {
        return errors.stream().filter(e -> e.ids().stream().anyMatch(id -> id.equalsIgnoreCase(key))).findFirst()
                .or(() -> errors.size() == 1 ? Optional.of(errors.get(0)) : Optional.empty())
                .orElse(null);
    }

    private static String normalise(String keyProperty, String key) {
        return keyProperty.equals("email") ? key.strip().toLowerCase(Locale.ROOT) : key;
    }

    private static Map<String, String> withoutNulls(Map<String, String> values) {
        Map<String, String> clean = new LinkedHashMap<>();
        values.forEach((key, value) -> {
            if (value != null && !value.isEmpty()) {
                clean.put(key, value);
            }
        });
        return clean;
    }

    record Response(int status, String body, HttpResponse<String> raw) {
    }

    private Response send(String method, String path, Object body) {
        return send(method, path, body, Set.of());
    }

    /** A write's 400/409 is for the caller to take apart; everything else as {@link #send}. */
    private Response sendForWrite(String method, String path, Object body) {
        return send(method, path, body, Set.of(400, 409));
    }

    /**
     * Sends within the budget; a ten-second-limit 429 waits and tries again. Anything but 2xx and the statuses the
     * caller expects becomes a {@link CrmException} in HubSpot's words.
     */
    private Response send(String method, String path, Object body, Set<Integer> expected) {
        boolean renewed = false;
        for (int attempt = 0; ; attempt++) {
            awaitBudget();
            HttpResponse<String> response;
            try {
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(properties.baseUrl() + path))
                        .timeout(properties.timeout())
                        .header("Authorization", "Bearer " + token.get())
                        .header("Accept", "application/json");
                if (body == null) {
                    request.method(method, HttpRequest.BodyPublishers.noBody());
                } else {
                    request.header("Content-Type", "application/json")
                            .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
                }
                response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw CrmException.transientFailure("HubSpot could not be reached: " + e.getMessage(), "UNREACHABLE", null, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw CrmException.transientFailure("Interrupted while calling HubSpot", "INTERRUPTED", null, e);
            }
            int status = response.statusCode();
            if (status / 100 == 2 || expected.contains(status)) {
                return new Response(status, response.body(), response);
            }
            Response failed = new Response(status, response.body(), response);
            StandardError error = error(failed);
            Duration retryAfter = response.headers().firstValue("Retry-After").map(HubSpotClient::seconds).orElse(null);
            if (status == 429) {
                if ("DAILY".equals(error.policyName())) {
                    throw CrmException.transientFailure("HubSpot's daily API limit for this account is used up: "
                            + error.message(), "DAILY", retryAfter == null ? Duration.ofHours(1) : retryAfter, null);
                }
                if (attempt < properties.burstRetries()) {
                    Duration wait = retryAfter == null ? Duration.ofSeconds(1L << Math.min(attempt, 3)) : retryAfter;
                    log.info("HubSpot's {} limit: waiting {} before trying {} again", error.policyName(), wait, path);
                    sleep(wait);
                    continue;
                }
                throw CrmException.transientFailure("HubSpot kept answering 429 (" + error.policyName() + "): "
                        + error.message(), "RATE_LIMIT", retryAfter, null);
            }
            if (status == 401 && renew != null && !renewed) {
                renew.run(); // an OAuth access token expired early or was revoked: one fresh one
                renewed = true;
                continue;
            }
            if (status == 401 || status == 403) {
                throw CrmException.permanent("HubSpot refused the connection's token (" + status + "): "
                        + error.message(), error.category() == null ? "UNAUTHORIZED" : error.category());
            }
            if (status >= 500) {
                throw CrmException.transientFailure("HubSpot answered " + status + ": " + error.message(), "HTTP_" + status,
                        retryAfter, null);
            }
            throw CrmException.permanent("HubSpot refused " + method + " " + path + " (" + status + "): "
                    + error.message(), error.category() == null ? "HTTP_" + status : error.category());
        }
    }

    private void awaitSearchBudget() {
        try {
            searches.asBlocking().consume(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw CrmException.transientFailure("Interrupted while waiting for HubSpot's search budget", "INTERRUPTED",
                    null, e);
        }
    }

    private void awaitBudget() {
        try {
            budget.asBlocking().consume(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw CrmException.transientFailure("Interrupted while waiting for HubSpot's request budget", "INTERRUPTED",
                    null, e);
        }
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw CrmException.transientFailure("Interrupted while waiting for HubSpot", "INTERRUPTED", null, e);
        }
    }

    private static Duration seconds(String value) {
        try {
            return Duration.ofSeconds(Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static StandardError error(Response response) {
        try {
            return JSON.readValue(response.body(), StandardError.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            String body = response.body() == null ? "" : response.body().strip();
            return new StandardError("error", null, body.isEmpty() ? "no details" : body.substring(0, Math.min(300, body.length())),
                    null, null, null);
        }
    }

    private static <T> T read(Response response, Class<T> type) {
        try {
            return JSON.readValue(response.body(), type);
        } catch (JsonProcessingException e) {
            throw CrmException.transientFailure("HubSpot answered something Stellar cannot read (" + response.status()
                    + "): " + e.getOriginalMessage(), "UNREADABLE", null, e);
        }
    }
}
