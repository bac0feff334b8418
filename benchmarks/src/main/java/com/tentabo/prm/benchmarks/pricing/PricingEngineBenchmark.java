package com.tentabo.prm.benchmarks.pricing;

import com.tentabo.prm.domain.catalog.PriceTier;
import com.tentabo.prm.domain.catalog.PriceTierSet;
import com.tentabo.prm.domain.catalog.PricingMode;
import com.tentabo.prm.domain.catalog.TierPeriod;
import com.tentabo.prm.domain.pricing.Percentage;
import com.tentabo.prm.domain.pricing.PricedDocument;
import com.tentabo.prm.domain.pricing.PricedLine;
import com.tentabo.prm.domain.pricing.PricingEngine;
import com.tentabo.prm.domain.pricing.Quantity;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Throughput of the pricing engine on one thread (docs/performance.md, "Pricing engine"):
 * one VOLUME line, one GRADUATED line over 5 tiers, a 10-line document (10 lines priced, then the document).
 * Targets: ≥ 1,000,000 single-line quotes/s and ≥ 300,000 graduated 5-tier lines/s on one core.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class PricingEngineBenchmark {

    private PricingEngine engine;
    private PriceTierSet tiersA;
    private PriceTierSet fiveTiers;
    private Quantity sixty;
    private Quantity fiveTierQuantity;
    private Percentage tenPercent;
    private Percentage vat;
    private List<Quantity> documentQuantities;

    @Setup
    public void setUp() {
        engine = PricingEngine.of("EUR");
        tiersA = PriceTierSet.validated(List.of(
                PriceTier.of(1, 10, "20.0000", TierPeriod.MONTH),
                PriceTier.of(11, 50, "15.0000", TierPeriod.MONTH),
                PriceTier.of(51, null, "12.5000", TierPeriod.MONTH)));
        fiveTiers = PriceTierSet.validated(List.of(
                PriceTier.of(1, 10, "99.9900", TierPeriod.YEAR),
                PriceTier.of(11, 50, "89.9900", TierPeriod.YEAR),
                PriceTier.of(51, 100, "79.9900", TierPeriod.YEAR),
                PriceTier.of(101, 500, "69.9900", TierPeriod.YEAR),
                PriceTier.of(501, null, "59.9900", TierPeriod.YEAR)));
        sixty = Quantity.of(60);
        fiveTierQuantity = Quantity.of(750);
        tenPercent = Percentage.of("10.00");
        vat = Percentage.of("20.00");
        documentQuantities = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            documentQuantities.add(Quantity.of(i * 13));
        }
    }

    /** PRICING.md example 1: VOLUME, q = 60, M = 12, d = 10 %. */
    @Benchmark
    public PricedLine volumeLine() {
        return engine.priceLine(tiersA, PricingMode.VOLUME, sixty, 12, tenPercent);
    }

    /** GRADUATED over 5 yearly tiers, q = 750 (every tier reached), M = 7, d = 10 %. */
    @Benchmark
    public PricedLine graduatedFiveTierLine() {
        return engine.priceLine(fiveTiers, PricingMode.GRADUATED, fiveTierQuantity, 7, tenPercent);
    }

    /** Ten lines (alternating VOLUME and GRADUATED over tiers A), then the document with VAT. */
    @Benchmark
    public PricedDocument tenLineDocument() {
        List<PricedLine> lines = new ArrayList<>(10);
        for (int i = 0; i < 10; i++) {
            lines.add(engine.priceLine(
                    tiersA,
                    (i & 1) == 0 ? PricingMode.VOLUME : PricingMode.GRADUATED,
                    documentQuantities.get(i),
                    12,
                    tenPercent));
        }
        return engine.priceDocument(lines, vat);
    }
}
