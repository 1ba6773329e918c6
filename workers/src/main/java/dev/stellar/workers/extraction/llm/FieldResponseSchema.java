package dev.stellar.workers.extraction.llm;

import static dev.stellar.workers.llm.StructuredChat.nullable;

import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonBooleanSchema;
import dev.langchain4j.model.chat.request.json.JsonEnumSchema;
import dev.langchain4j.model.chat.request.json.JsonIntegerSchema;
import dev.langchain4j.model.chat.request.json.JsonNumberSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.request.json.JsonSchemaElement;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import dev.stellar.playbooks.schema.FieldDefinition;
import dev.stellar.playbooks.schema.FieldSchema;

/**
 * The JSON schema of the answer for one field schema: {@code {"fields": {"<key>": {"value", "quote", "utterance",
 * "confidence"}}}} with each value typed by its field. Every property is required and may be null, as strict structured
 * output wants.
 */
final class FieldResponseSchema {

    private FieldResponseSchema() {
    }

    static JsonSchema of(FieldSchema schema) {
        JsonObjectSchema.Builder fields = JsonObjectSchema.builder().additionalProperties(false);
        for (FieldDefinition field : schema.fields()) {
            fields.addProperty(field.key(), JsonObjectSchema.builder()
                    .description(field.label() + ": " + field.description())
                    .addProperty("value", nullable(valueOf(field)))
                    .addProperty("quote", nullable(new JsonStringSchema()))
                    .addProperty("utterance", nullable(new JsonIntegerSchema()))
                    .addProperty("confidence", new JsonNumberSchema())
                    .required("value", "quote", "utterance", "confidence")
                    .additionalProperties(false)
                    .build());
        }
        fields.required(schema.fields().stream().map(FieldDefinition::key).toList());
        return JsonSchema.builder()
                .name("crm_fields")
                .rootElement(JsonObjectSchema.builder()
                        .addProperty("fields", fields.build())
                        .required("fields")
                        .additionalProperties(false)
                        .build())
                .build();
    }

    private static JsonSchemaElement valueOf(FieldDefinition field) {
        return switch (field.type()) {
            case TEXT -> new JsonStringSchema();
            case NUMBER -> new JsonNumberSchema();
            case MONEY -> JsonObjectSchema.builder()
                    .addNumberProperty("amount")
                    .addStringProperty("currency", "ISO 4217 code, e.g. USD")
                    .required("amount", "currency")
                    .additionalProperties(false)
                    .build();
            case DATE -> JsonStringSchema.builder().description("yyyy-mm-dd").build();
            case ENUM -> JsonEnumSchema.builder().enumValues(field.values()).build();
            case BOOLEAN -> new JsonBooleanSchema();
            case LIST -> JsonArraySchema.builder()
                    .items(field.hasAllowedValues() ? JsonEnumSchema.builder().enumValues(field.values()).build()
                            : new JsonStringSchema())
                    .build();
        };
    }
}
