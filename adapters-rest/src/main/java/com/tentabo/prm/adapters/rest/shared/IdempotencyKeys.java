package com.tentabo.prm.adapters.rest.shared;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.tentabo.prm.application.shared.Created;
import com.tentabo.prm.application.shared.IdempotencyKey;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/**
 * The {@code Idempotency-Key} header of creates (docs/api.md): the key with the hash of the request it came with, and
 * the 201 answer, marked {@code Idempotent-Replayed: true} when it is the record a first request with the key created.
 */
public final class IdempotencyKeys {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";

    /** The request as parsed (its JSON fields in a fixed order), so that spacing or field order never matter. */
    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .addModule(new JavaTimeModule())
            .build();

    private IdempotencyKeys() {}

    /**
     * The key sent (null when none) with the hash of what identifies the request: the parsed body and the path ids.
     */
    public static IdempotencyKey of(String header, Object... request) {
        return IdempotencyKey.of(header, () -> IdempotencyKey.hash(canonical(request)));
    }

    /**
     * 201 with {@code Location} (when the record has its own address), the body, and {@code Idempotent-Replayed: true}
     * when the record is the one an earlier request with the key created.
     */
    public static <T> Response.ResponseBuilder created(URI location, Created<T> created, Object entity) {
        Response.ResponseBuilder response = (location == null
                        ? Response.status(Response.Status.CREATED)
                        : Response.created(location))
                .entity(entity);
        if (created.replayed()) {
            response.header(REPLAYED, "true");
        }
        return response;
    }

    private static byte[] canonical(Object... request) {
        try {
            return CANONICAL.writeValueAsBytes(List.of(request));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A parsed request always writes back to JSON", e);
        }
    }
}
