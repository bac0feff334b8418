package com.tentabo.prm.bootstrap.seams;

import com.tentabo.prm.bootstrap.support.TestData;
import com.tentabo.prm.domain.access.Role;
import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import jakarta.persistence.EntityManager;
import jakarta.transaction.UserTransaction;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A repository contract run on the real database: each test in one transaction, rolled back at its end, so that the
 * contracts leave nothing behind for the other test classes sharing the database.
 */
interface RolledBackPerTest {

    @BeforeEach
    default void begin() throws Exception {
        bean(UserTransaction.class).begin();
    }

    @AfterEach
    default void rollBack() throws Exception {
        bean(UserTransaction.class).rollback();
    }

    default <T> T bean(Class<T> type) {
        return Arc.container().instance(type).get();
    }

    /** Where a service's transaction would end: pending changes written, what was read forgotten. */
    default void flushAndForget() {
        EntityManager em = bean(EntityManager.class);
        em.flush();
        em.clear();
    }

    /** An enabled user (committed apart: a row other records may name as their author). */
    default UUID aUser() {
        return TestData.user(bean(AgroalDataSource.class), Role.PARTNER, null, null);
    }
}
