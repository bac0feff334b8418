package com.tentabo.prm.bootstrap.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.tentabo.prm.adapters.rest.security.TokenService;
import com.tentabo.prm.bootstrap.support.Api;
import com.tentabo.prm.bootstrap.support.PostgresResource;
import com.tentabo.prm.bootstrap.support.TestData;
import com.tentabo.prm.domain.access.Role;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Role × resource × action: every row says what each actor gets (allow = 2xx, 403 or 404). To extend it, add a
 * {@link #row} to {@link #rows()} with the call and the expected status per actor, in {@link Actor} order.
 * Out-of-scope records must answer 404 (never 403, never 200); lists are checked separately to never contain
 * out-of-scope rows.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class AccessMatrixTest {

    /** Who calls. ADMIN_READ_KEY is the admin account through an API key with only the read scope. */
    enum Actor {
        ADMIN,
        RESTRICTED_ADMIN,
        PARTNER,
        DISTRIBUTOR,
        FULFILLER,
        ADMIN_READ_KEY
    }

    /** The world the rows act on: partner A (assigned to distributor D) is in scope; partner B is not. */
    record World(
            UUID partnerA,
            UUID partnerB,
            UUID distributorD,
            UUID userOfA,
            UUID userOfB,
            UUID userOfD,
            UUID adminRoleUser,
            Map<Actor, String> tokens) {}

    /** One call, made as the actor whose token is given; returns the response. */
    interface Call extends BiFunction<World, String, Response> {}

    record Row(String resource, String action, Call call, Map<Actor, Integer> expected) {}

    @Inject
    AgroalDataSource dataSource;

    @Inject
    TokenService tokenService;

    private static Map<Actor, Integer> expect(
            int admin, int restrictedAdmin, int partner, int distributor, int fulfiller, int adminReadKey) {
        Map<Actor, Integer> map = new EnumMap<>(Actor.class);
        map.put(Actor.ADMIN, admin);
        map.put(Actor.RESTRICTED_ADMIN, restrictedAdmin);
        map.put(Actor.PARTNER, partner);
        map.put(Actor.DISTRIBUTOR, distributor);
        map.put(Actor.FULFILLER, fulfiller);
        map.put(Actor.ADMIN_READ_KEY, adminReadKey);
        return map;
    }

    private static Row row(String resource, String action, Call call, Map<Actor, Integer> expected) {
        return new Row(resource, action, call, expected);
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private List<Row> rows() {
        return List.of(
                // --- auth
                row(
                        "auth",
                        "GET /auth/me",
                        (w, t) -> Api.as(t).get("/api/v1/auth/me"),
                        expect(200, 200, 200, 200, 200, 200)),
                // --- users: reads (scope decides between 200 and 404)
                row(
                        "users",
                        "GET list",
                        (w, t) -> Api.as(t).get("/api/v1/users"),
                        expect(200, 200, 200, 200, 403, 200)),
                row(
                        "users",
                        "GET user of partner A (in scope)",
                        (w, t) -> Api.as(t).get("/api/v1/users/" + w.userOfA()),
                        expect(200, 200, 200, 200, 403, 200)),
                row(
                        "users",
                        "GET user of distributor D",
                        (w, t) -> Api.as(t).get("/api/v1/users/" + w.userOfD()),
                        expect(200, 200, 404, 200, 403, 200)),
                row(
                        "users",
                        "GET user of partner B (out of scope)",
                        (w, t) -> Api.as(t).get("/api/v1/users/" + w.userOfB()),
                        expect(200, 200, 404, 404, 403, 200)),
                row(
                        "users",
                        "GET missing user",
                        (w, t) -> Api.as(t).get("/api/v1/users/" + UUID.randomUUID()),
                        expect(404, 404, 404, 404, 403, 404)),
                // --- users: writes
                row(
                        "users",
                        "POST partner user",
                        (w, t) -> {
                            String name = unique("matrix");
                            return Api.as(t)
                                    .body(Map.of(
                                            "username",
                                            name,
                                            "email",
                                            name + "@example.com",
                                            "role",
                                            "partner",
                                            "partner_id",
                                            w.partnerA().toString()))
                                    .post("/api/v1/users");
                        },
                        expect(201, 201, 403, 403, 403, 403)),
                row(
                        "users",
                        "POST admin user",
                        (w, t) -> {
                            String name = unique("matrix-admin");
                            return Api.as(t)
                                    .body(Map.of("username", name, "email", name + "@example.com", "role", "admin"))
                                    .post("/api/v1/users");
                        },
                        expect(201, 403, 403, 403, 403, 403)),
                row(
                        "users",
                        "POST password-reset of a database user",
                        (w, t) -> Api.as(t).post("/api/v1/users/" + freshDatabaseUser(w) + "/password-reset"),
                        expect(200, 403, 403, 403, 403, 403)),
                row(
                        "users",
                        "POST password-reset of a missing user",
                        (w, t) -> Api.as(t).post("/api/v1/users/" + UUID.randomUUID() + "/password-reset"),
                        expect(404, 403, 403, 403, 403, 403)),
                row(
                        "users",
                        "PUT enablement of a partner user",
                        (w, t) -> Api.as(t)
                                .body(Map.of("enabled", false, "reason", "matrix"))
                                .put("/api/v1/users/" + freshUserOf(w) + "/enablement"),
                        expect(200, 200, 403, 403, 403, 403)),
                row(
                        "users",
                        "PUT enablement of an ADMIN user",
                        (w, t) -> Api.as(t)
                                .body(Map.of("enabled", true, "reason", "matrix"))
                                .put("/api/v1/users/" + w.adminRoleUser() + "/enablement"),
                        expect(200, 403, 403, 403, 403, 403)),
                row(
                        "users",
                        "PUT role fulfiller",
                        (w, t) -> Api.as(t)
                                .body(Map.of("role", "fulfiller"))
                                .put("/api/v1/users/" + freshUserOf(w) + "/role"),
                        expect(200, 200, 403, 403, 403, 403)),
                row(
                        "users",
                        "PUT role admin",
                        (w, t) -> Api.as(t)
                                .body(Map.of("role", "admin"))
                                .put("/api/v1/users/" + freshUserOf(w) + "/role"),
                        expect(200, 403, 403, 403, 403, 403)),
                row(
                        "users",
                        "PUT company",
                        (w, t) -> Api.as(t)
                                .body(Map.of("partner_id", w.partnerB().toString()))
                                .put("/api/v1/users/" + freshUserOf(w) + "/company"),
                        expect(200, 200, 403, 403, 403, 403)),
                // --- directory search and pre-provisioning (no LDAP provider is active here: admins pass the role
                // check and get 409 DIRECTORY_NOT_CONFIGURED; LdapDirectoryProvisioningTest covers the directory)
                row(
                        "users",
                        "GET directory",
                        (w, t) -> Api.as(t).get("/api/v1/users/directory?q=matrix"),
                        expect(409, 409, 403, 403, 403, 403)),
                row(
                        "users",
                        "POST provision partner user",
                        (w, t) -> Api.as(t)
                                .body(Map.of(
                                        "provider_id",
                                        "matrix",
                                        "role",
                                        "partner",
                                        "partner_id",
                                        w.partnerA().toString()))
                                .post("/api/v1/users/provision"),
                        expect(409, 409, 403, 403, 403, 403)),
                row(
                        "users",
                        "POST provision admin user",
                        (w, t) -> Api.as(t)
                                .body(Map.of("provider_id", "matrix", "role", "admin"))
                                .post("/api/v1/users/provision"),
                        expect(409, 403, 403, 403, 403, 403)),
                // --- admin users
                row(
                        "admin-users",
                        "GET list",
                        (w, t) -> Api.as(t).get("/api/v1/admin-users"),
                        expect(200, 403, 403, 403, 403, 200)),
                row(
                        "admin-users",
                        "GET one",
                        (w, t) -> Api.as(t).get("/api/v1/admin-users/" + adminId()),
                        expect(200, 403, 403, 403, 403, 200)),
                row(
                        "admin-users",
                        "POST",
                        (w, t) -> {
                            String name = unique("matrix-acct");
                            return Api.as(t)
                                    .body(Map.of("username", name, "email", name + "@example.com"))
                                    .post("/api/v1/admin-users");
                        },
                        expect(201, 403, 403, 403, 403, 403)),
                row(
                        "admin-users",
                        "PATCH",
                        (w, t) -> Api.as(t)
                                .body(Map.of("full_name", "Renamed"))
                                .patch("/api/v1/admin-users/" + freshAdminAccount()),
                        expect(200, 403, 403, 403, 403, 403)),
                row(
                        "admin-users",
                        "POST password-reset",
                        (w, t) -> Api.as(t).post("/api/v1/admin-users/" + freshAdminAccount() + "/password-reset"),
                        expect(200, 403, 403, 403, 403, 403)),
                row(
                        "admin-users",
                        "DELETE",
                        (w, t) -> Api.as(t).delete("/api/v1/admin-users/" + freshAdminAccount()),
                        expect(204, 403, 403, 403, 403, 403)),
                // --- own password (the test users' passwords are kept by their provider: 422) and invitations
                row(
                        "auth",
                        "POST /auth/password with a wrong current password",
                        (w, t) -> Api.as(t)
                                .body(Map.of("current_password", "not-the-password", "new_password", "a-new-password"))
                                .post("/api/v1/auth/password"),
                        expect(400, 422, 422, 422, 422, 403)),
                row(
                        "auth",
                        "POST /auth/invitations/{unknown token}",
                        (w, t) -> Api.as(t)
                                .body(Map.of("password", "a-new-password"))
                                .post("/api/v1/auth/invitations/inv_" + "A".repeat(43)),
                        expect(404, 404, 404, 404, 404, 404)),
                // --- API keys
                row(
                        "api-keys",
                        "POST",
                        (w, t) -> Api.as(t).body(Map.of("name", "matrix")).post("/api/v1/auth/api-keys"),
                        expect(201, 201, 201, 201, 201, 403)),
                row(
                        "api-keys",
                        "GET own",
                        (w, t) -> Api.as(t).get("/api/v1/auth/api-keys"),
                        expect(200, 200, 200, 200, 200, 200)),
                row(
                        "api-keys",
                        "DELETE own",
                        (w, t) -> {
                            String id = Api.as(w.tokens().get(ownerOf(t, w)))
                                    .body(Map.of("name", "to revoke"))
                                    .post("/api/v1/auth/api-keys")
                                    .then()
                                    .statusCode(201)
                                    .extract()
                                    .path("id");
                            return Api.as(t).delete("/api/v1/auth/api-keys/" + id);
                        },
                        expect(204, 204, 204, 204, 204, 403)),
                row(
                        "api-keys",
                        "DELETE somebody else's",
                        (w, t) -> {
                            String other = TestData.tokenFor(tokenService, freshUserOf(w));
                            String id = Api.as(other)
                                    .body(Map.of("name", "not yours"))
                                    .post("/api/v1/auth/api-keys")
                                    .then()
                                    .statusCode(201)
                                    .extract()
                                    .path("id");
                            return Api.as(t).delete("/api/v1/auth/api-keys/" + id);
                        },
                        expect(204, 404, 404, 404, 404, 403)),
                // --- catalog (any authenticated reads and quotes; ADMIN and RESTRICTED_ADMIN write)
                row(
                        "products",
                        "GET list",
                        (w, t) -> Api.as(t).get("/api/v1/products"),
                        expect(200, 200, 200, 200, 200, 200)),
                row(
                        "products",
                        "POST",
                        (w, t) -> Api.as(t)
                                .body(Map.of("name", unique("Matrix product"), "type", "service", "unit", "TB"))
                                .post("/api/v1/products"),
                        expect(201, 201, 403, 403, 403, 403)),
                row(
                        "quotes",
                        "POST",
                        (w, t) -> Api.as(t)
                                .body(Map.of(
                                        "items",
                                        List.of(Map.of(
                                                "product_id",
                                                catalog().product().toString(),
                                                "duration_id",
                                                catalog().duration().toString(),
                                                "quantity",
                                                3))))
                                .post("/api/v1/quotes"),
                        expect(200, 200, 200, 200, 200, 200)),
                // --- partners and distributors (read in scope; fulfillers have no company business)
                row(
                        "partners",
                        "GET partner A (in scope)",
                        (w, t) -> Api.as(t).get("/api/v1/partners/" + w.partnerA()),
                        expect(200, 200, 200, 200, 403, 200)),
                row(
                        "partners",
                        "GET partner B (out of scope)",
                        (w, t) -> Api.as(t).get("/api/v1/partners/" + w.partnerB()),
                        expect(200, 200, 404, 404, 403, 200)),
                row(
                        "partners",
                        "POST",
                        (w, t) -> Api.as(t)
                                .body(Map.of("name", unique("Matrix partner")))
                                .post("/api/v1/partners"),
                        expect(201, 201, 403, 403, 403, 403)),
                // --- leads
                row(
                        "leads",
                        "GET lead of partner A",
                        (w, t) -> Api.as(t).get("/api/v1/leads/" + leadOf(w, w.partnerA())),
                        expect(200, 200, 200, 200, 403, 200)),
                row(
                        "leads",
                        "GET lead of partner B",
                        (w, t) -> Api.as(t).get("/api/v1/leads/" + leadOf(w, w.partnerB())),
                        expect(200, 200, 404, 404, 403, 200)),
                row(
                        "leads",
                        "DELETE lead of partner A",
                        (w, t) -> Api.as(t).delete("/api/v1/leads/" + leadOf(w, w.partnerA())),
                        expect(204, 403, 403, 403, 403, 403)),
                // --- orders (fulfillers see orders once sent)
                row(
                        "orders",
                        "GET created order of A",
                        (w, t) -> Api.as(t).get("/api/v1/orders/" + orderOf(w, w.partnerA(), "CREATED")),
                        expect(200, 200, 200, 200, 404, 200)),
                row(
                        "orders",
                        "GET sent order of B",
                        (w, t) -> Api.as(t).get("/api/v1/orders/" + orderOf(w, w.partnerB(), "SENT")),
                        expect(200, 200, 404, 404, 200, 200)),
                row(
                        "orders",
                        "POST for partner A",
                        (w, t) -> Api.as(t)
                                .body(Map.of(
                                        "partner_id",
                                        w.partnerA().toString(),
                                        "items",
                                        List.of(Map.of(
                                                "product_id",
                                                catalog().product().toString(),
                                                "duration_id",
                                                catalog().duration().toString(),
                                                "quantity",
                                                2))))
                                .post("/api/v1/orders"),
                        expect(201, 201, 201, 403, 403, 403)),
                row(
                        "orders",
                        "send a created order of A",
                        (w, t) -> Api.as(t)
                                .body(Map.of("to", "sent"))
                                .post("/api/v1/orders/" + orderOf(w, w.partnerA(), "CREATED") + "/transitions"),
                        expect(200, 200, 200, 403, 404, 403)),
                row(
                        "orders",
                        "start fulfilling a sent order of A",
                        (w, t) -> Api.as(t)
                                .body(Map.of("to", "in_fulfillment"))
                                .post("/api/v1/orders/" + orderOf(w, w.partnerA(), "SENT") + "/transitions"),
                        expect(200, 403, 403, 403, 200, 403)),
                row(
                        "orders",
                        "cancel a created order of A",
                        (w, t) -> Api.as(t)
                                .body(Map.of("to", "cancelled"))
                                .post("/api/v1/orders/" + orderOf(w, w.partnerA(), "CREATED") + "/transitions"),
                        expect(200, 403, 200, 403, 404, 403)),
                row(
                        "orders",
                        "activate a fulfilled order of A",
                        (w, t) -> Api.as(t)
                                .body(Map.of())
                                .post("/api/v1/orders/" + orderOf(w, w.partnerA(), "FULFILLED") + "/contract"),
                        expect(201, 403, 403, 403, 201, 403)),
                // --- contracts
                row(
                        "contracts",
                        "GET contract of A",
                        (w, t) -> Api.as(t).get("/api/v1/contracts/" + contractOf(w, w.partnerA())),
                        expect(200, 200, 200, 200, 200, 200)),
                row(
                        "contracts",
                        "GET contract of B",
                        (w, t) -> Api.as(t).get("/api/v1/contracts/" + contractOf(w, w.partnerB())),
                        expect(200, 200, 404, 404, 200, 200)),
                row(
                        "contracts",
                        "mark a contract of A lost",
                        (w, t) -> Api.as(t)
                                .body(Map.of("to", "lost", "reason", "churn"))
                                .post("/api/v1/contracts/" + contractOf(w, w.partnerA()) + "/transitions"),
                        expect(200, 403, 403, 403, 403, 403)),
                row(
                        "contracts",
                        "renew a contract of A",
                        (w, t) -> Api.as(t)
                                .body(Map.of())
                                .post("/api/v1/contracts/" + contractOf(w, w.partnerA()) + "/renewal"),
                        expect(201, 403, 403, 403, 403, 403)),
                // --- distributor scope: a record of a partner not assigned to D is out of D's scope even when
                //     stamped with D; notes per parent; only staff pin and set tax rates
                row(
                        "leads",
                        "GET lead of partner B stamped with D",
                        (w, t) -> Api.as(t)
                                .get("/api/v1/leads/" + stamped(leadOf(w, w.partnerB()), "leads", w.distributorD())),
                        expect(200, 200, 404, 404, 403, 200)),
                row(
                        "orders",
                        "GET sent order of B stamped with D",
                        (w, t) -> Api.as(t)
                                .get("/api/v1/orders/"
                                        + stamped(orderOf(w, w.partnerB(), "SENT"), "orders", w.distributorD())),
                        expect(200, 200, 404, 404, 200, 200)),
                row(
                        "contracts",
                        "GET contract of B stamped with D",
                        (w, t) -> Api.as(t)
                                .get("/api/v1/contracts/"
                                        + stamped(contractOf(w, w.partnerB()), "contracts", w.distributorD())),
                        expect(200, 200, 404, 404, 200, 200)),
                row(
                        "orders",
                        "POST note on a sent order of A",
                        (w, t) -> Api.as(t)
                                .body(Map.of("content", "matrix note"))
                                .post("/api/v1/orders/" + orderOf(w, w.partnerA(), "SENT") + "/notes"),
                        expect(201, 201, 201, 403, 201, 403)),
                row(
                        "orders",
                        "POST pinned note on a sent order of A",
                        (w, t) -> Api.as(t)
                                .body(Map.of("content", "matrix pin", "is_pinned", true))
                                .post("/api/v1/orders/" + orderOf(w, w.partnerA(), "SENT") + "/notes"),
                        expect(201, 201, 403, 403, 201, 403)),
                row(
                        "contracts",
                        "POST note on a contract of A",
                        (w, t) -> Api.as(t)
                                .body(Map.of("content", "matrix note"))
                                .post("/api/v1/contracts/" + contractOf(w, w.partnerA()) + "/notes"),
                        expect(201, 403, 403, 403, 201, 403)),
                row(
                        "orders",
                        "POST for partner A with a tax rate",
                        (w, t) -> Api.as(t)
                                .body(Map.of(
                                        "partner_id",
                                        w.partnerA().toString(),
                                        "tax_rate",
                                        "0",
                                        "items",
                                        List.of(Map.of(
                                                "product_id",
                                                catalog().product().toString(),
                                                "duration_id",
                                                catalog().duration().toString(),
                                                "quantity",
                                                2))))
                                .post("/api/v1/orders"),
                        expect(201, 201, 422, 403, 403, 403)),
                // --- providers, outbox and webhooks (admins read, ADMIN writes; nobody else)
                row(
                        "providers",
                        "GET list",
                        (w, t) -> Api.as(t).get("/api/v1/providers"),
                        expect(200, 200, 403, 403, 403, 200)),
                row(
                        "providers",
                        "POST",
                        (w, t) -> Api.as(t)
                                .body(Map.of("provider_type", "crm", "provider_name", unique("matrix")))
                                .post("/api/v1/providers"),
                        expect(201, 403, 403, 403, 403, 403)),
                row(
                        "providers",
                        "health-check of a missing one",
                        (w, t) -> Api.as(t).post("/api/v1/providers/" + UUID.randomUUID() + "/health-check"),
                        expect(404, 403, 403, 403, 403, 403)),
                row(
                        "providers",
                        "health history of a missing one",
                        (w, t) -> Api.as(t).get("/api/v1/providers/" + UUID.randomUUID() + "/health-checks"),
                        expect(404, 404, 403, 403, 403, 404)),
                row(
                        "outbox-events",
                        "GET list",
                        (w, t) -> Api.as(t).get("/api/v1/outbox-events"),
                        expect(200, 200, 403, 403, 403, 200)),
                row(
                        "outbox-events",
                        "requeue a missing one",
                        (w, t) -> Api.as(t).post("/api/v1/outbox-events/" + UUID.randomUUID() + "/requeue"),
                        expect(404, 403, 403, 403, 403, 403)),
                row(
                        "webhook-events",
                        "requeue a missing one",
                        (w, t) -> Api.as(t).post("/api/v1/webhook-events/" + UUID.randomUUID() + "/requeue"),
                        expect(404, 403, 403, 403, 403, 403)),
                // --- billing browsing: checked before the provider is reached (BillingBrowseTest calls a stub)
                row(
                        "billing",
                        "GET invoices with an unknown status",
                        (w, t) -> Api.as(t).get("/api/v1/billing/invoices?status=nonsense"),
                        expect(400, 400, 400, 400, 400, 400)),
                row(
                        "billing",
                        "GET quotes with a cursor of another list",
                        (w, t) -> Api.as(t).get("/api/v1/billing/quotes?cursor=YjF8aW52b2ljZXN8eA"),
                        expect(400, 400, 400, 400, 400, 400)),
                row(
                        "billing",
                        "GET an invoice id that cannot be one",
                        (w, t) -> Api.as(t).get("/api/v1/billing/invoices/bad.id"),
                        expect(404, 404, 404, 404, 404, 404)),
                row(
                        "billing",
                        "link an invoice (authorization before validation)",
                        (w, t) -> Api.as(t).body(Map.of()).put("/api/v1/billing/invoices/42/contract"),
                        expect(400, 403, 403, 403, 403, 403)),
                row(
                        "billing",
                        "unlink an invoice id that cannot be one",
                        (w, t) -> Api.as(t).delete("/api/v1/billing/invoices/bad.id/contract"),
                        expect(404, 403, 403, 403, 403, 403)),
                // --- deal registrations and the partner programme
                row(
                        "registrations",
                        "POST registration of a lead of A",
                        (w, t) -> Api.as(t)
                                .body(Map.of("organization", unique("Matrix customer")))
                                .post("/api/v1/leads/" + leadOf(w, w.partnerA()) + "/registration"),
                        expect(403, 403, 201, 201, 403, 403)),
                row(
                        "registrations",
                        "GET registration of A",
                        (w, t) -> Api.as(t).get("/api/v1/registrations/" + registrationOf(w, w.partnerA())),
                        expect(200, 200, 200, 200, 403, 200)),
                row(
                        "registrations",
                        "GET registration of B",
                        (w, t) -> Api.as(t).get("/api/v1/registrations/" + registrationOf(w, w.partnerB())),
                        expect(200, 200, 404, 404, 403, 200)),
                row(
                        "registrations",
                        "approve a registration of A",
                        (w, t) -> Api.as(t)
                                .body(Map.of("decision", "approve", "reason", "matrix"))
                                .post("/api/v1/registrations/" + registrationOf(w, w.partnerA()) + "/decisions"),
                        expect(200, 200, 403, 403, 403, 403)),
                row(
                        "programme",
                        "GET levels",
                        (w, t) -> Api.as(t).get("/api/v1/programme/levels"),
                        expect(200, 200, 200, 200, 403, 200)),
                row(
                        "programme",
                        "POST level",
                        (w, t) -> Api.as(t)
                                .body(Map.of(
                                        "name",
                                        unique("Matrix level"),
                                        "rank",
                                        1000 + Math.floorMod(UUID.randomUUID().hashCode(), 900_000),
                                        "discount_percentage",
                                        "5",
                                        "registration_bonus_percentage",
                                        "1"))
                                .post("/api/v1/programme/levels"),
                        expect(201, 201, 403, 403, 403, 403)),
                row(
                        "programme",
                        "assign partner A a level",
                        (w, t) -> Api.as(t)
                                .body(Map.of("level_id", levelId(), "reason", "matrix"))
                                .put("/api/v1/programme/partners/" + w.partnerA() + "/level"),
                        expect(200, 200, 403, 403, 403, 403)),
                row(
                        "programme",
                        "GET progress of partner B",
                        (w, t) -> Api.as(t).get("/api/v1/programme/partners/" + w.partnerB() + "/progress"),
                        expect(200, 200, 404, 404, 403, 200)),
                // --- notifications: everyone's own inbox (marking needs the write scope)
                row(
                        "notifications",
                        "GET own list",
                        (w, t) -> Api.as(t).get("/api/v1/notifications"),
                        expect(200, 200, 200, 200, 200, 200)),
                row(
                        "notifications",
                        "GET own unread count",
                        (w, t) -> Api.as(t).get("/api/v1/notifications/unread-count"),
                        expect(200, 200, 200, 200, 200, 200)),
                row(
                        "notifications",
                        "mark a missing one read",
                        (w, t) -> Api.as(t).post("/api/v1/notifications/" + UUID.randomUUID() + "/read"),
                        expect(404, 404, 404, 404, 404, 403)),
                row(
                        "notifications",
                        "mark all read",
                        (w, t) -> Api.as(t).post("/api/v1/notifications/read-all"),
                        expect(200, 200, 200, 200, 200, 403)),
                row(
                        "notifications",
                        "GET own preferences",
                        (w, t) -> Api.as(t).get("/api/v1/notifications/preferences"),
                        expect(200, 200, 200, 200, 200, 200)),
                // --- webhook subscriptions: ADMIN, and partner/distributor users for their company
                row(
                        "webhook-subscriptions",
                        "GET list",
                        (w, t) -> Api.as(t).get("/api/v1/webhook-subscriptions"),
                        expect(200, 403, 200, 200, 403, 200)),
                row(
                        "webhook-subscriptions",
                        "GET a missing one",
                        (w, t) -> Api.as(t).get("/api/v1/webhook-subscriptions/" + UUID.randomUUID()),
                        expect(404, 403, 404, 404, 403, 404)),
                // an unknown event type: allowed roles pass authorization and get the validation answer (creating real
                // subscriptions here would send deliveries from every later test; OutboundWebhookTest creates them)
                row(
                        "webhook-subscriptions",
                        "POST (authorization before validation)",
                        (w, t) -> Api.as(t)
                                .body(Map.of("url", "https://127.0.0.1/matrix", "events", List.of("no.such.event")))
                                .post("/api/v1/webhook-subscriptions"),
                        expect(400, 403, 400, 400, 403, 403)));
    }

    /** A SUBMITTED registration of a new lead of the partner, inserted by SQL. */
    private String registrationOf(World w, UUID partner) {
        UUID id = UUID.randomUUID();
        TestData.exec(
                dataSource,
                "INSERT INTO registrations (id, lead_id, partner_id, status, organization, org_key, "
                        + "submitted_at) VALUES (?, ?, ?, 'SUBMITTED', 'Matrix org', ?, now())",
                id,
                UUID.fromString(leadOf(w, partner)),
                partner,
                "matrix org " + id);
        return id.toString();
    }

    private static String level;

    /** One programme level, made once by SQL. */
    private String levelId() {
        if (level == null) {
            UUID id = UUID.randomUUID();
            TestData.exec(
                    dataSource,
                    "INSERT INTO programme_levels (id, name, rank) VALUES (?, ?, ?)",
                    id,
                    unique("Matrix level"),
                    1000 + Math.floorMod(id.hashCode(), 900_000));
            level = id.toString();
        }
        return level;
    }

    /** An active product (one tier, 10.0000 a month) and a legacy 200+-month duration, made once by SQL. */
    record Catalog(UUID product, UUID duration) {}

    private static Catalog catalog;

    private Catalog catalog() {
        if (catalog == null) {
            UUID product = UUID.randomUUID();
            UUID duration = UUID.randomUUID();
            TestData.exec(
                    dataSource,
                    "INSERT INTO products (id, name, type, unit, is_active) VALUES (?, ?, 'service', 'TB', 'true')",
                    product,
                    unique("Matrix storage"));
            TestData.exec(
                    dataSource,
                    "INSERT INTO price_tiers (product_id, min_quantity, max_quantity, price_per_unit, period) "
                            + "VALUES (?, 1, NULL, 10.0000, 'month')",
                    product);
            int months = 200 + Math.floorMod(duration.hashCode(), 90_000);
            TestData.exec(
                    dataSource,
                    "INSERT INTO durations (id, months, discount_percentage, name) VALUES (?, ?, 0, ?) "
                            + "ON CONFLICT (months) DO UPDATE SET discount_percentage = 0",
                    duration,
                    months,
                    "matrix");
            catalog = new Catalog(product, UUID.fromString(CatalogIds.durationOfMonths(dataSource, months)));
        }
        return catalog;
    }

    /** Reads ids back by natural key. */
    static final class CatalogIds {
        static String durationOfMonths(javax.sql.DataSource ds, int months) {
            try (var c = ds.getConnection();
                    var ps = c.prepareStatement("SELECT id::text FROM durations WHERE months = ?")) {
                ps.setInt(1, months);
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getString(1);
                }
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private String leadOf(World w, UUID partner) {
        UUID id = UUID.randomUUID();
        TestData.exec(
                dataSource,
                "INSERT INTO leads (id, provider_name, title, organization, contact_name, status, owner_id, "
                        + "partner_id) VALUES (?, 'tentabo', 'Matrix lead', 'Org', 'Contact', 'NEW', ?, ?)",
                id,
                w.adminRoleUser(),
                partner);
        return id.toString();
    }

    /** An order of the partner in the given status (one item of the matrix product), inserted by SQL. */
    private String orderOf(World w, UUID partner, String status) {
        UUID id = UUID.randomUUID();
        Catalog c = catalog();
        TestData.exec(
                dataSource,
                "INSERT INTO orders (id, order_number, status, created_by, partner_id, subtotal, discount_amount, "
                        + "tax_amount, total_amount, tax_rate, sent_at, fulfilled_at) VALUES (?, ?, ?::orderstatus, ?, ?, 20.00, 0, 4.00, "
                        + "24.00, 20.00, CASE WHEN ? <> 'CREATED' THEN now() END, CASE WHEN ? = 'FULFILLED' THEN now() END)",
                id,
                "ORD-MATRIX-" + id,
                status,
                w.adminRoleUser(),
                partner,
                status,
                status);
        TestData.exec(
                dataSource,
                "INSERT INTO order_items (order_id, product_id, duration_id, quantity, unit_price, "
                        + "discount_percentage, subtotal, discount_amount, total, product_name, product_type, product_unit, "
                        + "duration_months) VALUES (?, ?, ?, 2, 10.0000, 0, 20.00, 0, 20.00, 'Matrix storage', 'service', 'TB', 1)",
                id,
                c.product(),
                c.duration());
        return id.toString();
    }

    /** An ACTIVE contract of the partner, activated from a FULFILLED order. */
    private String contractOf(World w, UUID partner) {
        UUID order = UUID.fromString(orderOf(w, partner, "FULFILLED"));
        UUID id = UUID.randomUUID();
        TestData.exec(
                dataSource,
                "INSERT INTO contracts (id, contract_number, order_id, status, billing_provider, user_id, "
                        + "partner_id, expiration_date, total_value, currency) VALUES (?, ?, ?, 'ACTIVE', 'none', ?, ?, "
                        + "now() + interval '1 month', 24.00, 'EUR')",
                id,
                "CNT-MATRIX-" + id,
                order,
                w.adminRoleUser(),
                partner);
        return id.toString();
    }

    /** Stamps the record of the table with the distributor (as an earlier assignment did) and answers its id. */
    private String stamped(String id, String table, UUID distributor) {
        TestData.exec(
                dataSource,
                "UPDATE " + table + " SET distributor_id = ? WHERE id = ?",
                distributor,
                UUID.fromString(id));
        return id;
    }

    /** The login token of the actor behind an API-key token (the read key is the admin's; a key cannot create keys). */
    private static Actor ownerOf(String token, World w) {
        for (var entry : w.tokens().entrySet()) {
            if (entry.getValue().equals(token)) {
                return entry.getKey() == Actor.ADMIN_READ_KEY ? Actor.ADMIN : entry.getKey();
            }
        }
        throw new IllegalStateException("unknown token");
    }

    private UUID freshUserOf(World w) {
        return TestData.user(dataSource, Role.PARTNER, w.partnerA(), null);
    }

    /** A database user of partner A created by the admin (its invitation left unused). */
    private String freshDatabaseUser(World w) {
        String name = unique("matrix-db");
        return Api.asAdmin()
                .body(Map.of(
                        "username",
                        name,
                        "email",
                        name + "@example.com",
                        "role",
                        "partner",
                        "partner_id",
                        w.partnerA().toString()))
                .post("/api/v1/users")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private String adminId() {
        return Api.asAdmin().get("/api/v1/auth/me").then().extract().path("id");
    }

    private String freshAdminAccount() {
        String name = unique("matrix-target");
        return Api.asAdmin()
                .body(Map.of("username", name, "email", name + "@example.com"))
                .post("/api/v1/admin-users")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private World world() {
        UUID partnerA = TestData.partner(dataSource, unique("Matrix A"));
        UUID partnerB = TestData.partner(dataSource, unique("Matrix B"));
        UUID distributorD = TestData.distributor(dataSource, unique("Matrix D"));
        TestData.assign(dataSource, distributorD, partnerA, true);
        Map<Actor, String> tokens = new EnumMap<>(Actor.class);
        tokens.put(Actor.ADMIN, Api.adminToken());
        tokens.put(
                Actor.RESTRICTED_ADMIN,
                TestData.tokenFor(tokenService, TestData.user(dataSource, Role.RESTRICTED_ADMIN, null, null)));
        tokens.put(
                Actor.PARTNER,
                TestData.tokenFor(tokenService, TestData.user(dataSource, Role.PARTNER, partnerA, null)));
        tokens.put(
                Actor.DISTRIBUTOR,
                TestData.tokenFor(tokenService, TestData.user(dataSource, Role.DISTRIBUTOR, null, distributorD)));
        tokens.put(
                Actor.FULFILLER,
                TestData.tokenFor(tokenService, TestData.user(dataSource, Role.FULFILLER, null, null)));
        tokens.put(
                Actor.ADMIN_READ_KEY,
                Api.asAdmin()
                        .body(Map.of("name", "matrix read-only", "scopes", List.of("read")))
                        .post("/api/v1/auth/api-keys")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("key"));
        return new World(
                partnerA,
                partnerB,
                distributorD,
                TestData.user(dataSource, Role.PARTNER, partnerA, null),
                TestData.user(dataSource, Role.PARTNER, partnerB, null),
                TestData.user(dataSource, Role.DISTRIBUTOR, null, distributorD),
                TestData.user(dataSource, Role.ADMIN, null, null),
                tokens);
    }

    @TestFactory
    Stream<DynamicTest> everyRoleGetsWhatTheRoleTableAndScopeSay() {
        World world = world();
        List<DynamicTest> tests = new ArrayList<>();
        for (Row row : rows()) {
            for (Actor actor : Actor.values()) {
                int expected = row.expected().get(actor);
                tests.add(DynamicTest.dynamicTest(
                        row.resource() + " " + row.action() + " as " + actor + " -> " + expected, () -> {
                            Response response =
                                    row.call().apply(world, world.tokens().get(actor));
                            assertThat(response.statusCode())
                                    .as(response.asString())
                                    .isEqualTo(expected);
                            if (expected >= 400) {
                                assertThat(response.contentType()).startsWith("application/problem+json");
                            }
                        }));
            }
        }
        return tests.stream();
    }

    @Test
    void givenPartnerOrDistributor_whenListingUsers_thenEveryPageHoldsOnlyInScopeRows() {
        World w = world();
        Set<String> partnerSees = allUserIds(w.tokens().get(Actor.PARTNER), w);
        assertThat(partnerSees)
                .contains(w.userOfA().toString())
                .doesNotContain(w.userOfB().toString(), w.userOfD().toString());
        Set<String> distributorSees = allUserIds(w.tokens().get(Actor.DISTRIBUTOR), w);
        assertThat(distributorSees)
                .contains(w.userOfA().toString(), w.userOfD().toString())
                .doesNotContain(w.userOfB().toString());
        Set<String> adminSees = allUserIds(w.tokens().get(Actor.RESTRICTED_ADMIN), w);
        assertThat(adminSees)
                .contains(
                        w.userOfA().toString(),
                        w.userOfB().toString(),
                        w.userOfD().toString());
    }

    /** Pages through the whole list with a small page size, asserting each row's company is in the actor's scope. */
    private Set<String> allUserIds(String token, World w) {
        Set<String> ids = new HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            RequestSpecification spec = Api.as(token).queryParam("limit", 2);
            if (cursor != null) {
                spec.queryParam("cursor", cursor);
            }
            var json =
                    spec.get("/api/v1/users").then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = json.getList("items");
            for (Map<String, Object> item : items) {
                Object partner = item.get("partner_id");
                Object distributor = item.get("distributor_id");
                if (token.equals(w.tokens().get(Actor.PARTNER))) {
                    assertThat(partner).isEqualTo(w.partnerA().toString());
                } else if (token.equals(w.tokens().get(Actor.DISTRIBUTOR))) {
                    assertThat(w.partnerA().toString().equals(partner)
                                    || w.distributorD().toString().equals(distributor))
                            .as(item.toString())
                            .isTrue();
                }
                assertThat(ids.add((String) item.get("id")))
                        .as("no row twice across pages")
                        .isTrue();
            }
            cursor = json.getString("next_cursor");
            pages++;
        } while (cursor != null && pages < 10_000);
        return ids;
    }
}
