package com.tentabo.prm.adapters.persistence.registration;

import com.tentabo.prm.adapters.persistence.shared.SqlRows;
import com.tentabo.prm.application.registration.LevelAssignment;
import com.tentabo.prm.application.registration.PartnerFigures;
import com.tentabo.prm.application.registration.port.out.ProgrammeRepository;
import com.tentabo.prm.domain.id.EntityId;
import com.tentabo.prm.domain.id.LevelAssignmentId;
import com.tentabo.prm.domain.id.PartnerId;
import com.tentabo.prm.domain.id.ProgrammeLevelId;
import com.tentabo.prm.domain.id.UserId;
import com.tentabo.prm.domain.pricing.Percentage;
import com.tentabo.prm.domain.registration.ProgrammeLevel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Programme levels and partner level history in plain SQL. */
@ApplicationScoped
public class JdbcProgrammeRepository implements ProgrammeRepository {

    /** A programme level's row, for {@link #level(ResultSet)}; callers add the WHERE clause. */
    public static final String LEVEL = "SELECT id, name, rank, discount_percentage, registration_bonus_percentage, "
            + "protection_days, min_trailing_bookings, min_won_registrations, created_at, updated_at FROM programme_levels";

    private static final String ASSIGNMENT = "SELECT a.id, a.partner_id, a.level_id, l.name, l.rank, a.valid_from, "
            + "a.valid_to, a.reason, a.assigned_by_user_id, a.assigned_by_admin_id FROM partner_levels a "
            + "JOIN programme_levels l ON l.id = a.level_id";

    private final EntityManager em;

    public JdbcProgrammeRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public List<ProgrammeLevel> levels() {
        return SqlRows.query(em, LEVEL + " ORDER BY rank, id", List.of(), JdbcProgrammeRepository::level);
    }

    @Override
    public Optional<ProgrammeLevel> findLevel(ProgrammeLevelId id) {
        return SqlRows.query(em, LEVEL + " WHERE id = ?", List.of(id.value()), JdbcProgrammeRepository::level).stream()
                .findFirst();
    }

    @Override
    public Optional<ProgrammeLevel> findLevelForUpdate(ProgrammeLevelId id) {
        return SqlRows.query(
                        em, LEVEL + " WHERE id = ? FOR UPDATE", List.of(id.value()), JdbcProgrammeRepository::level)
                .stream()
                .findFirst();
    }

    @Override
    public void saveLevel(ProgrammeLevel l) {
        em.createNativeQuery("INSERT INTO programme_levels (id, name, rank, discount_percentage, "
                        + "registration_bonus_percentage, protection_days, min_trailing_bookings, min_won_registrations, "
                        + "created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) ON CONFLICT (id) DO UPDATE "
                        + "SET name = EXCLUDED.name, rank = EXCLUDED.rank, discount_percentage = EXCLUDED.discount_percentage, "
                        + "registration_bonus_percentage = EXCLUDED.registration_bonus_percentage, "
                        + "protection_days = EXCLUDED.protection_days, min_trailing_bookings = EXCLUDED.min_trailing_bookings, "
                        + "min_won_registrations = EXCLUDED.min_won_registrations, updated_at = EXCLUDED.updated_at")
                .setParameter(1, l.id().value())
                .setParameter(2, l.name())
                .setParameter(3, l.rank())
                .setParameter(4, l.discountPercentage().value())
                .setParameter(5, l.registrationBonusPercentage().value())
                .setParameter(6, l.protectionDays())
                .setParameter(7, l.minTrailingBookings())
                .setParameter(8, l.minWonRegistrations())
                .setParameter(9, Timestamp.from(l.createdAt()))
                .setParameter(10, Timestamp.from(l.updatedAt()))
                .executeUpdate();
    }

    @Override
    public void deleteLevel(ProgrammeLevelId id) {
        em.createNativeQuery("DELETE FROM programme_levels WHERE id = ?1")
                .setParameter(1, id.value())
                .executeUpdate();
    }

    @Override
    public boolean levelInUse(ProgrammeLevelId id) {
        return !SqlRows.query(
                        em, "SELECT 1 FROM partner_levels WHERE level_id = ? LIMIT 1", List.of(id.value()), rs -> 1)
                .isEmpty();
    }

    @Override
    public Optional<LevelAssignment> currentAssignment(PartnerId partnerId) {
        return SqlRows.query(
                        em,
                        ASSIGNMENT + " WHERE a.partner_id = ? AND a.valid_to IS NULL",
                        List.of(partnerId.value()),
                        JdbcProgrammeRepository::assignment)
                .stream()
                .findFirst();
    }

