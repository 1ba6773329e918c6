package dev.stellar.connectors.hubspot;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** HubSpot's CRM v3 payloads, as far as Stellar reads and writes them. */
final class HubSpotApi {

    private HubSpotApi() {
    }

    record ObjectId(String id) {
    }

    /** {@code POST /crm/v3/objects/{object}/batch/read}; without {@code idProperty} the inputs are HubSpot ids. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record BatchRead(List<String> properties, String idProperty, List<ObjectId> inputs) {
    }

    /** One input of {@code POST /crm/v3/objects/{object}/batch/upsert}. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record UpsertInput(String idProperty, String id, Map<String, String> properties) {
    }

    record BatchInputs<T>(List<T> inputs) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record SimpleObject(String id, Map<String, String> properties, @JsonProperty("new") Boolean created) {
    }

    /** A batch's answer: 200 when all went through, 207 with {@code errors} when some did not. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record BatchResponse(String status, List<SimpleObject> results, List<StandardError> errors) {

        List<SimpleObject> resultsOrEmpty() {
            return results == null ? List.of() : results;
        }

        List<StandardError> errorsOrEmpty() {
            return errors == null ? List.of() : errors;
        }
    }

    /**
     * An error, whole-call (400, 401, 429) or per record in a batch's {@code errors}. A 429 names the limit it hit in
     * {@code policyName}: {@code TEN_SECONDLY_ROLLING} (wait seconds) or {@code DAILY} (wait for tomorrow).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record StandardError(String status, String category, String message, String errorType, String policyName,
                         Map<String, List<String>> context) {

        List<String> ids() {
            return context == null || context.get("ids") == null ? List.of() : context.get("ids");
        }
    }

    /** {@code POST /crm/v3/objects/{object}/search}: records changed after a moment, oldest first, a page at a time. */
    record Search(List<FilterGroup> filterGroups, List<Sort> sorts, List<String> properties, int limit, String after) {
    }

    record FilterGroup(List<Filter> filters) {
    }

    record Filter(String propertyName, String operator, String value) {
    }

    record Sort(String propertyName, String direction) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record SearchResponse(Integer total, List<SimpleObject> results, Paging paging) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Paging(Next next) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Next(String after) {
    }

    /** {@code POST /crm/v3/objects/notes}: a note with its associations (v4 association types). */
    record NoteCreate(Map<String, String> properties, List<Association> associations) {
    }

    record Association(ObjectId to, List<AssociationType> types) {
    }

    record AssociationType(String associationCategory, int associationTypeId) {
    }

    /** {@code GET /account-info/v3/details} */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record AccountDetails(Long portalId, String accountType, String dataHostingLocation) {
    }

    /** {@code POST /crm/v3/properties/{object}}: the unique property Stellar upserts by. */
    record PropertyCreate(String name, String label, String type, String fieldType, String groupName,
                          boolean hasUniqueValue, String description) {
    }
}
