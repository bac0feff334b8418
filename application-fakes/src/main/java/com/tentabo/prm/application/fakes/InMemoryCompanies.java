package com.tentabo.prm.application.fakes;

import com.tentabo.prm.application.company.CompanyQuery;
import com.tentabo.prm.application.company.port.out.CompanyRepository;
import com.tentabo.prm.application.shared.Cursor;
import com.tentabo.prm.application.shared.Page;
import com.tentabo.prm.domain.company.Company;
import com.tentabo.prm.domain.id.CompanyId;
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

/**
 * {@link CompanyRepository} in memory, for one kind of company: {@link InMemoryPartners}, {@link InMemoryDistributors}.
 */
public class InMemoryCompanies<I extends CompanyId> implements CompanyRepository<I> {

    private final Map<I, Company<I>> rows = new ConcurrentHashMap<>();
    private Predicate<I> businessRecords = id -> false;

    /** Says which companies have users, leads, orders or contracts (none by default). */
    public void businessRecords(Predicate<I> hasRecords) {
        this.businessRecords = hasRecords;
    }

    @Override
    public Optional<Company<I>> findById(I id) {
        return Optional.ofNullable(rows.get(id));
    }

    @Override
    public Optional<Company<I>> findByIdForUpdate(I id) {
        return findById(id);
    }

    @Override
    public boolean registrationNumberTaken(String number, I exceptId) {
        return rows.values().stream()
                .filter(c -> !c.id().equals(exceptId))
                .map(c -> c.profile().registrationNumber())
                .anyMatch(n -> n != null && n.toUpperCase(Locale.ROOT).equals(number.toUpperCase(Locale.ROOT)));
    }

    @Override
    public void save(Company<I> company) {
        rows.put(company.id(), company);
    }

    @Override
    public void delete(I id) {
        rows.remove(id);
    }

    @Override
    public boolean hasBusinessRecords(I id) {
        return businessRecords.test(id);
    }

    /** Ordered by name then id; keyset on (name, id); the search is a case-insensitive part of the name. */
    @Override
    public Page<Company<I>> list(CompanyQuery q, Set<I> onlyIds) {
        if (onlyIds != null && onlyIds.isEmpty()) {
            return new Page<>(List.of(), null);
        }
        Function<Company<I>, String> name = c -> c.profile().name();
        Function<Company<I>, UUID> idOf = c -> c.id().value();
        Comparator<Company<I>> order = Comparator.comparing(name).thenComparing(idOf, Keys.UUID_ORDER);
        String search = q.search() == null || q.search().isBlank()
                ? null
                : q.search().strip().toLowerCase(Locale.ROOT);
        List<Company<I>> rowsFound = new ArrayList<>(rows.values().stream()
                .filter(c ->
                        search == null || name.apply(c).toLowerCase(Locale.ROOT).contains(search))
                .filter(c -> q.active() == null || q.active() == c.active())
                .filter(c -> onlyIds == null || onlyIds.contains(c.id()))
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
            Company<I> last = rowsFound.get(rowsFound.size() - 1);
            next = new Cursor(name.apply(last), idOf.apply(last)).encode();
        }
        return new Page<>(rowsFound, next);
    }
}
