package com.tentabo.prm.adapters.persistence.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;

/** The adoption check reaches the database only when Flyway will migrate with the configuration it adjusts. */
class SeedAdoptionCustomizerTest {

    private final AtomicInteger connectionsAsked = new AtomicInteger();

    /** A data source that counts the connections asked of it and has none to give. */
    private final DataSource database = (DataSource) Proxy.newProxyInstance(
            DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                if (method.getName().equals("getConnection")) {
                    connectionsAsked.incrementAndGet();
                    throw new SQLException("no database here");
                }
                throw new UnsupportedOperationException(method.getName());
            });

    @Test
    void givenFlywayInactive_customize_leavesTheDatabaseAlone() {
        FluentConfiguration configuration = Flyway.configure().dataSource(database);

        new SeedAdoptionCustomizer(false).customize(configuration);

        assertThat(connectionsAsked).hasValue(0);
    }

    @Test
    void givenFlywayActive_customize_inspectsTheDatabase() {
        FluentConfiguration configuration = Flyway.configure().dataSource(database);

        assertThatThrownBy(() -> new SeedAdoptionCustomizer(true).customize(configuration))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Could not inspect the database");
        assertThat(connectionsAsked).hasValue(1);
    }
}
