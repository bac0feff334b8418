package com.tentabo.prm.adapters.persistence.shared;

import com.tentabo.prm.application.shared.port.out.Transactions;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Supplier;

/** {@link Transactions} with Narayana, the JTA transaction manager of the datasource the repositories use. */
@ApplicationScoped
public class QuarkusTransactions implements Transactions {

    @Override
    public <T> T requiringNew(Supplier<T> work) {
        return QuarkusTransaction.requiringNew().call(work::get);
    }
}
