package com.tentabo.prm.application.fakes;

import com.tentabo.prm.application.catalog.PageRequest;
import com.tentabo.prm.application.catalog.port.out.DurationRepository;
import com.tentabo.prm.application.shared.Cursor;
import com.tentabo.prm.application.shared.Page;
import com.tentabo.prm.domain.catalog.Duration;
import com.tentabo.prm.domain.id.DurationId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/** {@link DurationRepository} in memory: shortest first, months unique. */
public class InMemoryDurations implements DurationRepository {

    private final Map<DurationId, Duration> rows = new ConcurrentHashMap<>();
    private Predicate<DurationId> ordered = id -> false;

    /** Says which durations an order item refers to (none by default). */
    public InMemoryDurations ordered(Predicate<DurationId> isOrdered) {
        this.ordered = isOrdered;
        return this;
    }

    @Override
    public Optional<Duration> findById(DurationId id) {
        return Optional.ofNullable(rows.get(id));
    }

    @Override
    public Optional<Duration> findByIdForUpdate(DurationId id) {
        return findById(id);
    }

    @Override
    public boolean monthsTaken(int months, DurationId exceptId) {
        return rows.values().stream().anyMatch(d -> d.months() == months && !d.id().equals(exceptId));
    }

    @Override
    public void save(Duration duration) {
        rows.put(duration.id(), duration);
    }

    @Override
    public void delete(DurationId id) {
        rows.remove(id);
    }

    @Override
    public boolean isOrdered(DurationId id) {
        return ordered.test(id);
    }

    @Override
    public Page<Duration> list(PageRequest page) {
        Cursor cursor = Cursor.decode(page.cursor());
        int after = cursor == null ? Integer.MIN_VALUE : cursor.intKey();
        List<Duration> found = rows.values().stream()
                .filter(d -> d.months() > after)
                .sorted(Comparator.comparingInt(Duration::months))
                .limit(page.limit() + 1L)
                .toList();
        if (found.size() <= page.limit()) {
            return new Page<>(found, null);
        }
        List<Duration> rowsOfPage = found.subList(0, page.limit());
        Duration last = rowsOfPage.get(rowsOfPage.size() - 1);
        return new Page<>(
                rowsOfPage,
                new Cursor(Integer.toString(last.months()), last.id().value()).encode());
    }
}
