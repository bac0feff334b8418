package com.tentabo.prm.bootstrap.foundation;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import com.tentabo.prm.bootstrap.support.Api;
import com.tentabo.prm.bootstrap.support.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Numbers are bounded at the JSON edge, for every resource (docs/api.md, "Limits"): a decimal with an absurd exponent
 * ({@code 1E+999999999}, cheap to read, billions of digits to print or scale), a number longer than 40 characters, or
 * a body nested deeper than 64 levels is a 400 naming the field, before any comparison, hashing or arithmetic.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class AbsurdNumbersTest {

    private static final List<String> ABSURD = List.of(
            "1E+999999999",
            "1e999999999",
            "-1E+999999999",
            "1E-999999999",
            "\"1E+999999999\"",
            "12345678901234567890.5",
            "0.123456789012");

    @Test
    void givenAnAbsurdTaxRate_whenPlacingAnOrderWithAnIdempotencyKey_then400NamesTheField() {
        for (String number : ABSURD) {
            refused(
                    Api.asAdmin()
                            .header("Idempotency-Key", "absurd-" + UUID.randomUUID())
                            .body("{\"tax_rate\":" + number + ",\"items\":[]}")
                            .post("/api/v1/orders")
                            .then(),
                    "tax_rate");
        }
    }

    @Test
    void givenAbsurdDecimals_thenEveryResourceRefusesThemAt400() {
        String id = UUID.randomUUID().toString();
        for (String number : ABSURD) {
            refused(
                    Api.asAdmin()
                            .body("{\"tax_rate\":" + number + ",\"items\":[]}")
                            .post("/api/v1/quotes")
                            .then(),
                    "tax_rate");
            refused(
                    Api.asAdmin()
                            .body("{\"tax_rate\":" + number + "}")
                            .patch("/api/v1/orders/" + id)
                            .then(),
                    "tax_rate");
            refused(
                    Api.asAdmin()
                            .body("{\"tax_rate\":" + number + ",\"items\":[]}")
                            .post("/api/v1/leads/" + id + "/convert")
                            .then(),
                    "tax_rate");
            refused(
                    Api.asAdmin()
                            .body("{\"tax_rate\":" + number + "}")
                            .post("/api/v1/contracts/" + id + "/renewal")
                            .then(),
                    "tax_rate");
            refused(
                    Api.asAdmin()
                            .body("{\"months\":1,\"discount_percentage\":" + number + ",\"name\":\"d\"}")
                            .post("/api/v1/durations")
                            .then(),
                    "discount_percentage");
            refused(
                    Api.asAdmin()
                            .body("{\"price_tiers\":[{\"min_quantity\":1,\"price_per_unit\":" + number
                                    + ",\"period\":\"month\"}]}")
                            .put("/api/v1/products/" + id + "/price-tiers")
                            .then(),
                    "price_tiers[0].price_per_unit");
            refused(
                    Api.asAdmin()
                            .body("{\"title\":\"t\",\"organization\":\"o\",\"contact_name\":\"c\",\"value\":" + number
                                    + "}")
                            .post("/api/v1/leads")
                            .then(),
                    "value");
        }
    }

    @Test
    void givenAnAbsurdNumberInFreeFormJson_thenTheProviderConfigurationIs400() {
        Api.asAdmin()
                .body(
                        "{\"provider_type\":\"crm\",\"provider_name\":\"pipedrive\",\"configuration\":{\"x\":1E+999999999}}")
                .post("/api/v1/providers")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void givenANumberLongerThan40Characters_orADeepBody_then400() {
        Api.asAdmin()
                .body("{\"tax_rate\":" + "9".repeat(5000) + ",\"items\":[]}")
                .post("/api/v1/quotes")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", is("MALFORMED_REQUEST"));
        Api.asAdmin()
                .body("{\"items\":[{\"product_id\":\"" + UUID.randomUUID() + "\",\"quantity\":" + "9".repeat(41)
                        + ",\"duration_id\":\"" + UUID.randomUUID() + "\"}]}")
                .post("/api/v1/quotes")
                .then()
                .statusCode(400)
                .body("code", is("MALFORMED_REQUEST"));
        String deep = "[".repeat(100) + "]".repeat(100);
        Api.asAdmin()
                .body("{\"provider_type\":\"crm\",\"provider_name\":\"pipedrive\",\"configuration\":{\"x\":" + deep
                        + "}}")
                .post("/api/v1/providers")
                .then()
                .statusCode(400)
                .body("code", is("MALFORMED_REQUEST"));
    }

    @Test
    void givenDecimalsWithinTheBounds_thenTheyAreReadAsBefore() {
        Api.asAdmin()
                .body("{\"tax_rate\":\"20.000000\",\"items\":[]}")
                .post("/api/v1/quotes")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("items"));
    }

    private static void refused(ValidatableResponse response, String field) {
        response.statusCode(400)
                .contentType("application/problem+json")
                .body("code", is("MALFORMED_REQUEST"))
                .body("errors.field", hasItem(field))
                .body("errors.message", hasItem(containsString("at most 18 digits")));
    }
}
