package com.tentabo.prm.bootstrap.foundation;

import static org.hamcrest.Matchers.is;

import com.tentabo.prm.bootstrap.support.Api;
import com.tentabo.prm.bootstrap.support.PostgresResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every connection of the service's real pool is taken: a request that needs the database waits for the pool's
 * acquisition timeout and is answered 503 SERVICE_UNAVAILABLE with Retry-After, never 500; once connections are free
 * again the same request works.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class PoolExhaustionTest {

    @Inject
    AgroalDataSource ds;

    @Test
    void givenEveryPooledConnectionTaken_whenARequestNeedsOne_then503WithRetryAfter_andAfterwardsItWorks()
            throws SQLException {
        String token = Api.adminToken();
        int size = ds.getConfiguration().connectionPoolConfiguration().maxSize();
        List<Connection> held = new ArrayList<>();
        try {
            for (int i = 0; i < size; i++) {
                held.add(ds.getConnection());
            }
            Api.as(token)
                    .get("/api/v1/auth/me")
                    .then()
                    .statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", "1")
                    .body("code", is("SERVICE_UNAVAILABLE"));
        } finally {
            for (Connection c : held) {
                c.close();
            }
        }
        Api.as(token).get("/api/v1/auth/me").then().statusCode(200).body("username", is(Api.ADMIN_USERNAME));
    }
}
