package com.tentabo.prm.adapters.persistence.contract;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code contracts.billing_invoices} (jsonb, as text) defensively: a JSON array whose every element is an
 * object is the list of invoices; anything else the old system may have stored there (null, a string, an array of
 * ids, invalid text) reads as no invoice, never as an error.
 */
final class ContractInvoicesJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

    private ContractInvoicesJson() {}

    static List<Map<String, Object>> read(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        try {
            JsonNode node = MAPPER.readTree(json);
            if (node == null || !node.isArray()) {
                return List.of();
            }
            List<Map<String, Object>> items = new ArrayList<>();
            for (JsonNode item : node) {
                if (!item.isObject()) {
                    return List.of();
                }
                items.add(MAPPER.convertValue(item, OBJECT));
            }
            return items;
        } catch (Exception e) {
            return List.of();
        }
    }
}
