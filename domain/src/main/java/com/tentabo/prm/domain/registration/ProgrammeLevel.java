package com.tentabo.prm.domain.registration;

import com.tentabo.prm.domain.id.ProgrammeLevelId;
import com.tentabo.prm.domain.pricing.Percentage;
import com.tentabo.prm.domain.pricing.ProgrammeDiscount;
import com.tentabo.prm.domain.shared.DomainException;
import com.tentabo.prm.domain.shared.ErrorCode;
import com.tentabo.prm.domain.shared.FieldViolation;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A level of the partner programme (Registered, Silver, Gold…): its rank (higher is better), the level discount
 * {@code p} and registration bonus {@code b} of the pricing rules, the protection window of an approved registration,
 * and what a partner needs to reach it: trailing-12-month bookings and registrations won (converted) in that time.
 *
 * <p>Invariants: name 1–100 characters; rank 0–1000000; percentages 0–100 with 2 decimals; protection 1–3650 days;
 * thresholds not negative (bookings with at most 2 decimals).
 */
public record ProgrammeLevel(
        ProgrammeLevelId id,
        String name,
        int rank,
        Percentage discountPercentage,
        Percentage registrationBonusPercentage,
        int protectionDays,
        BigDecimal minTrailingBookings,
        int minWonRegistrations,
        Instant createdAt,
        Instant updatedAt) {

    public static final int DEFAULT_PROTECTION_DAYS = 90;

    public ProgrammeLevel {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(discountPercentage, "discountPercentage");
        Objects.requireNonNull(registrationBonusPercentage, "registrationBonusPercentage");
        Objects.requireNonNull(minTrailingBookings, "minTrailingBookings");
    }

    /** Validates every field at once (400 listing each problem). */
    public static ProgrammeLevel of(
            ProgrammeLevelId id,
            String name,
            Integer rank,
            BigDecimal discount,
            BigDecimal bonus,
            Integer protectionDays,
            BigDecimal minBookings,
            Integer minWon,
            Instant createdAt,
            Instant updatedAt) {
        List<FieldViolation> problems = new ArrayList<>();
        if (name == null || name.isBlank()) {
            problems.add(new FieldViolation("name", "must not be blank"));
        } else if (name.strip().length() > 100) {
            problems.add(new FieldViolation("name", "must be at most 100 characters"));
        }
        if (rank == null || rank < 0 || rank > 1_000_000) {
            problems.add(new FieldViolation("rank", "must be between 0 and 1000000"));
        }
        percentage("discount_percentage", discount, problems);
        percentage("registration_bonus_percentage", bonus, problems);
        int days = protectionDays == null ? DEFAULT_PROTECTION_DAYS : protectionDays;
        if (days < 1 || days > 3650) {
            problems.add(new FieldViolation("protection_days", "must be between 1 and 3650"));
        }
        BigDecimal bookings = minBookings == null ? BigDecimal.ZERO : minBookings;
        if (bookings.signum() < 0 || bookings.scale() > 2 || bookings.precision() - bookings.scale() > 12) {
            problems.add(
                    new FieldViolation("min_trailing_bookings", "must be an amount from 0 with at most 2 decimals"));
        }
        int won = minWon == null ? 0 : minWon;
        if (won < 0 || won > 1_000_000) {
            problems.add(new FieldViolation("min_won_registrations", "must be between 0 and 1000000"));
        }
        if (!problems.isEmpty()) {
            throw new DomainException(
                    ErrorCode.VALIDATION_FAILED,
                    problems.stream()
                            .map(p -> p.field() + ": " + p.message())
                            .reduce((a, b) -> a + "; " + b)
                            .orElse(""),
                    problems);
        }
        return new ProgrammeLevel(
                id,
                name.strip(),
                rank,
                new Percentage(discount),
                new Percentage(bonus),
                days,
                bookings.setScale(2),
                won,
                createdAt,
                updatedAt);
    }

    /** The discount an order of a partner at this level gets: {@code p}, plus {@code b} when {@code withBonus}. */
    public ProgrammeDiscount discount(boolean withBonus) {
        return new ProgrammeDiscount(discountPercentage, withBonus ? registrationBonusPercentage : Percentage.ZERO);
    }

    /** Whether a partner with these trailing-12-month figures meets the level's thresholds. */
    public boolean reachedWith(BigDecimal trailingBookings, long wonRegistrations) {
        return trailingBookings.compareTo(minTrailingBookings) >= 0 && wonRegistrations >= minWonRegistrations;
    }

    /** Whether the level states a threshold to reach it by (bookings or won registrations above zero). */
    public boolean hasThresholds() {
        return minTrailingBookings.signum() > 0 || minWonRegistrations > 0;
    }

    /**
     * The level a partner at {@code current} (null: no level) is promoted to automatically with these
     * trailing-12-month figures, if any: climbing one rank at a time, as long as the next level states a threshold and
     * the figures meet all of its thresholds. A level without thresholds (an entry level) is assigned by staff only,
     * and a partner is never moved down.
     *
     * @param levels every level, in any order
     */
    public static Optional<ProgrammeLevel> promotion(
            List<ProgrammeLevel> levels, ProgrammeLevel current, BigDecimal trailingBookings, long wonRegistrations) {
        List<ProgrammeLevel> byRank = levels.stream()
                .sorted(Comparator.comparingInt(ProgrammeLevel::rank))
                .toList();
        ProgrammeLevel reached = null;
        int rank = current == null ? Integer.MIN_VALUE : current.rank();
        for (ProgrammeLevel next : byRank) {
            if (next.rank() <= rank) {
                continue;
            }
            if (!next.hasThresholds() || !next.reachedWith(trailingBookings, wonRegistrations)) {
                break;
            }
            reached = next;
            rank = next.rank();
        }
        return Optional.ofNullable(reached);
    }

    /** The start of the period a partner's progress and promotion are measured on: the 12 months ending at {@code now}. */
    public static Instant trailingPeriodStart(Instant now) {
        return now.atOffset(java.time.ZoneOffset.UTC).minusMonths(12).toInstant();
    }

    /**
     * Why a partner was promoted to this level automatically, as its level history shows it: the figures that met
     * the level's thresholds (bookings as a decimal with two places).
     */
    public String promotionReason(BigDecimal trailingBookings, long wonRegistrations) {
        return "Automatic promotion: trailing 12-month bookings " + trailingBookings.toPlainString() + " and "
                + wonRegistrations + " won registration(s) meet the thresholds of " + name;
    }

    private static void percentage(String field, BigDecimal value, List<FieldViolation> problems) {
        if (value == null) {
            problems.add(new FieldViolation(field, "is required"));
            return;
        }
        String problem = Percentage.problemWith(value);
        if (problem != null) {
            problems.add(new FieldViolation(field, problem));
        }
    }
}
