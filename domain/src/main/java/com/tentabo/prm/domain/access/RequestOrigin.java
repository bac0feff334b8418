package com.tentabo.prm.domain.access;

/** Where a request came from, for the audit log: client IP (IPv6-capable) and user agent, either may be null. */
public record RequestOrigin(String ipAddress, String userAgent) {
    public static final RequestOrigin UNKNOWN = new RequestOrigin(null, null);

    public RequestOrigin {
        ipAddress = truncate(ipAddress, 45);
        userAgent = truncate(userAgent, 255);
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
