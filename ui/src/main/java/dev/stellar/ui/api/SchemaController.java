package dev.stellar.ui.api;

import dev.stellar.playbooks.schema.FieldSchema;
import dev.stellar.ui.security.CurrentCaller;
import dev.stellar.workers.schema.FieldSchemaService;
import dev.stellar.workers.schema.ResolvedSchema;
import dev.stellar.workers.schema.SchemaSummary;
import dev.stellar.workers.schema.UnknownSchemaException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The organisation's field schemas: read by everyone, changed by OPS and ADMIN (enforced in the service). */
@RestController
@Tag(name = "Field schemas")
@SecurityRequirement(name = "bearer")
public class SchemaController {

    static final String YAML = "application/yaml";

    private final FieldSchemaService schemas;
    private final CurrentCaller currentCaller;

    public SchemaController(FieldSchemaService schemas, CurrentCaller currentCaller) {
        this.schemas = schemas;
        this.currentCaller = currentCaller;
    }

    /** A schema with the version the organisation uses ({@code null}: the built-in one as shipped). */
    public record SchemaResponse(Integer version, FieldSchema schema) {
    }

    public record DefaultRequest(String key) {
    }

    @GetMapping("/api/schemas")
    @Operation(summary = "The schemas the organisation can extract with, built-in and its own")
    public List<SchemaSummary> list() {
        return schemas.list(currentCaller.require());
    }

    @GetMapping(path = "/api/schemas/{key}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "One schema with its fields, types and allowed values")
    public SchemaResponse get(@PathVariable String key) {
        ResolvedSchema resolved = found(key);
        return new SchemaResponse(resolved.version(), resolved.schema());
    }

    @GetMapping(path = "/api/schemas/{key}", produces = {YAML, MediaType.TEXT_PLAIN_VALUE})
    @Operation(summary = "One schema as its YAML document (Accept: application/yaml), for editing and re-import")
    public String export(@PathVariable String key) {
        found(key);
        return schemas.export(currentCaller.require(), key);
    }

    @PostMapping(path = "/api/schemas", consumes = {YAML, MediaType.TEXT_PLAIN_VALUE})
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Save a schema document as the next version of its key (OPS, ADMIN)",
            description = "A broken document is refused with 400 naming the line and the field; nothing is saved.")
    public SchemaResponse save(@RequestBody String yaml) {
        ResolvedSchema saved = schemas.save(currentCaller.require(), yaml);
        return new SchemaResponse(saved.version(), saved.schema());
    }

    @PutMapping("/api/schemas/default")
    @Operation(summary = "Make a schema the organisation's default for meetings that name none (OPS, ADMIN)")
    public List<SchemaSummary> setDefault(@RequestBody DefaultRequest request) {
        schemas.setDefault(currentCaller.require(), request.key());
        return schemas.list(currentCaller.require());
    }

    private ResolvedSchema found(String key) {
        try {
            return schemas.get(currentCaller.require(), key);
        } catch (UnknownSchemaException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, e.getMessage());
        }
    }
}
