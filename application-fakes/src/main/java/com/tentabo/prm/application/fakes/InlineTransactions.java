package com.tentabo.prm.application.fakes;

import com.tentabo.prm.application.shared.port.out.Transactions;
import java.util.concurrent.atomic.AtomicInteger;

/** {@link Transactions} for the in-memory fakes: runs the work at once and counts the transactions asked for. */
public class InlineTransactions implements Transactions {

    private final AtomicInteger opened = new AtomicInteger();

    @Override
    public <T> T requiringNew(java.util.function.Supplier<T> work) {
        opened.incrementAndGet();
        return work.get();
    }

    /** How many transactions the code under test opened. */
    public int opened() {
        return opened.get();
    }
}
