package com.tentabo.prm.bootstrap.foundation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tentabo.prm.bootstrap.support.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document is the contract (docs/api.md): the committed copies {@code docs/openapi.json} and
 * {@code docs/openapi.yaml} are what the service serves, and the document holds the rules every operation and schema
 * must follow. Regenerate the copies with
 * {@code ./mvnw -B verify -pl bootstrap -am -Dtest=OpenApiDocumentTest -Dsurefire.failIfNoSpecifiedTests=false -DskipITs -Dprm.openapi.write=true}.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class OpenApiDocumentTest {

    private static final Path DOCS = Path.of("..", "docs");
    private static final String REGENERATE = "./mvnw -B verify -pl bootstrap -am -Dtest=OpenApiDocumentTest "
            + "-Dsurefire.failIfNoSpecifiedTests=false -DskipITs -Dprm.openapi.write=true";

    @Test
    void theCommittedDocumentIsTheOneTheServiceServes() throws IOException {
        String json = given().get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        String yaml = given().get("/q/openapi").then().statusCode(200).extract().asString();
        if (Boolean.getBoolean("prm.openapi.write")) {
            Files.writeString(DOCS.resolve("openapi.json"), json, StandardCharsets.UTF_8);
            Files.writeString(DOCS.resolve("openapi.yaml"), yaml, StandardCharsets.UTF_8);
        }
        assertThat(read("openapi.json"))
                .as("docs/openapi.json is stale; regenerate it with: " + REGENERATE)
                .isEqualTo(json.replace("\r\n", "\n"));
        assertThat(read("openapi.yaml"))
                .as("docs/openapi.yaml is stale; regenerate it with: " + REGENERATE)
                .isEqualTo(yaml.replace("\r\n", "\n"));
    }

    @Test
    void everyOperationHasAUniqueIdASummaryTheCallersAndItsErrors() throws IOException {
        JsonNode document = document();
        Set<String> ids = new HashSet<>();
        List<String> problems = new ArrayList<>();
        document.get("paths").fields().forEachRemaining(path -> {
            if (!path.getKey().startsWith("/api/")) {
                problems.add(path.getKey() + " is not part of the API");
            }
            path.getValue().fields().forEachRemaining(method -> {
                JsonNode operation = method.getValue();
                String name = method.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
                String id = operation.path("operationId").asText("");
                if (id.isEmpty() || !ids.add(id)) {
                    problems.add(name + ": operationId missing or not unique: " + id);
                }
                if (operation.path("summary").asText("").isBlank()) {
                    problems.add(name + ": no summary");
                }
                if (!operation.path("description").asText("").contains("Who may call")) {
                    problems.add(name + ": the description does not say who may call it");
                }
                if (operation.path("tags").isEmpty()) {
                    problems.add(name + ": no tag");
                }
                JsonNode responses = operation.get("responses");
                for (String status : List.of("400", "401", "403", "404", "500")) {
                    if (!responses.has(status)) {
                        problems.add(name + ": no " + status + " answer");
                    }
                }
                responses.fields().forEachRemaining(answer -> {
                    boolean success = answer.getKey().startsWith("2") && !"204".equals(answer.getKey());
                    if (success
                            && answer.getValue()
                                    .path("content")
                                    .path("application/json")
                                    .path("schema")
                                    .isEmpty()) {
                        problems.add(name + ": answer " + answer.getKey() + " has no schema");
                    }
                });
            });
        });
        assertThat(problems).isEmpty();
        assertThat(document.at("/components/securitySchemes/bearer/scheme").asText())
                .isEqualTo("bearer");
        assertThat(document.at("/servers/0/url").asText()).isEqualTo("/");
        assertThat(document.at("/servers/0/x-internal").asBoolean(true)).isFalse();
        assertThat(document.at("/paths/~1api~1v1~1auth~1login/post/security")).isEmpty();
        assertThat(document.at("/paths/~1api~1v1~1orders/post/security").isMissingNode())
                .isTrue();
    }

    @Test
    void everySchemaDescribesTheWire() throws IOException {
        List<String> problems = new ArrayList<>();
        JsonNode document = document();
        check("", document.get("components"), problems);
        check("", document.get("paths"), problems);
        assertThat(problems).isEmpty();
        JsonNode taxRate = document.at("/components/schemas/CreateOrder/properties/tax_rate");
        assertThat(taxRate.get("type").asText()).isEqualTo("string");
        assertThat(taxRate.get("pattern").asText()).isEqualTo("^\\d{1,3}(\\.\\d{1,2})?$");
        assertThat(document.at("/components/schemas/OrderStatus/enum").toString())
                .contains("\"in_fulfillment\"");
    }

    /** Every schema: no floating-point number, snake_case names, bounded strings, arrays and integers. */
    private static void check(String where, JsonNode node, List<String> problems) {
        if (node.isObject()) {
            String type = node.path("type").asText("");
            switch (type) {
                case "number" -> problems.add(where + ": a number (decimals are strings)");
                case "string" -> {
                    if (!node.has("maxLength") && !node.has("enum")) {
                        problems.add(where + ": a string without maxLength");
                    }
                }
                case "array" -> {
                    if (!node.has("maxItems")) {
                        problems.add(where + ": an array without maxItems");
                    }
                }
                case "integer" -> {
                    if (!node.has("minimum") || !node.has("maximum")) {
                        problems.add(where + ": an integer without bounds");
                    }
                }
                default -> {}
            }
            if (node.has("properties") && node.get("properties").isObject() && !where.endsWith("/examples")) {
                node.get("properties").fieldNames().forEachRemaining(name -> {
                    if (!name.matches("[a-z][a-z0-9_]*")) {
                        problems.add(where + ": property " + name + " is not snake_case");
                    }
                });
            }
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (!"example".equals(field.getKey()) && !"examples".equals(field.getKey())) {
                    check(where + "/" + field.getKey(), field.getValue(), problems);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                check(where + "/" + i, node.get(i), problems);
            }
        }
    }

    private static JsonNode document() throws IOException {
        return new ObjectMapper()
                .readTree(given().get("/q/openapi?format=json")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString());
    }

    private static String read(String name) throws IOException {
        Path file = DOCS.resolve(name);
        return Files.exists(file)
                ? Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n")
                : "";
    }
}
