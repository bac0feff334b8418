package com.tentabo.prm.adapters.providers.webhook.outbound;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which webhook targets this service calls (SSRF protection). A URL must be HTTPS unless {@code allowHttp} (dev and
 * tests); every address its host resolves to must be public, unless it lies in one of {@code allowedRanges} (CIDR,
 * from {@code prm.webhooks.outbound.allowed-private-ranges}). Refused: loopback, private (10/8, 172.16/12,
 * 192.168/16, fc00::/7), link-local (169.254/16 — cloud metadata — and fe80::/10), carrier-grade NAT (100.64/10),
 * "this network" (0/8), benchmarking (198.18/15), multicast, and IPv4 addresses embedded in IPv6.
 */
public record WebhookTargetRules(boolean allowHttp, List<String> allowedRanges) {

    public WebhookTargetRules {
        allowedRanges = allowedRanges == null
                ? List.of()
                : allowedRanges.stream()
                        .map(String::strip)
                        .filter(range -> !range.isEmpty())
                        .toList();
        allowedRanges.forEach(WebhookTargetRules::parseRange);
    }

    /** Why the URL is refused, or empty when it may be called. Resolves the host. */
    public Optional<String> refusal(java.net.URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowHttp && scheme.equals("http"))) {
            return Optional.of("only https addresses are allowed");
        }
        String host = url.getHost();
        if (host == null || host.isBlank()) {
            return Optional.of("the address has no host");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
        } catch (UnknownHostException e) {
            return Optional.of("the host " + host + " does not resolve");
        }
        for (InetAddress address : addresses) {
            if (!isPublic(address) && !allowed(address)) {
                return Optional.of("the host " + host + " resolves to " + address.getHostAddress()
                        + ", a private or reserved address");
            }
        }
        return Optional.empty();
    }

    private boolean allowed(InetAddress address) {
        return allowedRanges.stream().anyMatch(range -> inRange(address, range));
    }

    static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress()
                || address.isLoopbackAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first != 0
                    && first != 10
                    && first != 127
                    && !(first == 100 && second >= 64 && second <= 127)
                    && !(first == 169 && second == 254)
                    && !(first == 172 && second >= 16 && second <= 31)
                    && !(first == 192 && second == 168)
                    && !(first == 198 && (second == 18 || second == 19))
                    && first < 224;
        }
        if (address instanceof Inet6Address) {
            int first = b[0] & 0xff;
            boolean uniqueLocal = (first & 0xfe) == 0xfc;
            boolean embeddedV4 =
                    isZero(b, 0, 10) && ((b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff || isZero(b, 10, 12));
            boolean nat64 = first == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b;
            return !uniqueLocal && !embeddedV4 && !nat64;
        }
        return false;
    }

    private static boolean isZero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }

    static boolean inRange(InetAddress address, String cidr) {
        Object[] range = parseRange(cidr);
        byte[] network = (byte[]) range[0];
        int bits = (Integer) range[1];
        byte[] candidate = address.getAddress();
        if (candidate.length != network.length) {
            return false;
        }
        for (int i = 0; i < bits; i++) {
            int mask = 0x80 >> (i % 8);
            if ((candidate[i / 8] & mask) != (network[i / 8] & mask)) {
                return false;
            }
        }
        return true;
    }

    private static Object[] parseRange(String cidr) {
        String[] parts = cidr.split("/", 2);
        try {
            // literal addresses only: a name here would be looked up
            if (!parts[0].matches("[0-9a-fA-F:.]+")) {
                throw new IllegalArgumentException("not an address literal");
            }
            byte[] network = InetAddress.getByName(parts[0]).getAddress();
            int bits = parts.length == 2 ? Integer.parseInt(parts[1]) : network.length * 8;
            if (bits < 0 || bits > network.length * 8) {
                throw new IllegalArgumentException("prefix out of range");
            }
            return new Object[] {network, bits};
        } catch (UnknownHostException | IllegalArgumentException e) {
            throw new IllegalArgumentException("prm.webhooks.outbound.allowed-private-ranges: '" + cidr
                    + "' is not a CIDR range such as 10.0.0.0/8");
        }
    }
}
