package com.tentabo.prm.domain.shared;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The transition table of a status enum: which statuses may follow each one (a status absent from the table is
 * final). Built once per enum, read-only afterwards.
 *
 * <pre>{@code
 * private static final Transitions<OutboxStatus> TABLE = Transitions.of(OutboxStatus.class)
 *         .allow(PENDING, PENDING, DELIVERED, FAILED, SKIPPED)
 *         .allow(FAILED, PENDING);
 * }</pre>
 */
public final class Transitions<S extends Enum<S>> {

    private final Class<S> type;
    private final Map<S, Set<S>> next;

    private Transitions(Class<S> type) {
        this.type = type;
        this.next = new EnumMap<>(type);
    }

    public static <S extends Enum<S>> Transitions<S> of(Class<S> type) {
        return new Transitions<>(type);
    }

    /** Allows {@code from → to} for each {@code to}; for building the table only. */
    @SafeVarargs
    public final Transitions<S> allow(S from, S... to) {
        next.computeIfAbsent(from, k -> EnumSet.noneOf(type)).addAll(java.util.List.of(to));
        return this;
    }

    public boolean allows(S from, S to) {
        Set<S> targets = next.get(from);
        return targets != null && targets.contains(to);
    }

    /** The statuses that may follow {@code from} (empty: final). */
    public Set<S> from(S from) {
        Set<S> targets = next.get(from);
        return targets == null ? Set.of() : Collections.unmodifiableSet(targets);
    }
}
