package com.tentabo.prm.domain.registration;

import static org.assertj.core.api.Assertions.assertThat;

import com.tentabo.prm.domain.id.ProgrammeLevelId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The automatic promotion rule: one rank at a time while the next level's thresholds are met; never down. */
class ProgrammePromotionTest {

    private static final Instant AT = Instant.parse("2026-12-03T00:00:00Z");
    private static final ProgrammeLevel REGISTERED = level("Registered", 0, "0", 0);
    private static final ProgrammeLevel SILVER = level("Silver", 10, "10000", 1);
    private static final ProgrammeLevel GOLD = level("Gold", 20, "50000", 3);
    private static final ProgrammeLevel PLATINUM = level("Platinum", 30, "250000", 10);
    private static final List<ProgrammeLevel> LEVELS = List.of(PLATINUM, GOLD, REGISTERED, SILVER);

    private static ProgrammeLevel level(String name, int rank, String bookings, int won) {
        return ProgrammeLevel.of(
                new ProgrammeLevelId(UUID.randomUUID()),
                name,
                rank,
                new BigDecimal("5"),
                BigDecimal.ZERO,
                90,
                new BigDecimal(bookings),
                won,
                AT,
                AT);
    }

    private static Optional<String> promotion(ProgrammeLevel current, String bookings, long won) {
        return ProgrammeLevel.promotion(LEVELS, current, new BigDecimal(bookings), won)
                .map(ProgrammeLevel::name);
    }

    @Test
    void givenFiguresMeetingTheNextLevelsThresholds_promotion_isTheNextLevel() {
        assertThat(promotion(REGISTERED, "10000.00", 1)).contains("Silver");
        assertThat(promotion(REGISTERED, "9999.99", 5))
                .as("every threshold must be met")
                .isEmpty();
        assertThat(promotion(REGISTERED, "90000", 0))
                .as("won registrations missing")
                .isEmpty();
    }

    @Test
    void givenFiguresMeetingSeveralLevels_promotion_climbsAsFarAsEachNextLevelIsMet() {
        assertThat(promotion(REGISTERED, "60000", 3)).contains("Gold");
        assertThat(promotion(SILVER, "300000", 12)).contains("Platinum");
        assertThat(promotion(REGISTERED, "300000", 2))
                .as("Gold needs 3 won: the climb stops at Silver")
                .contains("Silver");
    }

    @Test
    void givenALevelWithoutThresholds_promotion_neverAssignsIt_andAPartnerAtNoLevelStaysThere() {
        assertThat(promotion(null, "1000000", 100))
                .as("the entry level is assigned by staff")
                .isEmpty();
        assertThat(ProgrammeLevel.promotion(List.of(SILVER, GOLD), null, new BigDecimal("20000"), 1))
                .contains(SILVER);
        assertThat(REGISTERED.hasThresholds()).isFalse();
        assertThat(SILVER.hasThresholds()).isTrue();
    }

    @Test
    void givenFiguresBelowTheCurrentLevel_promotion_neverMovesDown() {
        assertThat(promotion(GOLD, "0", 0)).isEmpty();
        assertThat(promotion(PLATINUM, "1000000000", 1000)).as("the top level").isEmpty();
    }

    @Test
    void thePeriodIsTheTwelveCalendarMonthsEndingNowAndTheReasonNamesTheFiguresAndTheLevel() {
        assertThat(ProgrammeLevel.trailingPeriodStart(Instant.parse("2026-03-31T10:15:00Z")))
                .isEqualTo(Instant.parse("2025-03-31T10:15:00Z"));
        assertThat(ProgrammeLevel.trailingPeriodStart(Instant.parse("2028-02-29T00:00:00Z")))
                .as("a leap day goes back to the last day of February")
                .isEqualTo(Instant.parse("2027-02-28T00:00:00Z"));
        assertThat(GOLD.promotionReason(new BigDecimal("50000.00"), 3))
                .isEqualTo("Automatic promotion: trailing"
                        + " 12-month bookings 50000.00 and 3 won registration(s) meet the thresholds of Gold");
    }
}
