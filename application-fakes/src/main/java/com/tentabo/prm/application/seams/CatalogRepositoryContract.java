package com.tentabo.prm.application.seams;

import static com.tentabo.prm.application.fakes.TestRecords.aDuration;
import static com.tentabo.prm.application.fakes.TestRecords.aProduct;
import static org.assertj.core.api.Assertions.assertThat;

import com.tentabo.prm.application.catalog.PageRequest;
import com.tentabo.prm.application.catalog.port.out.DurationRepository;
import com.tentabo.prm.application.catalog.port.out.ProductRepository;
import com.tentabo.prm.application.shared.Page;
import com.tentabo.prm.domain.catalog.Duration;
import com.tentabo.prm.domain.catalog.PriceTier;
import com.tentabo.prm.domain.catalog.PriceTierSet;
import com.tentabo.prm.domain.catalog.Product;
import com.tentabo.prm.domain.catalog.TierPeriod;
import com.tentabo.prm.domain.id.DurationId;
import com.tentabo.prm.domain.id.ProductId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/** What the product and duration repositories do, against the fakes and against the JPA adapters on PostgreSQL. */
public abstract class CatalogRepositoryContract {

    protected abstract ProductRepository products();

    protected abstract DurationRepository durations();

    /**
     * Where a service's transaction would end: the adapter on PostgreSQL writes pending changes and forgets what it
     * read (a later use case reads in a transaction of its own); nothing to do in memory.
     */
    protected void committed() {}

    static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    @Test
    void aProductIsSavedWithItsWholeTierSetAndItsNameIsTaken() {
        Product product = aProduct("12.5", T0);
        products().save(product);
        PriceTierSet replaced = PriceTierSet.validated(List.of(
                new PriceTier(1, 10, new BigDecimal("20"), TierPeriod.MONTH),
                new PriceTier(11, null, new BigDecimal("15"), TierPeriod.MONTH)));
        products()
                .save(new Product(
                        product.id(),
                        product.name(),
                        product.type(),
                        product.unit(),
                        "now tiered",
                        product.active(),
                        product.pricingMode(),
                        replaced,
                        product.createdAt(),
                        T0.plusSeconds(1)));

        Product read = products().findByIdForUpdate(product.id()).orElseThrow();
        assertThat(read.description()).isEqualTo("now tiered");
        assertThat(read.tiers().tiers()).extracting(PriceTier::minQuantity).containsExactly(1, 11);
        assertThat(read.tiers().tiers().get(1).price()).isEqualByComparingTo("15");
        assertThat(read.createdAt()).isEqualTo(T0);
        assertThat(products().nameTaken(product.name(), new ProductId(UUID.randomUUID())))
                .isTrue();
        assertThat(products().nameTaken(product.name(), product.id())).isFalse();
        assertThat(products().isOrdered(product.id())).isFalse();
        products().delete(product.id());
        committed();
        assertThat(products().findById(product.id())).isEmpty();
    }

    @Test
    void theProductListIsNewestFirstAndFiltersByName() {
        String word = "Catalogcontract" + UUID.randomUUID().toString().substring(0, 8);
        Product older = rename(aProduct("1", T0), word + " older", T0);
        Product newer = rename(aProduct("1", T0), word + " newer", T0.plusSeconds(1));
        products().save(older);
        products().save(newer);

        ProductRepository.Filter filter =
                new ProductRepository.Filter(null, null, null, word.toLowerCase(java.util.Locale.ROOT));
        Page<Product> first = products().list(filter, new PageRequest(1, null));
        assertThat(first.items()).extracting(Product::id).containsExactly(newer.id());
        Page<Product> rest = products().list(filter, new PageRequest(1, first.nextCursor()));
        assertThat(rest.items()).extracting(Product::id).containsExactly(older.id());
        assertThat(rest.nextCursor()).isNull();
    }

    @Test
    void theProductTypesAreTheDistinctTrimmedTypesOfTheProducts_sorted() {
        String word = "Typecontract" + UUID.randomUUID().toString().substring(0, 8);
        Product first = retype(aProduct("1", T0), word + " b");
        Product second = retype(aProduct("1", T0), word + " a");
        Product same = retype(aProduct("1", T0), word + " b");
        products().save(first);
        products().save(second);
        products().save(same);
        committed();

        List<String> types = products().types(10_000);
        assertThat(types).containsSubsequence(word + " a", word + " b");
        assertThat(types.stream().filter(t -> t.startsWith(word))).containsExactly(word + " a", word + " b");
        assertThat(types).doesNotHaveDuplicates().noneMatch(String::isBlank);
        assertThat(products().types(1)).hasSize(1);
    }

    @Test
    void durationMonthsAreUniqueAndListedShortestFirst() {
        int months = 1000 + ThreadLocalRandom.current().nextInt(1_000_000);
        Duration duration = aDuration(months, T0);
        durations().save(duration);
        Duration longer = aDuration(months + 1, T0);
        durations().save(longer);

        assertThat(durations().findById(duration.id()).orElseThrow().months()).isEqualTo(months);
        assertThat(durations().monthsTaken(months, new DurationId(UUID.randomUUID())))
                .isTrue();
        assertThat(durations().monthsTaken(months, duration.id())).isFalse();
        List<Duration> page = durations().list(new PageRequest(200, null)).items();
        assertThat(page).extracting(Duration::months).isSorted();
        assertThat(page).extracting(Duration::id).containsSubsequence(duration.id(), longer.id());
        durations().delete(duration.id());
        committed();
        assertThat(durations().findByIdForUpdate(duration.id())).isEmpty();
    }

    private static Product retype(Product p, String type) {
        return new Product(
                p.id(),
                p.name() + " " + UUID.randomUUID(),
                type,
                p.unit(),
                p.description(),
                p.active(),
                p.pricingMode(),
                p.tiers(),
                p.createdAt(),
                p.updatedAt());
    }

    private static Product rename(Product p, String name, Instant at) {
        return new Product(
                p.id(), name, p.type(), p.unit(), p.description(), p.active(), p.pricingMode(), p.tiers(), at, at);
    }
}
