package dev.stellar.connectors.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HubSpot's CRM v3 as far as Stellar uses it, on WireMock, answering with the documented payload shapes: account
 * details, properties (a unique one can be created), batch read and batch upsert by a unique property with HubSpot's
 * validation (an unknown property or a deal stage outside the pipeline refuses the whole batch with 400
 * {@code VALIDATION_ERROR}), and, when asked, the ten-second rolling limit answered with 429 and its
 * {@code policyName}. Requests land in WireMock's journal like any stub's.
 */
public final class HubSpotStub implements ResponseTransformerV2 {

    /** The default sales pipeline's stages. */
    public static final Set<String> DEAL_STAGES = Set.of("appointmentscheduled", "qualifiedtobuy", "presentationscheduled",
            "decisionmakerboughtin", "contractsent", "closedwon", "closedlost");
    private static final Pattern OBJECTS = Pattern.compile("/crm/v3/objects/([a-z_]+)/batch/(read|upsert)");
    private static final Pattern NOTE_ASSOCIATIONS = Pattern.compile("/crm/v4/objects/([a-z_]+)/([0-9]+)/associations/notes");
    private static final Pattern SEARCH = Pattern.compile("/crm/v3/objects/([a-z_]+)/search");
    private static final Pattern ARCHIVE = Pattern.compile("/crm/v3/objects/([a-z_]+)/([0-9]+)");
    private static final Pattern PROPERTY = Pattern.compile("/crm/v3/properties/([a-z_]+)(?:/([a-z_0-9]+))?");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The code {@code /oauth/authorize} hands back, as if the person had consented. */
    public static final String CONSENT_CODE = "consent-code-1";

    private final WireMockServer server;
    private final Map<String, Map<String, ObjectNode>> records = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> properties = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong(5000);
    private final Deque<Long> recent = new ArrayDeque<>();
    private final AtomicInteger tooManyRequests = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();
    private volatile int limit = Integer.MAX_VALUE;
    private volatile long windowNanos = 10_000_000_000L;
    private volatile String dailyLimitMessage;
    private volatile boolean refuseTokens;
    private final Set<String> refused = ConcurrentHashMap.newKeySet();
    private final List<String> issued = new java.util.concurrent.CopyOnWriteArrayList<>();
    private java.time.Instant lastStamp = java.time.Instant.EPOCH;

