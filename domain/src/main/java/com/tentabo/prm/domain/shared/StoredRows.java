package com.tentabo.prm.domain.shared;

import java.util.function.Supplier;

/**
 * Builds domain values from rows already in the database, without today's input rules (docs/legacy-data.md).
 *
 * <p>The database is the one the replaced system wrote, and it holds values the input rules of this one refuse: a
 * blank name, an e-mail address that is not one, a text longer than the API accepts… Such rows must still load, list
 * and show as they are stored; the input rules belong to creating and changing, not to reading. A constructor that
 * checks input therefore skips those checks while {@link #reading()} is true, which holds only inside
 * {@link #build}; the checks the code relies on (ids, timestamps, the numbers pricing computes with, which the
 * schema's constraints already guarantee) always run.
 *
 * <p>{@link #build} is called by the {@code stored(...)} factories of the domain types — called in turn only by the
 * persistence adapter, which the architecture test enforces — and by changes that keep stored values untouched
 * (replacing a product's tiers keeps its name as stored).
 */
public final class StoredRows {

    private static final ThreadLocal<Boolean> READING = new ThreadLocal<>();

    private StoredRows() {}

    /** Runs the constructor call with the input rules off; nested calls stay off until the outermost returns. */
    public static <T> T build(Supplier<T> constructor) {
        if (reading()) {
            return constructor.get();
        }
        READING.set(Boolean.TRUE);
        try {
            return constructor.get();
        } finally {
            READING.remove();
        }
    }

    /** True while {@link #build} runs: constructors skip their input rules then. */
    public static boolean reading() {
        return Boolean.TRUE.equals(READING.get());
    }
}
