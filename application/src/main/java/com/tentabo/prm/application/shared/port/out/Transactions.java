package com.tentabo.prm.application.shared.port.out;

import java.util.function.Supplier;

/**
 * Transactions a use case opens itself, apart from the one it runs in: the workers claim, read and record in short
 * transactions of their own and call providers with none open. A use case that is one transaction is
 * {@code @Transactional} instead.
 */
public interface Transactions {

    /** Runs {@code work} in a new transaction, committed when it returns and rolled back when it throws. */
    <T> T requiringNew(Supplier<T> work);

    /** As {@link #requiringNew(Supplier)}, for work that answers nothing. */
    default void requiringNew(Runnable work) {
        requiringNew(() -> {
            work.run();
            return null;
        });
    }
}
