package com.tentabo.prm.bootstrap.foundation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

import com.tentabo.prm.bootstrap.support.Api;
import com.tentabo.prm.bootstrap.support.PostgresResource;
import com.tentabo.prm.bootstrap.support.TestData;
import com.tentabo.prm.domain.access.Role;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * {@code ETag} / {@code If-Match} on leads, partners and distributors: reads and changes answer the record's ETag; a
 * change or delete naming an ETag that is no longer current is 412 {@code PRECONDITION_FAILED} and changes nothing;
 * without {@code If-Match} a change applies as before.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class ConditionalUpdatesApiTest {

    @Inject
    AgroalDataSource ds;

    @Test
    void givenALead_whenChangedWithAStaleETag_then412_andTheStoredLeadIsUnchanged() {
        String id = Api.asAdmin()
                .body(lead("First"))
                .post("/api/v1/leads")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String etag = Api.asAdmin()
                .get("/api/v1/leads/" + id)
                .then()
                .statusCode(200)
                .header("ETag", notNullValue())
                .extract()
                .header("ETag");

        String newer = Api.asAdmin()
                .header("If-Match", etag)
                .body(lead("Second"))
                .put("/api/v1/leads/" + id)
                .then()
                .statusCode(200)
                .body("title", is("Second"))
                .extract()
                .header("ETag");
        assertThat(newer).isNotEqualTo(etag);

        Api.asAdmin()
                .header("If-Match", etag)
                .body(lead("Third"))
                .put("/api/v1/leads/" + id)
                .then()
                .statusCode(412)
                .contentType("application/problem+json")
                .body("code", is("PRECONDITION_FAILED"));
        Api.asAdmin()
                .header("If-Match", etag)
                .body("{\"status\":\"contacted\"}")
                .post("/api/v1/leads/" + id + "/status")
                .then()
                .statusCode(412);
        Api.asAdmin()
                .header("If-Match", etag)
                .delete("/api/v1/leads/" + id)
                .then()
                .statusCode(412);
        Api.asAdmin()
                .get("/api/v1/leads/" + id)
                .then()
                .statusCode(200)
                .body("title", is("Second"))
                .body("status", is("new"))
                .header("ETag", newer);

        String afterStatus = Api.asAdmin()
                .header("If-Match", "W/" + newer)
                .body("{\"status\":\"contacted\"}")
                .post("/api/v1/leads/" + id + "/status")
                .then()
                .statusCode(200)
                .body("status", is("contacted"))
                .extract()
                .header("ETag");
        Api.asAdmin().body(lead("Fourth")).put("/api/v1/leads/" + id).then().statusCode(200); // no If-Match: applies
        Api.asAdmin()
                .header("If-Match", afterStatus)
                .delete("/api/v1/leads/" + id)
                .then()
                .statusCode(412);
        Api.asAdmin()
                .header("If-Match", "*")
                .delete("/api/v1/leads/" + id)
                .then()
                .statusCode(204);
    }

    @Test
    void givenPartnersAndDistributors_thenTheSameRulesHold() {
        for (String kind : List.of("partners", "distributors")) {
            String name = "Etag " + kind + " " + UUID.randomUUID();
            String id = Api.asAdmin()
                    .body("{\"name\":\"" + name + "\"}")
                    .post("/api/v1/" + kind)
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
            String etag = Api.asAdmin()
                    .get("/api/v1/" + kind + "/" + id)
                    .then()
                    .statusCode(200)
                    .header("ETag", notNullValue())
                    .extract()
                    .header("ETag");
            String newer = Api.asAdmin()
                    .header("If-Match", etag)
                    .body("{\"name\":\"" + name + " 2\"}")
                    .put("/api/v1/" + kind + "/" + id)
                    .then()
                    .statusCode(200)
                    .extract()
                    .header("ETag");
            assertThat(newer).as(kind).isNotEqualTo(etag);
            Api.asAdmin()
                    .header("If-Match", etag)
                    .body("{\"name\":\"" + name + " 3\"}")
                    .put("/api/v1/" + kind + "/" + id)
                    .then()
                    .statusCode(412)
                    .body("code", is("PRECONDITION_FAILED"));
            Api.asAdmin()
                    .header("If-Match", etag)
                    .delete("/api/v1/" + kind + "/" + id)
                    .then()
                    .statusCode(412);
            Api.asAdmin()
                    .get("/api/v1/" + kind + "/" + id)
                    .then()
                    .statusCode(200)
                    .body("name", is(name + " 2"));
            Api.asAdmin()
                    .header("If-Match", newer)
                    .delete("/api/v1/" + kind + "/" + id)
                    .then()
                    .statusCode(204);
        }
    }

    @Test
    void givenAUser_whenAdministeredWithAStaleETag_then412_andTheUserIsUnchanged() {
        UUID user = TestData.user(ds, Role.FULFILLER, null, null);
        String etag = Api.asAdmin()
                .get("/api/v1/users/" + user)
                .then()
                .statusCode(200)
                .header("ETag", notNullValue())
                .extract()
                .header("ETag");
        String newer = Api.asAdmin()
                .header("If-Match", etag)
                .body("{\"role\":\"restricted_admin\"}")
                .put("/api/v1/users/" + user + "/role")
                .then()
                .statusCode(200)
                .body("role", is("restricted_admin"))
                .extract()
                .header("ETag");
        assertThat(newer).isNotEqualTo(etag);
        Api.asAdmin()
                .header("If-Match", etag)
                .body("{\"enabled\":false,\"reason\":\"left\"}")
                .put("/api/v1/users/" + user + "/enablement")
                .then()
                .statusCode(412)
                .body("code", is("PRECONDITION_FAILED"));
        Api.asAdmin()
                .get("/api/v1/users/" + user)
                .then()
                .statusCode(200)
                .body("enabled", is(true))
                .header("ETag", newer);
        Api.asAdmin()
                .header("If-Match", newer)
                .body("{\"enabled\":false,\"reason\":\"left\"}")
                .put("/api/v1/users/" + user + "/enablement")
                .then()
                .statusCode(200)
                .body("enabled", is(false));
    }

    @Test
    void givenAnAdminAccount_whenChangedWithAStaleETag_then412() {
        String username = "etag-" + UUID.randomUUID().toString().substring(0, 8);
        String id = Api.asAdmin()
                .body("{\"username\":\"" + username + "\"," + "\"email\":\"" + username + "@example.org\"}")
                .post("/api/v1/admin-users")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String etag = Api.asAdmin()
                .get("/api/v1/admin-users/" + id)
                .then()
                .statusCode(200)
                .header("ETag", notNullValue())
                .extract()
                .header("ETag");
        String newer = Api.asAdmin()
                .header("If-Match", etag)
                .body("{\"full_name\":\"First Name\"}")
                .patch("/api/v1/admin-users/" + id)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        assertThat(newer).isNotEqualTo(etag);
        Api.asAdmin()
                .header("If-Match", etag)
                .body("{\"full_name\":\"Second Name\"}")
                .patch("/api/v1/admin-users/" + id)
                .then()
                .statusCode(412)
                .body("code", is("PRECONDITION_FAILED"));
        Api.asAdmin()
                .header("If-Match", etag)
                .delete("/api/v1/admin-users/" + id)
                .then()
                .statusCode(412);
        Api.asAdmin()
                .get("/api/v1/admin-users/" + id)
                .then()
                .statusCode(200)
                .body("full_name", is("First Name"))
                .header("ETag", newer);
        Api.asAdmin()
                .header("If-Match", newer)
                .delete("/api/v1/admin-users/" + id)
                .then()
                .statusCode(204);
    }

    @Test
    void givenALeadActivity_whenChangedWithAStaleETag_then412() {
        String lead = Api.asAdmin()
                .body(lead("With activity"))
                .post("/api/v1/leads")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String base = "/api/v1/leads/" + lead + "/activities/";
        String id = Api.asAdmin()
                .body("{\"activity_type\":\"call\",\"subject\":\"One\"}")
                .post(base)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String etag = Api.asAdmin()
                .get(base + id)
                .then()
                .statusCode(200)
                .body("subject", is("One"))
                .header("ETag", notNullValue())
                .extract()
                .header("ETag");
        String newer = Api.asAdmin()
                .header("If-Match", etag)
                .body("{\"done\":true}")
                .put(base + id + "/done")
                .then()
                .statusCode(200)
                .body("done", is(true))
                .extract()
                .header("ETag");
        assertThat(newer).isNotEqualTo(etag);
        Api.asAdmin()
                .header("If-Match", etag)
                .body("{\"activity_type\":\"call\",\"subject\":\"Two\"}")
                .put(base + id)
                .then()
                .statusCode(412)
                .body("code", is("PRECONDITION_FAILED"));
        Api.asAdmin().header("If-Match", etag).delete(base + id).then().statusCode(412);
        Api.asAdmin()
                .get(base + id)
                .then()
                .statusCode(200)
                .body("subject", is("One"))
                .header("ETag", newer);
        Api.asAdmin().header("If-Match", newer).delete(base + id).then().statusCode(204);
        Api.asAdmin().get(base + id).then().statusCode(404).body("code", is("LEAD_ACTIVITY_NOT_FOUND"));
    }

    @Test
    void givenTwoChangesRacingWithTheSameETag_thenExactlyOneApplies_andTheOtherIs412() throws Exception {
        String id = Api.asAdmin()
                .body(lead("Race"))
                .post("/api/v1/leads")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String etag = Api.asAdmin().get("/api/v1/leads/" + id).then().extract().header("ETag");
        String token = Api.adminToken();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Integer> statuses = new ArrayList<>();
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String title = "Racer " + i;
                Callable<Integer> change = () -> Api.as(token)
                        .header("If-Match", etag)
                        .body(lead(title))
                        .put("/api/v1/leads/" + id)
                        .statusCode();
                answers.add(pool.submit(change));
            }
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(statuses).containsExactlyInAnyOrder(200, 412, 412, 412);
        assertThat(TestData.count(
                        ds,
                        "SELECT count(*) FROM audit_logs WHERE entity_id = ? AND action = 'lead.updated'",
                        UUID.fromString(id)))
                .isEqualTo(1);
    }

    static String lead(String title) {
        return "{\"title\":\"" + title + "\",\"organization\":\"Org\",\"contact_name\":\"C\"}";
    }
}