    @Override
    public void assign(LevelAssignment a) {
        em.createNativeQuery("UPDATE partner_levels SET valid_to = ?1 WHERE partner_id = ?2 AND valid_to IS NULL")
                .setParameter(1, Timestamp.from(a.validFrom()))
                .setParameter(2, a.partnerId().value())
                .executeUpdate();
        em.createNativeQuery(
                        "INSERT INTO partner_levels (id, partner_id, level_id, valid_from, valid_to, "
                                + "assigned_by_user_id, assigned_by_admin_id, reason) VALUES (?1, ?2, ?3, ?4, NULL, ?5, ?6, ?7)")
                .setParameter(1, a.id().value())
                .setParameter(2, a.partnerId().value())
                .setParameter(3, a.levelId().value())
                .setParameter(4, Timestamp.from(a.validFrom()))
                .setParameter(5, EntityId.uuid(a.assignedByUserId()))
                .setParameter(6, a.assignedByAdminId())
                .setParameter(7, a.reason())
                .executeUpdate();
    }

    @Override
    public List<LevelAssignment> history(PartnerId partnerId) {
        return SqlRows.query(
                em,
                ASSIGNMENT + " WHERE a.partner_id = ? ORDER BY a.valid_from DESC, a.id DESC",
                List.of(partnerId.value()),
                JdbcProgrammeRepository::assignment);
    }

    @Override
    public BigDecimal bookings(PartnerId partnerId, Instant since, Instant until) {
        return SqlRows.query(
                        em,
                        "SELECT COALESCE(sum(subtotal - COALESCE(discount_amount, 0)), 0) FROM orders "
                                + "WHERE partner_id = ? AND status IN ('SENT', 'IN_FULFILLMENT', 'FULFILLED') "
                                + "AND created_at >= ? AND created_at < ?",
                        List.of(partnerId.value(), Timestamp.from(since), Timestamp.from(until)),
                        rs -> rs.getBigDecimal(1))
                .get(0);
    }

    @Override
    public long wonRegistrations(PartnerId partnerId, Instant since, Instant until) {
        return SqlRows.query(
                        em,
                        "SELECT count(*) FROM registrations WHERE partner_id = ? AND status = 'CONVERTED' "
                                + "AND updated_at >= ? AND updated_at < ?",
                        List.of(partnerId.value(), Timestamp.from(since), Timestamp.from(until)),
                        rs -> rs.getLong(1))
                .get(0);
    }

    @Override
    public List<PartnerFigures> activeFigures(Instant since, Instant until) {
        Timestamp from = Timestamp.from(since);
        Timestamp to = Timestamp.from(until);
        return SqlRows.query(
                em,
                "WITH b AS (SELECT partner_id, sum(subtotal - COALESCE(discount_amount, 0)) AS bookings "
                        + "FROM orders WHERE partner_id IS NOT NULL AND status IN ('SENT', 'IN_FULFILLMENT', 'FULFILLED') "
                        + "AND created_at >= ? AND created_at < ? GROUP BY partner_id), "
                        + "w AS (SELECT partner_id, count(*) AS won FROM registrations WHERE partner_id IS NOT NULL "
                        + "AND status = 'CONVERTED' AND updated_at >= ? AND updated_at < ? GROUP BY partner_id) "
                        + "SELECT p.id, COALESCE(b.bookings, 0), COALESCE(w.won, 0), a.level_id FROM partners p "
                        + "LEFT JOIN b ON b.partner_id = p.id LEFT JOIN w ON w.partner_id = p.id "
                        + "LEFT JOIN partner_levels a ON a.partner_id = p.id AND a.valid_to IS NULL "
                        + "WHERE p.is_active AND (b.partner_id IS NOT NULL OR w.partner_id IS NOT NULL)",
                List.of(from, to, from, to),
                rs -> new PartnerFigures(
                        new PartnerId(rs.getObject(1, UUID.class)),
                        rs.getBigDecimal(2),
                        rs.getLong(3),
                        ProgrammeLevelId.ofNullable(rs.getObject(4, UUID.class))));
    }

    /** The level of the current row of a query starting with {@link #LEVEL}. */
    public static ProgrammeLevel level(ResultSet rs) throws SQLException {
        return new ProgrammeLevel(
                new ProgrammeLevelId(rs.getObject(1, UUID.class)),
                rs.getString(2),
                rs.getInt(3),
                new Percentage(rs.getBigDecimal(4)),
                new Percentage(rs.getBigDecimal(5)),
                rs.getInt(6),
                rs.getBigDecimal(7),
                rs.getInt(8),
                SqlRows.instant(rs, 9),
                SqlRows.instant(rs, 10));
    }

    private static LevelAssignment assignment(ResultSet rs) throws SQLException {
        return new LevelAssignment(
                new LevelAssignmentId(rs.getObject(1, UUID.class)),
                new PartnerId(rs.getObject(2, UUID.class)),
                new ProgrammeLevelId(rs.getObject(3, UUID.class)),
                rs.getString(4),
                rs.getInt(5),
                SqlRows.instant(rs, 6),
                SqlRows.instant(rs, 7),
                rs.getString(8),
                UserId.ofNullable(rs.getObject(9, UUID.class)),
                rs.getObject(10, UUID.class));
    }
}
