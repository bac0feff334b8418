package com.tentabo.prm.adapters.providers.crm.pipedrive;

import com.fasterxml.jackson.databind.JsonNode;
import com.tentabo.prm.adapters.providers.http.JsonHttp;
import com.tentabo.prm.adapters.providers.http.ProviderDialect;
import java.math.BigDecimal;
import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Pipedrive errors are {@code {"success":false,"error":"...","error_info":"..."}}. A 429 says when the burst window
 * resets in {@code x-ratelimit-reset} (seconds); when it comes with the daily budget spent
 * ({@code x-daily-requests-left} or {@code x-daily-ratelimit-token-remaining} at 0), nothing succeeds before the
 * budget resets, taken as the next midnight UTC.
 */
final class PipedriveDialect implements ProviderDialect {

    private static final String[] DAILY_BUDGET_HEADERS = {"x-daily-requests-left", "x-daily-ratelimit-token-remaining"};

    private final Clock clock;

    PipedriveDialect(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String name() {
        return PipedriveCrmGateway.NAME;
    }

    @Override
    public String errorText(JsonNode body) {
        String error = JsonHttp.text(body, "error");
        String info = JsonHttp.text(body, "error_info");
        if (error == null || error.isBlank()) {
            return info;
        }
        return info == null || info.isBlank() || info.equals(error) ? error : error + " (" + info + ")";
    }

    @Override
    public Duration retryAfter(int status, HttpHeaders headers) {
        if (status == 429 && dailyBudgetSpent(headers)) {
            Instant now = clock.instant();
            Instant midnight = LocalDate.ofInstant(now, ZoneOffset.UTC)
                    .plusDays(1)
                    .atStartOfDay(ZoneOffset.UTC)
                    .toInstant();
            return Duration.between(now, midnight);
        }
        Duration reset = ProviderDialect.seconds(headers, "x-ratelimit-reset");
        return reset != null ? reset : ProviderDialect.seconds(headers, "retry-after");
    }

    @Override
    public String note(int status, HttpHeaders headers) {
        return status == 429 && dailyBudgetSpent(headers) ? "daily request budget spent until midnight UTC" : null;
    }

    private static boolean dailyBudgetSpent(HttpHeaders headers) {
        for (String name : DAILY_BUDGET_HEADERS) {
            BigDecimal left = ProviderDialect.number(headers, name);
            if (left != null && left.signum() <= 0) {
                return true;
            }
        }
        return false;
    }
}
