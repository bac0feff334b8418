package com.tentabo.prm.bootstrap;

import com.tentabo.prm.application.registration.RegistrationSettings;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Deal registration configuration ({@code prm.registrations.*}). */
@Singleton
public class RegistrationWiring {

    private final int defaultProtectionDays;
    private final String similarityThreshold;
    private final Optional<String> publicMailDomains;

    public RegistrationWiring(
            @ConfigProperty(name = "prm.registrations.default-protection-days", defaultValue = "90")
                    int defaultProtectionDays,
            @ConfigProperty(name = "prm.registrations.similarity-threshold", defaultValue = "0.6")
                    String similarityThreshold,
            @ConfigProperty(name = "prm.registrations.public-mail-domains") Optional<String> publicMailDomains) {
        this.defaultProtectionDays = defaultProtectionDays;
        this.similarityThreshold = similarityThreshold;
        this.publicMailDomains = publicMailDomains;
    }

    @Produces
    @Singleton
    RegistrationSettings registrationSettings() {
        return new RegistrationSettings(
                defaultProtectionDays,
                new BigDecimal(similarityThreshold.trim()),
                publicMailDomains
                        .map(list -> Arrays.stream(list.split(","))
                                .map(String::trim)
                                .filter(s -> !s.isEmpty())
                                .collect(Collectors.toSet()))
                        .orElse(RegistrationSettings.DEFAULT_PUBLIC_MAIL_DOMAINS));
    }
}
