package com.tentabo.prm.bootstrap.foundation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import com.tentabo.prm.bootstrap.support.Api;
import com.tentabo.prm.bootstrap.support.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Text PostgreSQL cannot store (a NUL character) in a body is a 400 naming the problem, never a 500, and nothing is
 * written; in a filter it is a 400 or simply matches nothing.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class HostileInputTest {

    @Test
    void givenANulCharacterInAFilter_thenEveryListAnswers400OrNothingFound_neverAnError() {
        for (String path : List.of(
                "/api/v1/audit-logs?action=a%00b",
                "/api/v1/webhook-events?provider_name=a%00b",
                "/api/v1/sync-logs?status=a%00b",
                "/api/v1/leads?q=a%00b",
                "/api/v1/partners?q=a%00b",
                "/api/v1/products?q=a%00b",
                "/api/v1/users?q=a%00b")) {
            int status = Api.asAdmin()
                    .urlEncodingEnabled(false)
                    .get(path)
                    .then()
                    .extract()
                    .statusCode();
            assertThat(status).as(path).isIn(200, 400);
        }
    }

    @Test
    void givenANulCharacterInABody_thenTheCreateIs400_andNothingIsWritten() {
        String name = "Nul " + UUID.randomUUID();
        Api.asAdmin()
                .body("{\"name\":\"" + name + "\\u0000x\"}")
                .post("/api/v1/partners")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        Api.asAdmin()
                .body("{\"title\":\"t\\u0000\",\"organization\":\"o\",\"contact_name\":\"c\"}")
                .post("/api/v1/leads")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        Api.asAdmin()
                .queryParam("q", name)
                .get("/api/v1/partners")
                .then()
                .statusCode(200)
                .body("items.size()", is(0));
    }

    @Test
    void givenAbsurdTimes_thenFiltersAndBodiesAnswer400_neverAnError() {
        for (String time :
                List.of("%2B1000000000-01-01T00:00:00Z", "-1000000000-01-01T00:00:00Z", "%2B300000-01-01T00:00:00Z")) {
            for (String path : List.of(
                    "/api/v1/audit-logs?since=",
                    "/api/v1/sync-logs?until=",
                    "/api/v1/webhook-events?since=",
                    "/api/v1/leads?expected_close_from=")) {
                int status = Api.asAdmin()
                        .urlEncodingEnabled(false)
                        .get(path + time)
                        .then()
                        .extract()
                        .statusCode();
                assertThat(status).as(path + time).isEqualTo(400);
            }
        }
        for (String time : List.of("+1000000000-01-01T00:00:00Z", "+300000-01-01T00:00:00Z")) {
            Api.asAdmin()
                    .body("{\"title\":\"t\",\"organization\":\"o\",\"contact_name\":\"c\","
                            + "\"expected_close_date\":\"" + time + "\"}")
                    .post("/api/v1/leads")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json");
        }
    }
}
