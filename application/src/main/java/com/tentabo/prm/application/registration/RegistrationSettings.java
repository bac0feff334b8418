package com.tentabo.prm.application.registration;

import com.tentabo.prm.domain.registration.CustomerKeys;
import com.tentabo.prm.domain.registration.ProgrammeLevel;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Configuration of deal registration ({@code prm.registrations.*}): the protection window of a partner at no level,
 * the trigram similarity above which two organisation names are a near match (0–1, exclusive), and the public mail
 * domains (folded like any domain) that never match.
 */
public record RegistrationSettings(
        int defaultProtectionDays, BigDecimal similarityThreshold, Set<String> publicMailDomains) {

    public static final Set<String> DEFAULT_PUBLIC_MAIL_DOMAINS = Set.of(
            "gmail.com",
            "googlemail.com",
            "yahoo.com",
            "yahoo.fr",
            "hotmail.com",
            "hotmail.fr",
            "outlook.com",
            "outlook.fr",
            "live.com",
            "live.fr",
            "msn.com",
            "icloud.com",
            "me.com",
            "aol.com",
            "orange.fr",
            "wanadoo.fr",
            "free.fr",
            "sfr.fr",
            "laposte.net",
            "gmx.de",
            "gmx.net",
            "web.de",
            "proton.me",
            "protonmail.com",
            "yandex.ru",
            "mail.com");

    public RegistrationSettings {
        Objects.requireNonNull(similarityThreshold, "similarityThreshold");
        if (defaultProtectionDays < 1 || defaultProtectionDays > 3650) {
            throw new IllegalArgumentException("prm.registrations.default-protection-days must be between 1 and 3650");
        }
        if (similarityThreshold.signum() <= 0 || similarityThreshold.compareTo(BigDecimal.ONE) >= 0) {
            throw new IllegalArgumentException(
                    "prm.registrations.similarity-threshold must be between 0 and 1 (exclusive)");
        }
        publicMailDomains = publicMailDomains.stream()
                .map(CustomerKeys::domain)
                .filter(Objects::nonNull)
                .collect(Collectors.toUnmodifiableSet());
    }

    public static RegistrationSettings defaults() {
        return new RegistrationSettings(
                ProgrammeLevel.DEFAULT_PROTECTION_DAYS, new BigDecimal("0.6"), DEFAULT_PUBLIC_MAIL_DOMAINS);
    }
}
