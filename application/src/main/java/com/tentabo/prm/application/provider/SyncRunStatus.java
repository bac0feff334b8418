package com.tentabo.prm.application.provider;

/**
 * How a provider sync run ended; a run is recorded once, when it ends, so every status is final (no transition).
 * The persistence adapter stores the seed's strings {@code success}, {@code partial} and {@code failed}; rows the
 * replaced system wrote are read as it stored them ({@link SyncLogRecord#status()} is the stored text).
 */
public enum SyncRunStatus {
    /** Everything the run set out to do was done. */
    SUCCESS,
    /** The run stopped or failed part-way, having done some of it (a rate limit, some records failing). */
    PARTIAL,
    /** Nothing was done. */
    FAILED;

    /** SUCCESS when the run completed; else PARTIAL when it made progress; else FAILED. */
    public static SyncRunStatus of(boolean completed, boolean progressed) {
        return completed ? SUCCESS : progressed ? PARTIAL : FAILED;
    }
}
