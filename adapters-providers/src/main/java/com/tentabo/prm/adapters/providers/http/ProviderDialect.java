package com.tentabo.prm.adapters.providers.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpHeaders;
import java.time.Duration;

/** What differs between providers when a call fails: where their short error text is, and when to come back. */
public interface ProviderDialect {

    /** The provider's name, first word of every failure message. */
    String name();

    /** The provider's own short error text from a JSON error body, or null when it has none. */
    String errorText(JsonNode body);

    /** For a retryable status (408, 429, 5xx): the provider's hint of when to try again, or null when it gave none. */
    Duration retryAfter(int status, HttpHeaders headers);

    /** A few words on why a retryable status came (a daily budget spent, …), or null. */
    default String note(int status, HttpHeaders headers) {
        return null;
    }

    /** A header holding a number of seconds, rounded up; null when absent, negative or not a number. */
    static Duration seconds(HttpHeaders headers, String name) {
        BigDecimal seconds = number(headers, name);
        if (seconds == null || seconds.signum() < 0) {
            return null;
        }
        try {
            return Duration.ofSeconds(seconds.setScale(0, RoundingMode.CEILING).longValueExact());
        } catch (ArithmeticException e) {
            return null;
        }
    }

    /** A header holding a number; null when absent or not a number. */
    static BigDecimal number(HttpHeaders headers, String name) {
        return headers.firstValue(name)
                .map(String::trim)
                .map(value -> {
                    try {
                        return new BigDecimal(value);
                    } catch (NumberFormatException e) {
                        return null;
                    }
                })
                .orElse(null);
    }
}
