package com.tentabo.prm.adapters.rest.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.tentabo.prm.application.audit.AuditEntry;
import com.tentabo.prm.application.audit.AuditRecord;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One audit row. {@code changes} is the stored JSON as it is (numbers exact), except that the value of any field
 * named like a secret ({@code password}, {@code token}, …), at any depth, is shown as {@code "***"}: rows written by
 * the replaced system were not necessarily redacted when written.
 */
public record AuditLogResponse(UUID id, UUID userId, UUID adminUserId, String action, String entityType,
                               UUID entityId, JsonNode changes, String ipAddress, String userAgent,
                               Instant createdAt) {

    static final String HIDDEN = "***";
    private static final ObjectMapper READER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();

    public static AuditLogResponse from(AuditRecord r) {
        return new AuditLogResponse(r.id(), r.userId(), r.adminUserId(), r.action(), r.entityType(), r.entityId(),
                changes(r.changesJson()), r.ipAddress(), r.userAgent(), r.createdAt());
    }

    static JsonNode changes(String json) {
        if (json == null) {
            return null;
        }
        try {
            return redacted(READER.readTree(json));
        } catch (JsonProcessingException e) {
            // the column is jsonb, so this cannot happen with PostgreSQL; never show what could not be checked
            return TextNode.valueOf(HIDDEN);
        }
    }

    private static JsonNode redacted(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                field.setValue(AuditEntry.isSecretField(field.getKey()) ? TextNode.valueOf(HIDDEN) : redacted(field.getValue()));
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, redacted(array.get(i)));
            }
        }
        return node;
    }
}
