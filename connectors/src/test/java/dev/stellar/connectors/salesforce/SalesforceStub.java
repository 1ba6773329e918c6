package dev.stellar.connectors.salesforce;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Salesforce's Partner SOAP API as far as Stellar uses it, on WireMock, answering in the shapes of the captured
 * responses under {@code src/test/resources/salesforce}: login, getUserInfo, query, upsert by an External ID field,
 * create, update, delete; required fields checked on create ({@code REQUIRED_FIELD_MISSING}); sessions that can be made
 * to expire ({@code INVALID_SESSION_ID}). Requests land in WireMock's journal like any stub's.
 */
public final class SalesforceStub implements ResponseTransformerV2 {

    private static final Map<String, List<String>> REQUIRED = Map.of("Opportunity", List.of("Name", "StageName", "CloseDate"),
            "Contact", List.of("LastName"));
    private static final Map<String, String> PREFIX = Map.of("Opportunity", "006", "Contact", "003", "Account", "001");
    private static final Pattern SELECT = Pattern.compile("SELECT (.+) FROM (\\w+) WHERE (\\w+) IN \\((.*)\\)", Pattern.DOTALL);
    private static final Pattern SINCE = Pattern.compile("SELECT (.+) FROM (\\w+) WHERE (?:SystemModstamp >= (\\S+)"
            + "|\\(SystemModstamp > (\\S+) OR \\(SystemModstamp = \\S+ AND Id > '([^']*)'\\)\\))"
            + " ORDER BY SystemModstamp ASC, Id ASC LIMIT (\\d+)", Pattern.DOTALL);
    private static final Pattern EQUALS = Pattern.compile("SELECT (.+) FROM (\\w+) WHERE (\\w+) = '((?:\\\\.|[^'\\\\])*)'",
            Pattern.DOTALL);
    private static final Pattern LITERAL = Pattern.compile("'((?:\\\\.|[^'\\\\])*)'");
    private static final String SOBJECT_NS = "urn:sobject.partner.soap.sforce.com";

    private final WireMockServer server;
    /** Records by object, then by id; each a map of field values. */
    private final Map<String, Map<String, Map<String, String>>> records = new ConcurrentHashMap<>();
    private final Set<String> sessions = ConcurrentHashMap.newKeySet();
    private final AtomicLong ids = new AtomicLong(1000);
    private java.time.Instant lastStamp = java.time.Instant.EPOCH;

