package dev.stellar.ui.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stellar.ui.StellarIntegrationTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

/** Base of the REST API tests: a client over real HTTP, as an integration would use the API. */
abstract class ApiTest extends StellarIntegrationTest {

    protected final ObjectMapper json = new ObjectMapper();
    protected RestClient http;

    @BeforeEach
    void client() {
        http = RestClient.builder().baseUrl(baseUrl())
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { })
                .build();
    }

    protected Response put(String path, Object body, String token) {
        return exchange(http.put().uri(path).contentType(MediaType.APPLICATION_JSON).body(body), token);
    }

    protected record Response(int status, JsonNode body) {
    }

    protected String signupSomeone() {
        String email = "someone-" + UUID.randomUUID() + "@elsewhere.example";
        assertThat(post("/api/signup", Map.of("organization", "Elsewhere", "name", "Sam", "email", email,
                "password", "another long secret"), null).status()).isEqualTo(201);
        return email;
    }

    protected String token(String email, String password) {
        Response response = post("/api/auth/token", Map.of("email", email, "password", password), null);
        assertThat(response.status()).isEqualTo(200);
        return response.body().get("token").asText();
    }

    protected Response post(String path, Object body, String token) {
        return exchange(http.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body), token);
    }

    protected Response get(String path, String token) {
        return exchange(http.get().uri(path), token);
    }

    protected Response upload(String token, String fileName, byte[] content) {
        return upload(token, fileName, content, Map.of());
    }

    protected Response upload(String token, String fileName, byte[] content, Map<String, String> fields) {
        MultiValueMap<String, String> multi = new LinkedMultiValueMap<>();
        fields.forEach(multi::add);
        return upload(token, fileName, content, multi);
    }

    protected Response upload(String token, String fileName, byte[] content, MultiValueMap<String, String> fields) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        fields.forEach((name, values) -> values.forEach(value -> parts.add(name, value)));
        parts.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        return exchange(http.post().uri("/api/meetings").contentType(MediaType.MULTIPART_FORM_DATA).body(parts), token);
    }

    protected Response postYaml(String yaml, String token) {
        return exchange(http.post().uri("/api/schemas").contentType(MediaType.valueOf("application/yaml")).body(yaml), token);
    }

    protected String text(RestClient.RequestHeadersSpec<?> request, String token) {
        request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        return request.exchange((req, res) -> {
            assertThat(res.getStatusCode().value()).isEqualTo(200);
            return new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8);
        });
    }

    protected Response exchange(RestClient.RequestHeadersSpec<?> request, String token) {
        if (token != null) {
            request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }
        return request.exchange((req, res) -> {
            byte[] bytes = res.getBody().readAllBytes();
            JsonNode body = bytes.length == 0 ? json.nullNode() : json.readTree(bytes);
            return new Response(res.getStatusCode().value(), body);
        });
    }

    protected static byte[] fixture(String resource) throws IOException {
        try (InputStream in = ApiTest.class.getResourceAsStream(resource)) {
            return in.readAllBytes();
        }
    }
}
