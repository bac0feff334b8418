package com.tentabo.prm.application.identity.service;

import com.tentabo.prm.application.identity.port.out.LoginAttemptRepository;
import com.tentabo.prm.domain.shared.ErrorCode;
import com.tentabo.prm.domain.shared.RetryLaterException;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Login throttling that a stranger cannot turn against an account's owner: failures are counted per (username,
 * client address) and per client address (an IPv6 address counts by its /64 network), never per username alone, so
 * the owner signing in from another address is not locked out. Past {@value #PAIR_FREE_FAILURES} failures for a
 * pair (or {@value #ADDRESS_FREE_FAILURES} from an address) within {@link #WINDOW}, each further attempt waits
 * after the latest failure a delay that doubles with every failure: {@link #FIRST_DELAY}, twice that, … up to the
 * window. Refused attempts are not counted, so a refusal never extends itself.
 */
@ApplicationScoped
public class LoginThrottle {

    public static final Duration WINDOW = Duration.ofMinutes(15);
    public static final int PAIR_FREE_FAILURES = 5;
    public static final int ADDRESS_FREE_FAILURES = 20;
    public static final Duration FIRST_DELAY = Duration.ofSeconds(15);
    /** Enough failures to reach the longest delay (15 s × 2⁶ > 15 min). */
    private static final int DOUBLINGS = 7;

    private static final Pattern IP_LITERAL = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private final LoginAttemptRepository attempts;

    public LoginThrottle(LoginAttemptRepository attempts) {
        this.attempts = attempts;
    }

    /** Refuses (429 with Retry-After) while the pair or the address must wait; {@code username} null: address only. */
    public void check(String username, String address, Instant now) {
        if (address == null) {
            return;
        }
        Instant since = now.minus(WINDOW);
        if (username != null) {
            refuseIfWaiting(
                    attempts.failuresOfUsernameAndAddressSince(
                            username, address, since, PAIR_FREE_FAILURES + DOUBLINGS),
                    PAIR_FREE_FAILURES,
                    now);
        }
        refuseIfWaiting(
                attempts.failuresOfAddressSince(address, since, ADDRESS_FREE_FAILURES + DOUBLINGS),
                ADDRESS_FREE_FAILURES,
                now);
    }

    /**
     * The throttling key of a client address: an IPv4 address as it is, an IPv6 address as its /64 network
     * ({@code 2001:db8:1:2::/64}; one subscriber usually holds a whole /64), an IPv4-mapped IPv6 address as the IPv4
     * one; null when there is no address. Text that is not an IP literal is kept as it is (never resolved).
     */
    public static String addressKey(String ipAddress) {
        if (ipAddress == null || ipAddress.isBlank()) {
            return null;
        }
        String text = ipAddress.strip();
        int zone = text.indexOf('%');
        if (zone >= 0) {
            text = text.substring(0, zone);
        }
        if (text.startsWith("[") && text.endsWith("]")) {
            text = text.substring(1, text.length() - 1);
        }
        if (!IP_LITERAL.matcher(text).matches()) {
            return text.length() > 45 ? text.substring(0, 45) : text;
        }
        try {
            InetAddress address = InetAddress.getByName(text); // a literal: no name lookup
            if (address instanceof Inet6Address) {
                byte[] b = address.getAddress();
                return String.format(
                        java.util.Locale.ROOT,
                        "%x:%x:%x:%x::/64",
                        ((b[0] & 0xff) << 8) | (b[1] & 0xff),
                        ((b[2] & 0xff) << 8) | (b[3] & 0xff),
                        ((b[4] & 0xff) << 8) | (b[5] & 0xff),
                        ((b[6] & 0xff) << 8) | (b[7] & 0xff));
            }
            return address.getHostAddress();
        } catch (UnknownHostException notALiteral) {
            return text;
        }
    }

    /** The delay after the latest of {@code failures} (newest first) once past {@code free} of them. */
    static Duration delayAfter(int failures, int free) {
        if (failures < free) {
            return Duration.ZERO;
        }
        Duration delay = FIRST_DELAY.multipliedBy(1L << Math.min(failures - free, 20));
        return delay.compareTo(WINDOW) > 0 ? WINDOW : delay;
    }

    private static void refuseIfWaiting(List<Instant> failures, int free, Instant now) {
        Duration delay = delayAfter(failures.size(), free);
        if (delay.isZero()) {
            return;
        }
        Instant freeAt = failures.get(0).plus(delay);
        if (now.isBefore(freeAt)) {
            long seconds = Math.max(1, Duration.between(now, freeAt).toMillis() / 1000 + 1);
            throw new RetryLaterException(
                    ErrorCode.TOO_MANY_LOGIN_ATTEMPTS,
                    "Too many failed login attempts; retry in " + seconds + " seconds",
                    seconds);
        }
    }
}
