package com.tentabo.prm.bootstrap.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import com.tentabo.prm.adapters.rest.security.TokenService;
import com.tentabo.prm.bootstrap.support.Api;
import com.tentabo.prm.bootstrap.support.PostgresResource;
import com.tentabo.prm.bootstrap.support.TestData;
import com.tentabo.prm.domain.access.Role;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresResource.class)
class DurationApiTest {

    @Inject
    AgroalDataSource ds;

    @Inject
    TokenService tokens;

    static Map<String, Object> body(Object months, Object discount, String name) {
        Map<String, Object> b = new HashMap<>();
        b.put("months", months);
        b.put("discount_percentage", discount);
        b.put("name", name);
        return b;
    }

    @Test
    void givenAnAdmin_whenManagingADuration_thenCreateUpdateListAndDeleteWork_andAreAudited() {
        TestData.exec(
                ds, "DELETE FROM durations WHERE months = 113 AND id NOT IN (SELECT duration_id FROM order_items)");
        String id = Api.asAdmin()
                .body(body(113, "12.5", "113 months"))
                .post("/api/v1/durations")
                .then()
                .statusCode(201)
                .body("discount_percentage", is("12.50"))
                .body("months", is(113))
                .extract()
                .path("id");
        Api.asAdmin()
                .body(body(113, "15", "113 months, better"))
                .put("/api/v1/durations/" + id)
                .then()
                .statusCode(200)
                .body("discount_percentage", is("15.00"))
                .body("name", is("113 months, better"));
        Api.asAdmin().get("/api/v1/durations?limit=200").then().statusCode(200).body("items.id", hasItem(id));
        Api.asAdmin()
                .body(body(113, "1", "again"))
                .post("/api/v1/durations")
                .then()
                .statusCode(409)
                .body("code", is("DUPLICATE_VALUE"))
                .body("errors[0].field", is("months"));
        Api.asAdmin().delete("/api/v1/durations/" + id).then().statusCode(204);
        Api.asAdmin().get("/api/v1/durations/" + id).then().statusCode(404).body("code", is("DURATION_NOT_FOUND"));
        assertThat(CatalogFixtures.count(
                        ds,
                        "SELECT count(*) FROM audit_logs WHERE entity_type = 'duration' AND entity_id = ?",
                        UUID.fromString(id)))
                .isEqualTo(3);
    }

    @Test
    void givenAbsurdValues_whenCreating_then400NamingEveryField() {
        Api.asAdmin()
                .body(body(0, "100.5", ""))
                .post("/api/v1/durations")
                .then()
                .statusCode(400)
                .body("code", is("VALIDATION_FAILED"))
                .body("errors.field", hasItem("months"))
                .body("errors.field", hasItem("discount_percentage"))
                .body("errors.field", hasItem("name"));
        Api.asAdmin()
                .body(body(121, "-1", "x"))
                .post("/api/v1/durations")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("months"))
                .body("errors.field", hasItem("discount_percentage"));
        Api.asAdmin()
                .body(body("twelve", "1", "x"))
                .post("/api/v1/durations")
                .then()
                .statusCode(400)
                .body("errors[0].field", is("months"));
    }

    @Test
    void givenAPartnerUser_whenWritingDurations_then403_butReadingWorks() {
        UUID partner = TestData.partner(ds, "Dur " + UUID.randomUUID());
        String token = TestData.tokenFor(tokens, TestData.user(ds, Role.PARTNER, partner, null));
        Api.as(token).body(body(114, "0", "x")).post("/api/v1/durations").then().statusCode(403);
        String month = CatalogFixtures.duration(ds, 1, "0");
        Api.as(token).get("/api/v1/durations/" + month).then().statusCode(200).body("months", is(1));
        Api.as(token).delete("/api/v1/durations/" + month).then().statusCode(403);
    }
}
