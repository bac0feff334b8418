package com.tentabo.prm.bootstrap.support;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Request helpers for tests: log in and call the API as somebody. */
public final class Api {

    public static final String ADMIN_USERNAME = "admin";
    public static final String ADMIN_PASSWORD = "admin-test-password";
    private static String adminToken;

    private Api() {}

    public static synchronized String adminToken() {
        if (adminToken == null) {
            adminToken = login(ADMIN_USERNAME, ADMIN_PASSWORD);
        }
        return adminToken;
    }

    public static String login(String username, String password) {
        return RestAssured.given()
                .contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", password))
                .post("/api/v1/auth/login")
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
    }

    /**
     * A {@code database} user created by the admin with {@code body} (which names no password: nobody sets another
     * person's password), whose owner then sets {@code password} through the invitation; returns the user's id.
     */
    public static String databaseUser(Map<String, ?> body, String password) {
        JsonPath created = asAdmin()
                .body(body)
                .post("/api/v1/users")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        acceptInvitation(created.getString("invitation.token"), password);
        return created.getString("id");
    }

    /** An admin account created by the admin, whose owner sets {@code password} through the invitation; its id. */
    public static String adminAccount(String username, String password) {
        JsonPath created = asAdmin()
                .body(Map.of("username", username, "email", username + "@example.com"))
                .post("/api/v1/admin-users")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        acceptInvitation(created.getString("invitation.token"), password);
        return created.getString("id");
    }

    /** Sets the password through an invitation (or reset) token, from a fresh address; returns the access token. */
    public static String acceptInvitation(String invitationToken, String password) {
        return from(freshAddress())
                .body(Map.of("password", password))
                .post("/api/v1/auth/invitations/" + invitationToken)
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
    }

    public static RequestSpecification asAdmin() {
        return as(adminToken());
    }

    public static RequestSpecification as(String token) {
        return RestAssured.given().contentType(ContentType.JSON).header("Authorization", "Bearer " + token);
    }

    /** The ids of every item of a keyset-paginated list, read as the admin page after page ({@code next_cursor}). */
    public static List<String> everyId(String path) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            RequestSpecification request = asAdmin().queryParam("limit", 200);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get(path).then().statusCode(200).extract().jsonPath();
            ids.addAll(page.getList("items.id"));
            cursor = page.getString("next_cursor");
        } while (cursor != null);
        return ids;
    }

    /**
     * A request from the given client address (tests run behind a trusted loopback proxy, see application.properties):
     * tests that make logins fail use their own address so that per-address throttling never hits other tests.
     */
    public static RequestSpecification from(String clientAddress) {
        return RestAssured.given().contentType(ContentType.JSON).header("X-Forwarded-For", clientAddress);
    }

    /** A fresh documentation-range address (198.18.0.0/15) for one test. */
    public static String freshAddress() {
        java.util.concurrent.ThreadLocalRandom r = java.util.concurrent.ThreadLocalRandom.current();
        return "198." + (18 + r.nextInt(2)) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254));
    }
}