    public SalesforceStub() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort().extensions(this));
        server.start();
        server.stubFor(WireMock.any(WireMock.anyUrl()).willReturn(WireMock.ok()));
    }

    /** What a connection's login URL names (loopback, so {@code stellar.salesforce.login-hosts} must list localhost). */
    public String loginUrl() {
        return server.baseUrl();
    }

    public WireMockServer server() {
        return server;
    }

    public void stop() {
        server.stop();
    }

    /** Every session handed out so far stops working, as when an admin revokes them or they time out. */
    public void expireSessions() {
        sessions.clear();
    }

    /** A record by the value of one of its fields (e.g. its External ID), with its Id. */
    public Map<String, String> record(String object, String field, String value) {
        return records.getOrDefault(object, Map.of()).values().stream()
                .filter(r -> value.equalsIgnoreCase(r.get(field))).findFirst().map(LinkedHashMap::new).orElse(null);
    }

    public int count(String object) {
        return records.getOrDefault(object, Map.of()).size();
    }

    @Override
    public String getName() {
        return "salesforce";
    }

    @Override
    public boolean applyGlobally() {
        return true;
    }

    @Override
    public Response transform(Response response, ServeEvent serveEvent) {
        try {
            Element body = body(serveEvent.getRequest().getBodyAsString());
            String operation = body.getLocalName();
            if (operation.equals("login")) {
                return login(text(body, "password"));
            }
            String session = header(serveEvent.getRequest().getBodyAsString());
            if (session == null || !sessions.contains(session)) {
                return fault("INVALID_SESSION_ID", "Invalid Session ID found in SessionHeader: Illegal Session");
            }
            return switch (operation) {
                case "getUserInfo" -> ok("getUserInfoResponse", "<result><organizationId>00DSTUB0000000AAA</organizationId>"
                        + "<organizationName>Stellar Stub</organizationName><userName>ops@stub.example</userName></result>");
                case "query" -> query(text(body, "queryString"));
                case "upsert" -> upsert(text(body, "externalIDFieldName"), sObjects(body));
                case "create" -> save("createResponse", sObjects(body), true);
                case "update" -> save("updateResponse", sObjects(body), false);
                case "delete" -> delete(body);
                default -> fault("INVALID_OPERATION", "No such operation " + operation);
            };
        } catch (Exception e) {
            return fault("UNKNOWN_EXCEPTION", e.toString());
        }
    }

    private Response login(String password) {
        if (password == null || password.isEmpty()) {
            return fault("INVALID_LOGIN", "INVALID_LOGIN: Invalid username, password, security token; or user locked out.");
        }
        String session = "00DSTUB0000000AAA!" + UUID.randomUUID().toString().replace("-", "");
        sessions.add(session);
        return ok("loginResponse", "<result><passwordExpired>false</passwordExpired><sandbox>false</sandbox>"
                + "<serverUrl>" + server.baseUrl() + "/services/Soap/u/65.0/00DSTUB0000000AAA</serverUrl>"
                + "<sessionId>" + session + "</sessionId><userId>005STUB00000001AAA</userId></result>");
    }

    private Response query(String soql) {
        Matcher since = SINCE.matcher(soql);
        if (since.matches()) {
            return changedSince(List.of(since.group(1).split(",\\s*")), since.group(2),
                    java.time.Instant.parse(since.group(3) != null ? since.group(3) : since.group(4)), since.group(5),
                    Integer.parseInt(since.group(6)));
        }
        Matcher equals = EQUALS.matcher(soql);
        if (equals.matches()) {
            String value = equals.group(4).replace("\\'", "'").replace("\\\\", "\\");
            List<Map<String, String>> matching = records.getOrDefault(equals.group(2), Map.of()).values().stream()
                    .filter(r -> value.equals(r.get(equals.group(3)))).toList();
            StringBuilder xml = new StringBuilder("<result xsi:type=\"QueryResult\"><done>true</done>"
                    + "<queryLocator xsi:nil=\"true\"/>");
            matching.forEach(r -> xml.append(sObject(equals.group(2), r, List.of(equals.group(1).split(",\\s*")))));
            return ok("queryResponse", xml.append("<size>").append(matching.size()).append("</size></result>").toString());
        }
        Matcher select = SELECT.matcher(soql);
        if (!select.matches()) {
            return fault("MALFORMED_QUERY", "unexpected token: " + soql);
        }
        List<String> fields = List.of(select.group(1).split(",\\s*"));
        String object = select.group(2);
        String key = select.group(3);
        List<String> values = new ArrayList<>();
        Matcher literal = LITERAL.matcher(select.group(4));
        while (literal.find()) {
            values.add(literal.group(1).replace("\\'", "'").replace("\\\\", "\\"));
        }
        StringBuilder xml = new StringBuilder("<result xsi:type=\"QueryResult\"><done>true</done><queryLocator xsi:nil=\"true\"/>");
        int size = 0;
        for (Map<String, String> record : records.getOrDefault(object, Map.of()).values()) {
            if (values.stream().anyMatch(v -> v.equalsIgnoreCase(record.get(key)))) {
                size++;
                xml.append(sObject(object, record, fields));
            }
        }
        xml.append("<size>").append(size).append("</size></result>");
        return ok("queryResponse", xml.toString());
    }

    private Response changedSince(List<String> fields, String object, java.time.Instant since, String afterId, int limit) {
        List<Map<String, String>> matching = records.getOrDefault(object, Map.of()).values().stream()
                .filter(r -> {
                    java.time.Instant stamp = java.time.Instant.parse(r.get("SystemModstamp"));
                    return stamp.isAfter(since) || stamp.equals(since)
                            && (afterId == null || r.get("Id").compareTo(afterId) > 0);
                })
                .sorted(java.util.Comparator.<Map<String, String>, String>comparing(r -> r.get("SystemModstamp"))
                        .thenComparing(r -> r.get("Id")))
                .limit(limit).toList();
        StringBuilder xml = new StringBuilder("<result xsi:type=\"QueryResult\"><done>true</done><queryLocator xsi:nil=\"true\"/>");
        for (Map<String, String> record : matching) {
            xml.append(sObject(object, record, fields));
        }
        xml.append("<size>").append(matching.size()).append("</size></result>");
        return ok("queryResponse", xml.toString());
    }

    private static String sObject(String object, Map<String, String> record, List<String> fields) {
        StringBuilder xml = new StringBuilder("<records xsi:type=\"sf:sObject\"><sf:type>").append(object).append("</sf:type>");
        xml.append("<sf:Id>").append(record.get("Id")).append("</sf:Id>");
        for (String field : fields) {
            String value = record.get(field);
            xml.append(value == null ? "<sf:" + field + " xsi:nil=\"true\"/>"
                    : "<sf:" + field + ">" + escape(value) + "</sf:" + field + ">");
        }
        return xml.append("</records>").toString();
    }

    /** Puts a record in place as if someone had created it in Salesforce. @return its Id */
    public synchronized String seed(String object, Map<String, String> fields) {
        String id = PREFIX.getOrDefault(object, "a00") + "STUB" + String.format(Locale.ROOT, "%08d", ids.incrementAndGet())
                + "AAA";
        Map<String, String> record = new ConcurrentHashMap<>(fields);
        record.put("Id", id);
        touch(record);
        records.computeIfAbsent(object, t -> new ConcurrentHashMap<>()).put(id, record);
        return id;
    }

    /** Sets when Salesforce says a record last changed, e.g. the same second for a whole bulk update. */
    public void stamp(String object, String id, java.time.Instant at) {
        records.get(object).get(id).put("SystemModstamp", at.toString());
    }

    /** Changes a field as someone editing the record in Salesforce would. */
    public void change(String object, String id, String field, String value) {
        Map<String, String> record = records.get(object).get(id);
        record.put(field, value);
        touch(record);
    }

    /** Salesforce stamps every change (to the second; a second apart here, so that a cursor can tell them apart). */
    private synchronized void touch(Map<String, String> record) {
        java.time.Instant now = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        if (!now.isAfter(lastStamp)) {
            now = lastStamp.plusSeconds(1);
        }
        lastStamp = now;
        record.put("SystemModstamp", now.toString());
    }

    private synchronized Response upsert(String externalId, List<Map<String, String>> objects) {
        StringBuilder xml = new StringBuilder();
        for (Map<String, String> object : objects) {
            String type = object.remove("type");
            Map<String, Map<String, String>> held = records.computeIfAbsent(type, t -> new ConcurrentHashMap<>());
            Map<String, String> existing = held.values().stream()
                    .filter(r -> object.get(externalId) != null && object.get(externalId).equalsIgnoreCase(r.get(externalId)))
                    .findFirst().orElse(null);
            xml.append(existing == null ? create(type, object, true) : update(existing, object, true));
        }
        return ok("upsertResponse", xml.toString());
    }

    private synchronized Response save(String answer, List<Map<String, String>> objects, boolean create) {
        StringBuilder xml = new StringBuilder();
        for (Map<String, String> object : objects) {
            String type = object.remove("type");
            if (create) {
                xml.append(create(type, object, false));
            } else {
                Map<String, String> existing = records.getOrDefault(type, Map.of()).get(object.get("Id"));
                xml.append(existing == null ? error("ENTITY_IS_DELETED", "entity is deleted", null)
                        : update(existing, object, false));
            }
        }
        return ok(answer, xml.toString());
    }

    /** @param upsert an upsert's result says whether it created the record; a create's does not */
    private String create(String type, Map<String, String> object, boolean upsert) {
        for (String field : REQUIRED.getOrDefault(type, List.of())) {
            if (object.get(field) == null || object.get(field).isEmpty()) {
                return error("REQUIRED_FIELD_MISSING", "Required fields are missing: [" + field + "]", field);
            }
        }
        String id = PREFIX.getOrDefault(type, "a00") + "STUB" + String.format(Locale.ROOT, "%08d", ids.incrementAndGet()) + "AAA";
        Map<String, String> record = new ConcurrentHashMap<>();
        object.forEach((k, v) -> {
            if (v != null) {
                record.put(k, v);
            }
        });
        record.remove("fieldsToNull");
        record.put("Id", id);
        touch(record);
        records.computeIfAbsent(type, t -> new ConcurrentHashMap<>()).put(id, record);
        return "<result>" + (upsert ? "<created>true</created>" : "") + "<id>" + id + "</id><success>true</success></result>";
    }

    private String update(Map<String, String> existing, Map<String, String> object, boolean upsert) {
        String toNull = object.remove("fieldsToNull");
        object.remove("Id");
        object.forEach((k, v) -> {
            if (v != null) {
                existing.put(k, v);
            }
        });
        if (toNull != null) {
            for (String field : toNull.split(",")) {
                existing.remove(field);
            }
        }
        touch(existing);
        return "<result>" + (upsert ? "<created>false</created>" : "") + "<id>" + existing.get("Id")
                + "</id><success>true</success></result>";
    }

    private synchronized Response delete(Element body) {
        StringBuilder xml = new StringBuilder();
        for (Node n = body.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getLocalName().equals("ids")) {
                String id = e.getTextContent();
                boolean removed = records.values().stream().anyMatch(held -> held.remove(id) != null);
                xml.append(removed ? "<result><id>" + id + "</id><success>true</success></result>"
                        : error("ENTITY_IS_DELETED", "entity is deleted", null));
            }
        }
        return ok("deleteResponse", xml.toString());
    }

    private static String error(String code, String message, String field) {
        return "<result><errors>" + (field == null ? "" : "<fields>" + field + "</fields>") + "<message>" + escape(message)
                + "</message><statusCode>" + code + "</statusCode></errors><id xsi:nil=\"true\"/><success>false</success>"
                + "</result>";
    }

    /** sObjects as field maps; {@code fieldsToNull} joined by commas. */
    private static List<Map<String, String>> sObjects(Element body) {
        List<Map<String, String>> objects = new ArrayList<>();
        for (Node n = body.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getLocalName().equals("sObjects")) {
                Map<String, String> fields = new LinkedHashMap<>();
                List<String> toNull = new ArrayList<>();
                for (Node f = e.getFirstChild(); f != null; f = f.getNextSibling()) {
                    if (f instanceof Element field) {
                        if (field.getLocalName().equals("fieldsToNull")) {
                            toNull.add(field.getTextContent());
                        } else {
                            fields.put(field.getLocalName(), field.getTextContent());
                        }
                    }
                }
                if (!toNull.isEmpty()) {
                    fields.put("fieldsToNull", String.join(",", toNull));
                }
                objects.add(fields);
            }
        }
        return objects;
    }

    private static Element body(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Element envelope = factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))).getDocumentElement();
        Element body = child(envelope, "Body");
        for (Node n = body.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                return e;
            }
        }
        throw new IllegalArgumentException("empty SOAP body");
    }

    private static String header(String xml) {
        Matcher session = Pattern.compile("<(?:\\w+:)?sessionId>([^<]+)</(?:\\w+:)?sessionId>").matcher(xml);
        return session.find() ? session.group(1) : null;
    }

    private static Element child(Element parent, String localName) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getLocalName().equals(localName)) {
                return e;
            }
        }
        throw new IllegalArgumentException("no " + localName);
    }

    private static String text(Element parent, String localName) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getLocalName().equals(localName)) {
                return e.getTextContent();
            }
        }
        return null;
    }

    private static String escape(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static Response ok(String element, String content) {
        return xml(200, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><soapenv:Envelope xmlns:soapenv="
                + "\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns=\"urn:partner.soap.sforce.com\" xmlns:xsi="
                + "\"http://www.w3.org/2001/XMLSchema-instance\" xmlns:sf=\"" + SOBJECT_NS + "\"><soapenv:Body><" + element
                + ">" + content + "</" + element + "></soapenv:Body></soapenv:Envelope>");
    }

    private static Response fault(String code, String message) {
        return xml(500, "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns:sf="
                + "\"urn:fault.partner.soap.sforce.com\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
                + "<soapenv:Body><soapenv:Fault><faultcode>sf:" + code + "</faultcode><faultstring>" + escape(message)
                + "</faultstring><detail><sf:UnexpectedErrorFault xsi:type=\"sf:UnexpectedErrorFault\"><sf:exceptionCode>"
                + code + "</sf:exceptionCode><sf:exceptionMessage>" + escape(message) + "</sf:exceptionMessage>"
                + "</sf:UnexpectedErrorFault></detail></soapenv:Fault></soapenv:Body></soapenv:Envelope>");
    }

    private static Response xml(int status, String body) {
        return Response.response().status(status).body(body)
                .headers(new HttpHeaders(new HttpHeader("Content-Type", "text/xml; charset=utf-8"))).build();
    }
}
