package com.tentabo.prm.adapters.providers.http;

import com.tentabo.prm.application.provider.ProviderFailure;
import com.tentabo.prm.application.provider.ProviderSettings;
import java.time.Duration;

/** The configuration keys every provider reads the same way; a value that does not parse is a permanent failure. */
public final class ProviderConfig {

    public static final String BASE_URL = "base_url";
    public static final String TIMEOUT_SECONDS = "timeout_seconds";

    private ProviderConfig() {}

    /** {@code base_url}, or the provider's public one; without a trailing slash. */
    public static String baseUrl(ProviderSettings settings, String fallback) {
        String url = settings.setting(BASE_URL, fallback).strip();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** {@code timeout_seconds}, or {@link JsonHttp#REQUEST_TIMEOUT}: how long one call may take, connect included. */
    public static Duration requestTimeout(ProviderSettings settings) {
        return Duration.ofSeconds(positiveInt(settings, TIMEOUT_SECONDS, (int) JsonHttp.REQUEST_TIMEOUT.toSeconds()));
    }

    /** A whole number above zero, or the fallback when absent. */
    public static int positiveInt(ProviderSettings settings, String key, int fallback) {
        Long number = positive(settings, key);
        if (number == null) {
            return fallback;
        }
        if (number > Integer.MAX_VALUE) {
            throw invalid(settings, key);
        }
        return number.intValue();
    }

    /** An id of the provider's (a whole number above zero), or null when absent. */
    public static Long optionalId(ProviderSettings settings, String key) {
        return positive(settings, key);
    }

    private static Long positive(ProviderSettings settings, String key) {
        String value = settings.setting(key, null);
        if (value == null) {
            return null;
        }
        try {
            long number = Long.parseLong(value.strip());
            if (number > 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid(settings, key);
    }

    private static ProviderFailure invalid(ProviderSettings settings, String key) {
        return ProviderFailure.permanent(settings.name() + " configuration '" + key
                + "' must be a whole number above 0, not '" + settings.setting(key, "") + "'");
    }
}
