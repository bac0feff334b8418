package com.tentabo.prm.application.notification.service;

import com.tentabo.prm.application.notification.NotificationEvent;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The body of a webhook delivery: {@code {"id", "type", "created_at", "data": {"object", "id", "partner_id",
 * "distributor_id", …}}}. {@code data} carries ids and reference values only (the params of the event whose names end in
 * {@code _id} or {@code _number}, and {@code days_left}); names, addresses and anything else stay in the console.
 */
final class WebhookPayloads {

    private WebhookPayloads() {}

    static String of(NotificationEvent event, Instant at) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("object", event.subjectType());
        data.put("id", event.subjectId() == null ? null : event.subjectId().toString());
        data.put(
                "partner_id",
                event.tenant().partnerId() == null
                        ? null
                        : event.tenant().partnerId().toString());
        data.put(
                "distributor_id",
                event.tenant().distributorId() == null
                        ? null
                        : event.tenant().distributorId().toString());
        event.params().forEach((name, value) -> {
            if (name.endsWith("_id") || name.endsWith("_number") || name.equals("days_left") || name.equals("status")) {
                data.putIfAbsent(name, value);
            }
        });
        StringBuilder json = new StringBuilder(256).append('{');
        field(json, "id", event.eventId().toString()).append(',');
        field(json, "type", event.type().wireName()).append(',');
        field(json, "created_at", at.toString()).append(",\"data\":{");
        boolean first = true;
        for (Map.Entry<String, String> entry : data.entrySet()) {
            if (!first) {
                json.append(',');
            }
            first = false;
            field(json, entry.getKey(), entry.getValue());
        }
        return json.append("}}").toString();
    }

    private static StringBuilder field(StringBuilder json, String name, String value) {
        string(json, name).append(':');
        return value == null ? json.append("null") : string(json, value);
    }

    private static StringBuilder string(StringBuilder json, String text) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"');
    }
}
