package com.tentabo.prm.adapters.rest.problem;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class ProblemMappersTest {

    private final ProblemMappers mappers = new ProblemMappers();

    @Test
    void anExhaustedConnectionPoolIsABusyServiceNotAnError() {
        Response response = mappers.unexpected(new IllegalStateException(
                "could not obtain a connection", new SQLException("Sorry, acquisition timeout!")));

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeaderString("Retry-After")).isEqualTo("1");
        assertThat(response.getEntity().toString()).contains("SERVICE_UNAVAILABLE");
    }

    @Test
    void anUnknownSqlFailureStaysAnInternalError() {
        Response response = mappers.unexpected(new IllegalStateException("boom", new SQLException("something else")));

        assertThat(response.getStatus()).isEqualTo(500);
    }

    @Test
    void aValueTheDatabaseCannotStoreIsABadRequest() {
        for (String state : new String[] {"22021", "22P05", "22001", "22012", "22023"}) {
            Response response = mappers.unexpected(new IllegalStateException(
                    "insert failed", new SQLException("invalid byte sequence for encoding \"UTF8\": 0x00", state)));

            assertThat(response.getStatus()).as(state).isEqualTo(400);
            assertThat(response.getEntity().toString()).as(state).contains("VALIDATION_FAILED");
        }
    }
}
