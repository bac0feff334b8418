package com.tentabo.prm.adapters.persistence.migration;

import io.quarkus.flyway.FlywayConfigurationCustomizer;
import jakarta.inject.Singleton;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/** Applies {@link SeedAdoption} to the Flyway instance Quarkus migrates at start. */
@Singleton
public class SeedAdoptionCustomizer implements FlywayConfigurationCustomizer {

    @Override
    public void customize(FluentConfiguration configuration) {
        SeedAdoption.configure(configuration);
    }
}
