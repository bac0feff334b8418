package com.tentabo.prm.bootstrap.foundation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import com.tentabo.prm.bootstrap.support.PostgresResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresResource.class)
class ServiceBasicsTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void healthIsUpWithADatabaseCheck() {
        given().get("/q/health")
                .then()
                .statusCode(200)
                .body("status", is("UP"))
                .body("checks.name", org.hamcrest.Matchers.hasItem(containsString("Database")));
    }

    @Test
    void openApiAndSwaggerUiAreServed() {
        given().get("/q/openapi?format=json").then().statusCode(200).body(containsString("/api/v1/auth/login"));
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void metricsAreServedInThePrometheusFormat_withTemplatedRoutesAndTheOutboxBacklog() {
        given().get("/api/v1/orders/{id}", java.util.UUID.randomUUID()).then().statusCode(401);

        String metrics =
                given().get("/q/metrics").then().statusCode(200).extract().asString();

        assertThat(metrics)
                .contains("http_server_requests_seconds_count")
                .contains("uri=\"/api/v1/orders/{id}\"")
                .contains("prm_outbox_events{status=\"pending\"}")
                .contains("prm_outbox_events{status=\"failed\"}")
                .contains("prm_webhook_events{status=\"pending\"}")
                .contains("prm_outbox_deliveries_total{outcome=\"delivered\"}")
                .contains("jvm_memory_used_bytes");
    }

    @Test
    void databaseIsMigratedOnPostgres13() throws Exception {
        try (Connection c = dataSource.getConnection();
                Statement st = c.createStatement()) {
            ResultSet version = st.executeQuery("SHOW server_version");
            version.next();
            assertThat(version.getString(1)).startsWith("13.");
            ResultSet history = st.executeQuery("SELECT max(version::int) FROM flyway_schema_history WHERE success");
            history.next();
            assertThat(history.getInt(1)).isGreaterThanOrEqualTo(1);
        }
    }

    @Test
    void adminIsCreatedAtStartWithBcryptCost12() throws Exception {
        try (Connection c = dataSource.getConnection();
                Statement st = c.createStatement();
                ResultSet rs =
                        st.executeQuery("SELECT password_hash, is_active FROM admin_users WHERE username = 'admin'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).startsWith("$2a$12$");
            assertThat(rs.getBoolean(2)).isTrue();
        }
    }

    @Test
    void unknownRouteIsA404Problem() {
        given().get("/api/v1/no-such-thing")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("code", is("ROUTE_NOT_FOUND"))
                .body("status", is(404));
        given().get("/nowhere").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void malformedJsonIsA400ProblemNeverA500() {
        given().contentType(ContentType.JSON)
                .body("{\"username\": \"admin\", ")
                .post("/api/v1/auth/login")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", is("MALFORMED_REQUEST"))
                .body("detail", not(containsString("Exception")));
        given().contentType(ContentType.JSON)
                .body("[1,2]")
                .post("/api/v1/auth/login")
                .then()
                .statusCode(400)
                .body("code", is("MALFORMED_REQUEST"));
        given().contentType(ContentType.JSON)
                .body("{\"username\": {\"a\": 1}, \"password\": \"x\"}")
                .post("/api/v1/auth/login")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("username"));
    }

    @Test
    void missingFieldsAreA400WithTheFieldNamed() {
        given().contentType(ContentType.JSON)
                .body("{\"username\": \"admin\"}")
                .post("/api/v1/auth/login")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", is("VALIDATION_FAILED"))
                .body("errors.field", org.hamcrest.Matchers.hasItem("password"));
    }

    @Test
    void wrongMediaTypeAndMethodAreProblems() {
        given().contentType("text/plain")
                .body("hello")
                .post("/api/v1/auth/login")
                .then()
                .statusCode(415)
                .contentType("application/problem+json")
                .body("code", is("UNSUPPORTED_MEDIA_TYPE"));
        given().delete("/api/v1/auth/login")
                .then()
                .statusCode(405)
                .contentType("application/problem+json")
                .body("code", is("METHOD_NOT_ALLOWED"));
    }
}
