package com.tentabo.prm.domain.catalog;

import com.tentabo.prm.domain.shared.DomainException;
import com.tentabo.prm.domain.shared.ErrorCode;
import com.tentabo.prm.domain.shared.FieldViolation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The price tiers of a product, ordered by {@code min_quantity}.
 *
 * <p>Invariants of a set built by {@link #validated} (every write): at least one and at most {@link #MAX_TIERS}
 * tiers; sorted by min; the first starts at 0 or 1; contiguous ({@code next.min = prev.max + 1}, hence no overlap);
 * only the last may be open-ended; one period for all. A set built by {@link #legacy} (rows adopted from the seed
 * system) keeps whatever the rows say, sorted by min, and is still priced: the first tier that contains a unit wins.
 */
public final class PriceTierSet {

    public static final int MAX_TIERS = 50;
    private static final PriceTierSet EMPTY = new PriceTierSet(List.of(), true);

    /** A tier as written by a client: any field may be missing or wrong, every problem is reported at once. */
    public record Row(Integer minQuantity, Integer maxQuantity, BigDecimal pricePerUnit, TierPeriod period) {}

    private final List<PriceTier> tiers;
    private final boolean conforming;

    private PriceTierSet(List<PriceTier> tiers, boolean conforming) {
        this.tiers = tiers;
        this.conforming = conforming;
    }

    public static PriceTierSet empty() {
        return EMPTY;
    }

    /**
     * The tiers as stored, sorted by min quantity (ties keep their order), without the write rules. Never throws
     * for rows the database accepts.
     */
    public static PriceTierSet legacy(List<PriceTier> rows) {
        List<PriceTier> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparingInt(PriceTier::minQuantity));
        return new PriceTierSet(List.copyOf(sorted), violationsOf(sorted).isEmpty());
    }

    /** A tier set that obeys every write rule, or 422 {@code INVALID_PRICE_TIERS} listing every violation. */
    public static PriceTierSet validated(List<PriceTier> tiers) {
        List<FieldViolation> violations = violationsOf(tiers);
        if (!violations.isEmpty()) {
            throw invalid(violations);
        }
        return new PriceTierSet(List.copyOf(tiers), true);
    }

    /** Validates raw rows (missing fields, row rules and set rules together) and builds the set. */
    public static PriceTierSet fromRows(List<Row> rows) {
        List<FieldViolation> violations = new ArrayList<>();
        if (rows == null) {
            throw invalid(List.of(new FieldViolation("price_tiers", "is required")));
        }
        List<PriceTier> tiers = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            String at = "price_tiers[" + i + "].";
            if (row == null) {
                violations.add(new FieldViolation("price_tiers[" + i + "]", "must be a tier"));
                continue;
            }
            int before = violations.size();
            if (row.minQuantity() == null) {
                violations.add(new FieldViolation(at + "min_quantity", "is required"));
            } else if (row.minQuantity() < 0) {
                violations.add(new FieldViolation(at + "min_quantity", "must be 0 or more"));
            }
            if (row.maxQuantity() != null && row.minQuantity() != null && row.maxQuantity() <= row.minQuantity()) {
                violations.add(new FieldViolation(at + "max_quantity", "must be greater than min_quantity"));
            }
            if (row.pricePerUnit() == null) {
                violations.add(new FieldViolation(at + "price_per_unit", "is required"));
            } else {
                String problem = PriceTier.priceProblem(row.pricePerUnit());
                if (problem != null) {
                    violations.add(new FieldViolation(at + "price_per_unit", problem));
                }
            }
            if (row.period() == null) {
                violations.add(new FieldViolation(at + "period", "is required (month or year)"));
            }
            if (violations.size() == before) {
                tiers.add(new PriceTier(row.minQuantity(), row.maxQuantity(), row.pricePerUnit(), row.period()));
            }
        }
        if (violations.isEmpty()) {
            violations.addAll(violationsOf(tiers));
        } else if (rows.size() > MAX_TIERS) {
            violations.add(new FieldViolation("price_tiers", "must contain at most " + MAX_TIERS + " tiers"));
        }
        if (!violations.isEmpty()) {
            throw invalid(violations);
        }
        return new PriceTierSet(List.copyOf(tiers), true);
    }

    private static DomainException invalid(List<FieldViolation> violations) {
        StringBuilder detail = new StringBuilder("The price tiers break ")
                .append(violations.size())
                .append(violations.size() == 1 ? " rule" : " rules")
                .append(": ");
        for (int i = 0; i < violations.size(); i++) {
            if (i > 0) {
                detail.append("; ");
            }
            detail.append(violations.get(i).field())
                    .append(' ')
                    .append(violations.get(i).message());
        }
        return new DomainException(ErrorCode.INVALID_PRICE_TIERS, detail.toString(), violations);
    }

    /** Every broken set rule, in tier order; empty when the tiers may be written. */
    public static List<FieldViolation> violationsOf(List<PriceTier> tiers) {
        List<FieldViolation> violations = new ArrayList<>();
        if (tiers.isEmpty()) {
            violations.add(new FieldViolation("price_tiers", "must contain at least one tier"));
            return violations;
        }
        if (tiers.size() > MAX_TIERS) {
            violations.add(new FieldViolation("price_tiers", "must contain at most " + MAX_TIERS + " tiers"));
        }
        PriceTier first = tiers.get(0);
        if (first.minQuantity() > 1) {
            violations.add(new FieldViolation("price_tiers[0].min_quantity", "the first tier must start at 0 or 1"));
        }
        for (int i = 1; i < tiers.size(); i++) {
            PriceTier prev = tiers.get(i - 1);
            PriceTier tier = tiers.get(i);
            String at = "price_tiers[" + i + "].";
            if (tier.period() != first.period()) {
                violations.add(new FieldViolation(
                        at + "period",
                        "every tier must have the same period as the first ("
                                + first.period().label() + ")"));
            }
            if (prev.isOpenEnded()) {
                violations.add(new FieldViolation(
                        "price_tiers[" + (i - 1) + "].max_quantity", "only the last tier may be open-ended"));
                continue;
            }
            if (tier.minQuantity() <= prev.minQuantity()) {
                violations.add(new FieldViolation(at + "min_quantity", "tiers must be sorted by min_quantity"));
            } else if (tier.minQuantity() <= prev.maxQuantity()) {
                violations.add(new FieldViolation(
                        at + "min_quantity", "overlaps the previous tier (must be " + (prev.maxQuantity() + 1L) + ")"));
            } else if (tier.minQuantity() != prev.maxQuantity() + 1L) {
                violations.add(new FieldViolation(
                        at + "min_quantity",
                        "leaves a gap after the previous tier (must be " + (prev.maxQuantity() + 1L) + ")"));
            }
        }
        return violations;
    }

    public List<PriceTier> tiers() {
        return tiers;
    }

    public boolean isEmpty() {
        return tiers.isEmpty();
    }

    public int size() {
        return tiers.size();
    }

    /** False for a legacy set that breaks a write rule (it is still priced). */
    public boolean conforming() {
        return conforming;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PriceTierSet other && tiers.equals(other.tiers);
    }

    @Override
    public int hashCode() {
        return tiers.hashCode();
    }

    @Override
    public String toString() {
        return "PriceTierSet" + tiers;
    }
}
