package com.tentabo.prm.bootstrap.programme;

import static org.assertj.core.api.Assertions.assertThat;

import com.tentabo.prm.application.order.port.out.OrderRepository;
import com.tentabo.prm.application.registration.service.LevelPromotionService;
import com.tentabo.prm.bootstrap.support.Api;
import com.tentabo.prm.bootstrap.support.MovableClock;
import com.tentabo.prm.bootstrap.support.PostgresResource;
import com.tentabo.prm.bootstrap.support.TestData;
import com.tentabo.prm.bootstrap.support.TestOrders;
import com.tentabo.prm.domain.access.Role;
import com.tentabo.prm.domain.id.PartnerId;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Automatic promotion over the real PostgreSQL, with the application's clock moved by the test ({@link MovableClock}): a partner whose trailing-12-month figures
 * meet the next level's thresholds is promoted (history row, audit row by the job), one level at a time as far as its
 * figures go, never twice, never down when its figures fall out of the window; two instances running the job at once
 * promote a partner once. Each level change, staff's or the job's, tells the partner's users (inbox and mail).
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class LevelPromotionTest {

    @Inject
    AgroalDataSource ds;

    @Inject
    LevelPromotionService job;

    @Inject
    MovableClock clock;

    @Inject
    OrderRepository orders;

    final Instant start = Instant.now().plus(Duration.ofDays(1));
    UUID base;
    UUID silver;
    UUID gold;
    String tag;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @BeforeEach
    void levels() {
        tag = UUID.randomUUID().toString().substring(0, 8);
        int rank = ThreadLocalRandom.current().nextInt(1_001_000 / 2, 1_000_000 - 10);
        base = level("Registered " + tag, rank, "0", 0);
        silver = level("Silver " + tag, rank + 1, "10000.00", 1);
        gold = level("Gold " + tag, rank + 2, "50000.00", 2);
        // other tests' levels share the table; a climb stops at the first level not reached, so this ceiling keeps
        // their levels (any rank above) out of reach whatever order the tests run in
        level("Ceiling " + tag, rank + 3, "999999999.00", 1000);
    }

    private static UUID level(String name, int rank, String bookings, int won) {
        return UUID.fromString(Api.asAdmin()
                .body(Map.of(
                        "name",
                        name,
                        "rank",
                        rank,
                        "discount_percentage",
                        "10",
                        "registration_bonus_percentage",
                        "5",
                        "min_trailing_bookings",
                        bookings,
                        "min_won_registrations",
                        won))
                .post("/api/v1/programme/levels")
                .then()
                .statusCode(201)
                .extract()
                .path("id"));
    }

    private UUID partnerAt(UUID level) {
        UUID partner = TestData.partner(ds, "Promoted partner " + UUID.randomUUID());
        Api.asAdmin()
                .body(Map.of("level_id", level.toString(), "reason", "joined the programme"))
                .put("/api/v1/programme/partners/{id}/level", partner)
                .then()
                .statusCode(200);
        return partner;
    }

    /** A SENT order of the partner, net {@code net}, created at {@code at}. */
    private void booked(UUID partner, String net, Instant at) {
        UUID user = TestData.user(ds, Role.PARTNER, partner, null);
        UUID order = TestOrders.created(ds, orders, partner, user, 12);
        TestData.exec(
                ds,
                "UPDATE orders SET status = 'SENT'::orderstatus, subtotal = ?, discount_amount = 0, created_at = ? "
                        + "WHERE id = ?",
                new BigDecimal(net),
                Timestamp.from(at),
                order);
    }

    /** A registration of the partner CONVERTED at {@code at}. */
    private void won(UUID partner, Instant at) {
        UUID owner = TestData.user(ds, Role.PARTNER, partner, null);
        UUID lead = UUID.randomUUID();
        TestData.exec(
                ds,
                "INSERT INTO leads (id, title, organization, contact_name, status, owner_id, partner_id, provider_name, "
                        + "created_at, updated_at) VALUES (?, 'Won', 'Won customer', 'Ann', 'WON'::leadstatus, ?, ?, 'tentabo', now(), "
                        + "now())",
                lead,
                owner,
                partner);
        TestData.exec(
                ds,
                "INSERT INTO registrations (id, lead_id, partner_id, status, organization, org_key, protection_ends_at, "
                        + "submitted_at, created_at, updated_at) VALUES (?, ?, ?, 'CONVERTED', 'Won customer', 'won customer', ?, ?, ?, ?)",
                UUID.randomUUID(),
                lead,
                partner,
                Timestamp.from(at.plus(Duration.ofDays(60))),
                Timestamp.from(at),
                Timestamp.from(at),
                Timestamp.from(at));
    }

    private List<String> levels(UUID partner) {
        List<String> names = new java.util.ArrayList<>();
        long n = TestData.count(ds, "SELECT count(*) FROM partner_levels WHERE partner_id = ?", partner);
        for (int i = 0; i < n; i++) {
            names.add(TestData.text(
                    ds,
                    "SELECT l.name FROM partner_levels a JOIN programme_levels l ON l.id = a.level_id "
                            + "WHERE a.partner_id = ? ORDER BY a.valid_from, a.id OFFSET ? LIMIT 1",
                    partner,
                    i));
        }
        return names;
    }

    private String current(UUID partner) {
        return TestData.text(
                ds,
                "SELECT l.name FROM partner_levels a JOIN programme_levels l ON l.id = a.level_id "
                        + "WHERE a.partner_id = ? AND a.valid_to IS NULL",
                partner);
    }

    /** The level changes the partner's user {@code user} was told of, oldest first: "level/previous/automatic". */
    private List<String> told(UUID user) {
        List<String> told = new java.util.ArrayList<>();
        long n = TestData.count(
                ds,
                "SELECT count(*) FROM notifications WHERE recipient_kind = 'user' AND recipient_id = ? "
                        + "AND event_type = 'programme.level_changed'",
                user);
        for (int i = 0; i < n; i++) {
            told.add(TestData.text(
                    ds,
                    "SELECT concat_ws('/', params->>'level', params->>'previous_level', "
                            + "params->>'automatic') || ' ' || link FROM notifications WHERE recipient_kind = 'user' "
                            + "AND recipient_id = ? AND event_type = 'programme.level_changed' ORDER BY created_at, id OFFSET ? LIMIT 1",
                    user,
                    i));
        }
        return told;
    }

    @Test
    void givenFiguresMeetingTheNextLevel_theJob_promotesOnceWithHistoryAndAudit_andClimbsLaterAsFiguresGrow() {
        UUID partner = TestData.partner(ds, "Promoted partner " + UUID.randomUUID());
        UUID partnerUser = TestData.user(ds, Role.PARTNER, partner, null);
        UUID otherPartnersUser =
                TestData.user(ds, Role.PARTNER, TestData.partner(ds, "Bystander " + UUID.randomUUID()), null);
        Api.asAdmin()
                .body(Map.of("level_id", base.toString(), "reason", "joined the programme"))
                .put("/api/v1/programme/partners/{id}/level", partner)
                .then()
                .statusCode(200);
        booked(partner, "12000.00", start.minus(Duration.ofDays(20)));
        won(partner, start.minus(Duration.ofDays(10)));

        clock.set(start);
        assertThat(job.promoteDue()).isGreaterThanOrEqualTo(1);
        assertThat(current(partner)).isEqualTo("Silver " + tag);
        // the partner's users are told of the staff assignment and of the promotion, nobody else is
        assertThat(told(partnerUser))
                .containsExactly(
                        "Registered " + tag + "//false /ui/programme",
                        "Silver " + tag + "/Registered " + tag + "/true /ui/programme");
        assertThat(told(otherPartnersUser)).isEmpty();
        assertThat(TestData.count(
                        ds,
                        "SELECT count(*) FROM notifications WHERE recipient_id = ? "
                                + "AND event_type = 'programme.level_changed' AND email_status <> 'none'",
                        partnerUser))
                .isEqualTo(2);
        assertThat(TestData.text(
                        ds, "SELECT reason FROM partner_levels WHERE partner_id = ? AND valid_to IS NULL", partner))
                .isEqualTo(
                        "Automatic promotion: trailing 12-month bookings 12000.00 and 1 won registration(s) meet the "
                                + "thresholds of Silver " + tag);
        assertThat(TestData.count(
                        ds,
                        "SELECT count(*) FROM audit_logs WHERE entity_type = 'partner' AND entity_id = ? "
                                + "AND action = 'promote_level' AND user_agent = 'programme-promotion-job' AND user_id IS NULL",
                        partner))
                .isEqualTo(1);
        clock.reset(); // the API checks its tokens by the service's clock: read it at the real time
        Api.asAdmin()
                .get("/api/v1/programme/partners/{id}/levels", partner)
                .then()
                .statusCode(200)
                .body("items.level_name", org.hamcrest.Matchers.contains("Silver " + tag, "Registered " + tag));

        // the next day nothing changed: no second promotion
        clock.set(start.plus(Duration.ofDays(1)));
        job.promoteDue();
        assertThat(levels(partner)).containsExactly("Registered " + tag, "Silver " + tag);
        assertThat(told(partnerUser)).hasSize(2);

        // more business: Gold reached
        booked(partner, "40000.00", start.plus(Duration.ofDays(2)));
        won(partner, start.plus(Duration.ofDays(2)));
        clock.set(start.plus(Duration.ofDays(3)));
        job.promoteDue();
        assertThat(levels(partner)).containsExactly("Registered " + tag, "Silver " + tag, "Gold " + tag);

        // 13 months later the figures are out of the window: the partner keeps its level (never demoted automatically)
        clock.set(start.atOffset(ZoneOffset.UTC).plusMonths(13).toInstant());
        job.promoteDue();
        assertThat(current(partner)).isEqualTo("Gold " + tag);
        assertThat(levels(partner)).hasSize(3);
        assertThat(told(partnerUser))
                .hasSize(3)
                .last()
                .asString()
                .startsWith("Gold " + tag + "/Silver " + tag + "/true");
    }

    @Test
    void givenFiguresMeetingTwoLevels_theJob_climbsStraightToTheHigher_butAnEntryLevelIsNeverGivenAutomatically() {
        UUID climber = partnerAt(base);
        booked(climber, "60000.00", start.minus(Duration.ofDays(30)));
        won(climber, start.minus(Duration.ofDays(30)));
        won(climber, start.minus(Duration.ofDays(5)));
        UUID outsideWindow = partnerAt(base);
        booked(
                outsideWindow,
                "60000.00",
                start.atOffset(ZoneOffset.UTC).minusMonths(12).minusDays(1).toInstant());
        won(outsideWindow, start.minus(Duration.ofDays(400)));

        clock.set(start);
        job.promoteDue();
        assertThat(levels(climber)).containsExactly("Registered " + tag, "Gold " + tag);
        assertThat(levels(outsideWindow)).containsExactly("Registered " + tag);
    }

    @Test
    void givenTwoInstancesRunningTheJobAtOnce_aPartnerIsPromotedOnce() throws Exception {
        UUID partner = partnerAt(base);
        booked(partner, "15000.00", start.minus(Duration.ofDays(3)));
        won(partner, start.minus(Duration.ofDays(3)));
        clock.set(start);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Callable<Boolean> instance = () -> job.promote(new PartnerId(partner), start);
            List<Future<Boolean>> runs = pool.invokeAll(List.of(instance, instance, instance, instance));
            long promoted = 0;
            for (Future<Boolean> run : runs) {
                promoted += run.get() ? 1 : 0;
            }
            assertThat(promoted).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(levels(partner)).containsExactly("Registered " + tag, "Silver " + tag);
        assertThat(TestData.count(
                        ds,
                        "SELECT count(*) FROM audit_logs WHERE entity_id = ? AND action = 'promote_level'",
                        partner))
                .isEqualTo(1);
    }
}
