package com.tentabo.prm.application.fakes;

import com.tentabo.prm.application.company.CompanyQuery;
import com.tentabo.prm.application.shared.Cursor;
import com.tentabo.prm.application.shared.Page;
import com.tentabo.prm.domain.company.CompanyProfile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;

/** The rows of one kind of company (partners or distributors), with the list and checks both repositories share. */
final class CompanyRows<T> {

    private final Map<UUID, T> rows = new ConcurrentHashMap<>();
    private final Function<T, UUID> idOf;
    private final Function<T, CompanyProfile> profileOf;
    private final Predicate<T> activeOf;
    private Predicate<UUID> businessRecords = id -> false;

    CompanyRows(Function<T, UUID> idOf, Function<T, CompanyProfile> profileOf, Predicate<T> activeOf) {
        this.idOf = idOf;
        this.profileOf = profileOf;
        this.activeOf = activeOf;
    }

    void businessRecords(Predicate<UUID> hasRecords) {
        this.businessRecords = hasRecords;
    }

    Optional<T> find(UUID id) {
        return Optional.ofNullable(rows.get(id));
    }

    boolean registrationNumberTaken(String number, UUID exceptId) {
        return rows.values().stream()
                .filter(c -> !idOf.apply(c).equals(exceptId))
                .map(c -> profileOf.apply(c).registrationNumber())
                .anyMatch(n -> n != null && n.toUpperCase(Locale.ROOT).equals(number.toUpperCase(Locale.ROOT)));
    }

    void save(T company) {
        rows.put(idOf.apply(company), company);
    }

    void delete(UUID id) {
        rows.remove(id);
    }

    boolean hasBusinessRecords(UUID id) {
        return businessRecords.test(id);
    }

    /** Ordered by name then id; keyset on (name, id); the search is a case-insensitive part of the name. */
    Page<T> list(CompanyQuery q, Set<UUID> onlyIds) {
        if (onlyIds != null && onlyIds.isEmpty()) {
            return new Page<>(List.of(), null);
        }
        Function<T, String> name = c -> profileOf.apply(c).name();
        Comparator<T> order = Comparator.comparing(name).thenComparing(idOf, Keys.UUID_ORDER);
        String search = q.search() == null || q.search().isBlank()
                ? null
                : q.search().strip().toLowerCase(Locale.ROOT);
        List<T> rowsFound = new ArrayList<>(rows.values().stream()
                .filter(c ->
                        search == null || name.apply(c).toLowerCase(Locale.ROOT).contains(search))
                .filter(c -> q.active() == null || q.active() == activeOf.test(c))
                .filter(c -> onlyIds == null || onlyIds.contains(idOf.apply(c)))
                .filter(c -> q.after() == null
                        || name.apply(c).compareTo(q.after().key()) > 0
                        || name.apply(c).equals(q.after().key())
                                && Keys.UUID_ORDER.compare(
                                                idOf.apply(c), q.after().id())
                                        > 0)
                .sorted(order)
                .limit(q.limit() + 1L)
                .toList());
        String next = null;
        if (rowsFound.size() > q.limit()) {
            rowsFound = rowsFound.subList(0, q.limit());
            T last = rowsFound.get(rowsFound.size() - 1);
            next = new Cursor(name.apply(last), idOf.apply(last)).encode();
        }
        return new Page<>(rowsFound, next);
    }
}