    public HubSpotStub() {
        properties.put("contacts", ConcurrentHashMap.newKeySet());
        properties.get("contacts").addAll(Set.of("email", "firstname", "lastname", "phone", "company", "jobtitle",
                "lifecyclestage", "hs_lead_status"));
        properties.put("deals", ConcurrentHashMap.newKeySet());
        properties.get("deals").addAll(Set.of("dealname", "amount", "dealstage", "closedate", "pipeline",
                "hubspot_owner_id", "description", "deal_currency_code", "hs_lastmodifieddate"));
        properties.put("companies", ConcurrentHashMap.newKeySet());
        properties.get("companies").addAll(Set.of("name", "domain", "industry"));
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort().extensions(this));
        server.start();
        server.stubFor(WireMock.any(WireMock.anyUrl()).willReturn(WireMock.ok()));
    }

    public String baseUrl() {
        return server.baseUrl();
    }

    public WireMockServer server() {
        return server;
    }

    public void stop() {
        server.stop();
    }

    /** Answers 429 {@code TEN_SECONDLY_ROLLING} to any request beyond this many in the last ten seconds. */
    public void limitPerTenSeconds(int limit) {
        limit(limit, java.time.Duration.ofSeconds(10));
    }

    /** The rolling limit over a shorter window, so that a test need not wait ten seconds to see it lifted. */
    public synchronized void limit(int limit, java.time.Duration window) {
        this.limit = limit;
        this.windowNanos = window.toNanos();
        recent.clear();
    }

    /** Answers 401 to this token from now on, as HubSpot does once an OAuth access token expired. */
    public void refuse(String token) {
        refused.add(token);
    }

    /** The OAuth access tokens handed out, in order. */
    public List<String> issuedTokens() {
        return List.copyOf(issued);
    }

    /**
     * HubSpot's token endpoint: the consent's code gives a refresh token; a refresh token called {@code revoked} is
     * refused, any other gets a new access token.
     */
    private Response token(String form) {
        if (form.contains("grant_type=authorization_code") && form.contains("code=" + CONSENT_CODE)) {
            return json(200, JSON.createObjectNode().put("token_type", "bearer").put("refresh_token", "refresh-consented")
                    .put("access_token", "oauth-consented").put("expires_in", 1800));
        }
        if (!form.contains("grant_type=refresh_token") || form.contains("refresh_token=revoked")) {
            return json(400, JSON.createObjectNode().put("status", "BAD_REFRESH_TOKEN")
                    .put("message", "missing or unknown refresh token"));
        }
        String token = "oauth-" + ids.incrementAndGet();
        issued.add(token);
        return json(200, JSON.createObjectNode().put("token_type", "bearer").put("refresh_token", "refresh-1")
                .put("access_token", token).put("expires_in", 1800));
    }

    /** Answers 401 as HubSpot does for a revoked or unknown token. */
    public void refuseTokens(boolean refuse) {
        this.refuseTokens = refuse;
    }

    /** Answers every request with 429 {@code DAILY} while set. */
    public void dailyLimitReached(boolean reached) {
        this.dailyLimitMessage = reached ? "You have reached your daily limit." : null;
    }

    public int tooManyRequests() {
        return tooManyRequests.get();
    }

    public int requests() {
        return requests.get();
    }

    /** A record as the stub holds it, by its unique key's value. */
    public Map<String, String> record(String object, String key) {
        ObjectNode record = records.getOrDefault(object, Map.of()).get(key.toLowerCase(Locale.ROOT));
        if (record == null) {
            return null;
        }
        Map<String, String> values = new LinkedHashMap<>();
        record.get("properties").fields().forEachRemaining(e -> values.put(e.getKey(),
                e.getValue().isNull() ? null : e.getValue().asText()));
        values.put("hs_object_id", record.get("id").asText());
        return values;
    }

    /** The notes logged, with their associations (v4: {@code to.id} and {@code types[].associationTypeId}). */
    public List<JsonNode> notes() {
        return List.copyOf(records.getOrDefault("notes", Map.of()).values());
    }

    public int count(String object) {
        return records.getOrDefault(object, Map.of()).size();
    }

    /** Puts a record in place as if someone had created it in HubSpot. */
    public void seed(String object, String keyProperty, String key, Map<String, String> values) {
        ObjectNode record = newRecord();
        ObjectNode props = (ObjectNode) record.get("properties");
        values.forEach(props::put);
        props.put(keyProperty, key);
        touch(record);
        records.computeIfAbsent(object, o -> new ConcurrentHashMap<>()).put(key.toLowerCase(Locale.ROOT), record);
    }

    /** Changes a property as someone editing the record in HubSpot would. */
    public void change(String object, String key, String property, String value) {
        ObjectNode record = records.get(object).get(key.toLowerCase(Locale.ROOT));
        ((ObjectNode) record.get("properties")).put(property, value);
        touch(record);
    }

    @Override
    public String getName() {
        return "hubspot";
    }

    @Override
    public boolean applyGlobally() {
        return true;
    }

    @Override
    public Response transform(Response response, ServeEvent serveEvent) {
        Request request = serveEvent.getRequest();
        requests.incrementAndGet();
        try {
            if (dailyLimitMessage != null) {
                tooManyRequests.incrementAndGet();
                return json(429, rateLimit("DAILY", dailyLimitMessage));
            }
            if (!withinLimit()) {
                tooManyRequests.incrementAndGet();
                return json(429, rateLimit("TEN_SECONDLY_ROLLING", "You have reached your ten_secondly_rolling limit."));
            }
            if (request.getUrl().startsWith("/oauth/v1/token")) {
                return token(request.getBodyAsString());
            }
            if (request.getUrl().startsWith("/oauth/authorize")) { // the person consents at once
                String redirect = request.queryParameter("redirect_uri").firstValue();
                String state = request.queryParameter("state").firstValue();
                return Response.response().status(302).headers(new HttpHeaders(new HttpHeader("Location",
                        redirect + "?code=" + CONSENT_CODE + "&state=" + java.net.URLEncoder.encode(state,
                                java.nio.charset.StandardCharsets.UTF_8)))).build();
            }
            String authorization = String.valueOf(request.getHeader("Authorization"));
            if (refuseTokens || !authorization.startsWith("Bearer ") || refused.contains(authorization.substring(7))) {
                return json(401, error("INVALID_AUTHENTICATION", "Authentication credentials not found. This API supports "
                        + "OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview"));
            }
            String path = request.getUrl().replaceAll("\\?.*", "");
            if (path.equals("/account-info/v3/details")) {
                return json(200, JSON.createObjectNode().put("portalId", 62515).put("accountType", "STANDARD")
                        .put("dataHostingLocation", "na1"));
            }
            Matcher property = PROPERTY.matcher(path);
            if (property.matches()) {
                return property(request, property.group(1), property.group(2));
            }
            Matcher associations = NOTE_ASSOCIATIONS.matcher(path);
            if (associations.matches()) {
                String id = associations.group(2);
                ArrayNode results = JSON.createArrayNode();
                records.getOrDefault("notes", Map.of()).values().stream()
                        .filter(n -> n.path("associations").findValuesAsText("id").contains(id))
                        .forEach(n -> results.addObject().put("toObjectId", n.get("id").asLong()));
                ObjectNode answer = JSON.createObjectNode();
                answer.set("results", results);
                return json(200, answer);
            }
            Matcher search = SEARCH.matcher(path);
            if (search.matches() && request.getMethod().getName().equals("POST")) {
                return search(search.group(1), JSON.readTree(request.getBodyAsString()));
            }
            if (path.equals("/crm/v3/objects/notes") && request.getMethod().getName().equals("POST")) {
                JsonNode body = JSON.readTree(request.getBodyAsString());
                ObjectNode note = newRecord();
                body.path("properties").fields().forEachRemaining(e -> ((ObjectNode) note.get("properties"))
                        .set(e.getKey(), e.getValue()));
                note.set("associations", body.path("associations"));
                records.computeIfAbsent("notes", o -> new ConcurrentHashMap<>()).put(note.get("id").asText(), note);
                ObjectNode created = note.deepCopy();
                created.remove("associations");
                return json(201, created);
            }
            Matcher archive = ARCHIVE.matcher(path);
            if (archive.matches() && request.getMethod().getName().equals("DELETE")) {
                Map<String, ObjectNode> held = records.getOrDefault(archive.group(1), Map.of());
                boolean removed = held.values().removeIf(r -> r.get("id").asText().equals(archive.group(2)));
                return removed ? Response.response().status(204).build()
                        : json(404, error("OBJECT_NOT_FOUND", "Object not found. objectId are usually numeric."));
            }
            Matcher objects = OBJECTS.matcher(path);
            if (objects.matches() && request.getMethod().getName().equals("POST")) {
                JsonNode body = JSON.readTree(request.getBodyAsString());
                return objects.group(2).equals("read") ? batchRead(objects.group(1), body)
                        : batchUpsert(objects.group(1), body);
            }
            return json(404, error("OBJECT_NOT_FOUND", "No route for " + path));
        } catch (Exception e) {
            return json(500, error("INTERNAL_ERROR", e.toString()));
        }
    }

    private synchronized boolean withinLimit() {
        long now = System.nanoTime();
        while (!recent.isEmpty() && now - recent.peekFirst() > windowNanos) {
            recent.pollFirst();
        }
        if (recent.size() >= limit) {
            return false;
        }
        recent.addLast(now);
        return true;
    }

    private Response property(Request request, String object, String name) throws Exception {
        Set<String> known = properties.computeIfAbsent(object, o -> ConcurrentHashMap.newKeySet());
        if (request.getMethod().getName().equals("GET")) {
            return known.contains(name) ? json(200, JSON.createObjectNode().put("name", name).put("type", "string"))
                    : json(404, error("OBJECT_NOT_FOUND", "Unable to find property " + name + " on " + object));
        }
        JsonNode body = JSON.readTree(request.getBodyAsString());
        if (!known.add(body.path("name").asText())) {
            return json(409, error("OBJECT_ALREADY_EXISTS", "Property already exists"));
        }
        return json(201, (ObjectNode) body);
    }

    /**
     * Only what Stellar asks: records modified after a moment ({@code hs_lastmodifieddate GT}), oldest first, paged; or
     * records whose property contains a token ({@code CONTAINS_TOKEN}).
     */
    private Response search(String object, JsonNode body) {
        JsonNode filter = body.path("filterGroups").path(0).path("filters").path(0);
        if (filter.path("operator").asText().equals("CONTAINS_TOKEN")) {
            String property = filter.path("propertyName").asText();
            String token = filter.path("value").asText();
            ArrayNode found = JSON.createArrayNode();
            records.getOrDefault(object, Map.of()).values().stream()
                    .filter(r -> r.get("properties").path(property).asText().contains(token))
                    .forEach(found::add);
            ObjectNode answer = JSON.createObjectNode().put("total", found.size());
            answer.set("results", found);
            return json(200, answer);
        }
        long after = filter.path("value").asLong();
        boolean inclusive = filter.path("operator").asText().equals("GTE");
        int offset = body.path("after").isNull() || body.path("after").isMissingNode() ? 0 : body.path("after").asInt();
        int limit = body.path("limit").asInt(10);
        List<ObjectNode> matching = records.getOrDefault(object, Map.of()).values().stream()
                .filter(r -> java.time.Instant.parse(r.get("properties").path("hs_lastmodifieddate").asText(
                        r.get("updatedAt").asText())).toEpochMilli() > after - (inclusive ? 1 : 0))
                .sorted(java.util.Comparator.comparing(r -> r.get("properties").path("hs_lastmodifieddate").asText()))
                .toList();
        ArrayNode results = JSON.createArrayNode();
        for (ObjectNode record : matching.subList(Math.min(offset, matching.size()), Math.min(offset + limit, matching.size()))) {
            ObjectNode result = record.deepCopy();
            ObjectNode props = JSON.createObjectNode();
            for (JsonNode wanted : body.path("properties")) {
                props.set(wanted.asText(), record.get("properties").path(wanted.asText()).isMissingNode()
                        ? JSON.nullNode() : record.get("properties").get(wanted.asText()));
            }
            result.set("properties", props);
            results.add(result);
        }
        ObjectNode answer = JSON.createObjectNode().put("total", matching.size());
        answer.set("results", results);
        if (offset + limit < matching.size()) {
            answer.putObject("paging").putObject("next").put("after", String.valueOf(offset + limit));
        }
        return json(200, answer);
    }

    private Response batchRead(String object, JsonNode body) {
        String idProperty = body.path("idProperty").asText("hs_object_id");
        ArrayNode results = JSON.createArrayNode();
        ArrayNode missing = JSON.createArrayNode();
        Map<String, ObjectNode> held = records.getOrDefault(object, Map.of());
        for (JsonNode input : body.path("inputs")) {
            String id = input.path("id").asText();
            ObjectNode record = idProperty.equals("hs_object_id") ? byObjectId(held, id) : held.get(id.toLowerCase(Locale.ROOT));
            if (record == null) {
                missing.add(id);
            } else {
                ObjectNode result = record.deepCopy();
                ObjectNode props = JSON.createObjectNode();
                for (JsonNode wanted : body.path("properties")) {
                    props.set(wanted.asText(), record.get("properties").path(wanted.asText()).isMissingNode()
                            ? JSON.nullNode() : record.get("properties").get(wanted.asText()));
                }
                props.put("hs_object_id", record.get("id").asText());
                result.set("properties", props);
                results.add(result);
            }
        }
        ObjectNode answer = JSON.createObjectNode().put("status", "COMPLETE");
        answer.set("results", results);
        if (!missing.isEmpty()) {
            answer.put("numErrors", 1);
            ObjectNode error = error("OBJECT_NOT_FOUND", "Could not get some " + object.toUpperCase(Locale.ROOT)
                    + " objects, they may be deleted or not exist. Check that ids are valid.");
            error.putObject("context").set("ids", missing);
            answer.putArray("errors").add(error);
        }
        return json(missing.isEmpty() ? 200 : 207, answer);
    }

    private synchronized Response batchUpsert(String object, JsonNode body) {
        Set<String> known = properties.getOrDefault(object, Set.of());
        for (JsonNode input : body.path("inputs")) {
            String idProperty = input.path("idProperty").asText();
            if (!known.contains(idProperty)) {
                return json(400, error("VALIDATION_ERROR", "Property \"" + idProperty + "\" does not exist"));
            }
            Iterator<Map.Entry<String, JsonNode>> fields = input.path("properties").fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (!known.contains(field.getKey())) {
                    return json(400, error("VALIDATION_ERROR", "Property values were not valid: [{\"isValid\":false,"
                            + "\"message\":\"Property \\\"" + field.getKey() + "\\\" does not exist\",\"error\":"
                            + "\"PROPERTY_DOESNT_EXIST\",\"name\":\"" + field.getKey() + "\"}]"));
                }
                String value = field.getValue().asText();
                if (field.getKey().equals("dealstage") && !field.getValue().isNull() && !DEAL_STAGES.contains(value)) {
                    return json(400, error("VALIDATION_ERROR", "Property values were not valid: [{\"isValid\":false,"
                            + "\"message\":\"" + value + " was not one of the allowed options\",\"error\":"
                            + "\"INVALID_OPTION\",\"name\":\"dealstage\"}]"));
                }
                if (field.getKey().equals("amount") && !field.getValue().isNull() && !value.isEmpty() // "" clears it
                        && !value.matches("-?\\d+(\\.\\d+)?")) {
                    return json(400, error("VALIDATION_ERROR", "Property values were not valid: [{\"isValid\":false,"
                            + "\"message\":\"" + value + " is not a valid number\",\"error\":\"INVALID_FLOAT\","
                            + "\"name\":\"amount\"}]"));
                }
            }
        }
        ArrayNode results = JSON.createArrayNode();
        Map<String, ObjectNode> held = records.computeIfAbsent(object, o -> new ConcurrentHashMap<>());
        for (JsonNode input : body.path("inputs")) {
            String key = input.path("id").asText();
            ObjectNode record = held.get(key.toLowerCase(Locale.ROOT));
            boolean created = record == null;
            if (created) {
                record = newRecord();
                ((ObjectNode) record.get("properties")).put(input.path("idProperty").asText(), key);
                held.put(key.toLowerCase(Locale.ROOT), record);
            }
            ObjectNode props = (ObjectNode) record.get("properties");
            input.path("properties").fields().forEachRemaining(e -> props.set(e.getKey(), e.getValue()));
            touch(record);
            ObjectNode result = record.deepCopy();
            result.put("new", created);
            results.add(result);
        }
        ObjectNode answer = JSON.createObjectNode().put("status", "COMPLETE");
        answer.set("results", results);
        return json(200, answer);
    }

    /** HubSpot stamps every change; a millisecond apart, so that a cursor can tell two changes apart. */
    private synchronized void touch(ObjectNode record) {
        java.time.Instant now = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS); // HubSpot's
        if (!now.isAfter(lastStamp)) {
            now = lastStamp.plusMillis(1);
        }
        lastStamp = now;
        record.put("updatedAt", now.toString());
        ((ObjectNode) record.get("properties")).put("hs_lastmodifieddate", now.toString());
    }

    private ObjectNode newRecord() {
        ObjectNode record = JSON.createObjectNode().put("id", String.valueOf(ids.incrementAndGet()))
                .put("createdAt", java.time.Instant.now().toString()).put("updatedAt", java.time.Instant.now().toString())
                .put("archived", false);
        record.putObject("properties");
        return record;
    }

    private static ObjectNode byObjectId(Map<String, ObjectNode> held, String id) {
        return held.values().stream().filter(r -> r.get("id").asText().equals(id)).findFirst().orElse(null);
    }

    private static ObjectNode rateLimit(String policy, String message) {
        return JSON.createObjectNode().put("status", "error").put("message", message).put("errorType", "RATE_LIMIT")
                .put("correlationId", java.util.UUID.randomUUID().toString()).put("policyName", policy)
                .put("groupName", "publicapi:private-app:62515");
    }

    private static ObjectNode error(String category, String message) {
        return JSON.createObjectNode().put("status", "error").put("message", message)
                .put("correlationId", java.util.UUID.randomUUID().toString()).put("category", category);
    }

    private static Response json(int status, ObjectNode body) {
        return Response.response().status(status).body(body.toString())
                .headers(new HttpHeaders(new HttpHeader("Content-Type", "application/json;charset=utf-8"))).build();
    }
}
