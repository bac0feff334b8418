package com.tentabo.prm.adapters.persistence.migration;

import io.quarkus.flyway.FlywayConfigurationCustomizer;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * Applies {@link SeedAdoption} to the Flyway instance Quarkus migrates at start. When Flyway is inactive (the start
 * found the schema up to date, or the operator turned it off) Quarkus still builds its configuration but never
 * migrates with it, so the database is not inspected for adoption then.
 */
@Singleton
public class SeedAdoptionCustomizer implements FlywayConfigurationCustomizer {

    private final boolean flywayActive;

    public SeedAdoptionCustomizer(
            @ConfigProperty(name = "quarkus.flyway.active", defaultValue = "true") boolean active) {
        this.flywayActive = active;
    }

    @Override
    public void customize(FluentConfiguration configuration) {
        if (flywayActive) {
            SeedAdoption.configure(configuration);
        }
    }
}
