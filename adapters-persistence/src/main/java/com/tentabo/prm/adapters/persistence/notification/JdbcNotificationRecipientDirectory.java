package com.tentabo.prm.adapters.persistence.notification;

import com.tentabo.prm.adapters.persistence.shared.JsonText;
import com.tentabo.prm.adapters.persistence.shared.SqlRows;
import com.tentabo.prm.application.notification.Audience;
import com.tentabo.prm.application.notification.Recipient;
import com.tentabo.prm.application.notification.port.out.NotificationRecipientDirectory;
import com.tentabo.prm.domain.access.PrincipalKind;
import com.tentabo.prm.domain.notification.MailLocale;
import com.tentabo.prm.domain.notification.NotificationType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The people of an audience in one statement each: {@code users} rows (except those that stand for an admin account,
 * which are answered as the admin account) and {@code admin_users}, with their {@code notification_preferences}.
 * Pending entity changes are flushed first, so that a user enabled in this transaction counts as enabled.
 */
@ApplicationScoped
public class JdbcNotificationRecipientDirectory implements NotificationRecipientDirectory {

    private static final String USERS =
            "SELECT 'user', u.id, u.email, coalesce(u.full_name, u.username), u.is_enabled, "
                    + "p.locale, p.email_muted::text, coalesce(p.daily_digest, false) FROM users u "
                    + "LEFT JOIN notification_preferences p ON p.recipient_kind = 'user' AND p.recipient_id = u.id ";
    private static final String NOT_ADMIN_LINK = " AND NOT EXISTS (SELECT 1 FROM admin_users la "
            + "WHERE u.provider = 'database' AND u.provider_id = la.id::text)";
    private static final String ADMINS = "SELECT 'admin_user', a.id, a.email, coalesce(a.full_name, a.username), "
            + "a.is_active, p.locale, p.email_muted::text, coalesce(p.daily_digest, false) FROM admin_users a "
            + "LEFT JOIN notification_preferences p ON p.recipient_kind = 'admin_user' AND p.recipient_id = a.id ";

    private final EntityManager em;

    public JdbcNotificationRecipientDirectory(EntityManager em) {
        this.em = em;
    }

    @Override
    public List<Recipient> recipients(Audience audience) {
        em.flush();
        UUID id = audience.id();
        return switch (audience.kind()) {
            case STAFF ->
                query(
                        USERS + "WHERE u.is_enabled AND u.role IN ('ADMIN', 'RESTRICTED_ADMIN')" + NOT_ADMIN_LINK
                                + " UNION ALL " + ADMINS + "WHERE a.is_active",
                        List.of());
            case ADMINS ->
                query(
                        USERS + "WHERE u.is_enabled AND u.role = 'ADMIN'" + NOT_ADMIN_LINK + " UNION ALL " + ADMINS
                                + "WHERE a.is_active",
                        List.of());
            case FULFILLERS -> query(USERS + "WHERE u.is_enabled AND u.role = 'FULFILLER'" + NOT_ADMIN_LINK, List.of());
            case PARTNER_USERS ->
                query(
                        USERS + "WHERE u.is_enabled AND u.role = 'PARTNER' AND u.partner_id = ?" + NOT_ADMIN_LINK,
                        List.of(id));
            case DISTRIBUTOR_USERS ->
                query(
                        USERS + "WHERE u.is_enabled AND u.role = 'DISTRIBUTOR' " + "AND u.distributor_id = ?"
                                + NOT_ADMIN_LINK,
                        List.of(id));
            case PARTNER_DISTRIBUTOR_USERS ->
                query(
                        USERS + "WHERE u.is_enabled AND u.role = 'DISTRIBUTOR' "
                                + "AND u.distributor_id IN (SELECT dp.distributor_id FROM distributor_partners dp "
                                + "WHERE dp.partner_id = ? AND dp.is_active)" + NOT_ADMIN_LINK,
                        List.of(id));
            case USER ->
                query(
                        USERS + "WHERE u.id = ?" + NOT_ADMIN_LINK + " UNION ALL " + ADMINS
                                + "WHERE a.id::text = (SELECT lu.provider_id FROM users lu WHERE lu.id = ? AND lu.provider = 'database')",
                        List.of(id, id));
            case ADMIN_ACCOUNT -> query(ADMINS + "WHERE a.id = ?", List.of(id));
        };
    }

    @Override
    public Optional<Recipient> find(PrincipalKind kind, UUID id) {
        em.flush();
        return query(
                        (kind == PrincipalKind.ADMIN_USER ? ADMINS + "WHERE a.id = ?" : USERS + "WHERE u.id = ?"),
                        List.of(id))
                .stream()
                .findFirst();
    }

    @Override
    public List<Recipient> findAll(PrincipalKind kind, java.util.Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        em.flush();
        Object idArray = ids.stream().map(UUID::toString).toArray(String[]::new);
        return query(
                (kind == PrincipalKind.ADMIN_USER ? ADMINS + "WHERE a.id" : USERS + "WHERE u.id")
                        + " = ANY (CAST(? AS uuid[]))",
                List.of(idArray));
    }

    @Override
    public void savePreferences(
            PrincipalKind kind,
            UUID id,
            MailLocale locale,
            Set<NotificationType> emailMuted,
            boolean dailyDigest,
            Instant at) {
        List<Object> params = new ArrayList<>();
        params.add(NotificationColumns.kind(kind));
        params.add(id);
        params.add(locale == null ? null : locale.tag());
        params.add(JsonText.write(
                emailMuted.stream().map(NotificationType::wireName).sorted().toList()));
        params.add(dailyDigest);
        params.add(Timestamp.from(at));
        SqlRows.query(
                em,
                "INSERT INTO notification_preferences (recipient_kind, recipient_id, locale, email_muted, "
                        + "daily_digest, updated_at) VALUES (?, ?, ?, ?::jsonb, ?, ?) "
                        + "ON CONFLICT (recipient_kind, recipient_id) DO UPDATE SET locale = excluded.locale, "
                        + "email_muted = excluded.email_muted, daily_digest = excluded.daily_digest, "
                        + "updated_at = excluded.updated_at RETURNING recipient_id",
                params,
                rs -> rs.getObject(1));
    }

    private List<Recipient> query(String sql, List<?> params) {
        return SqlRows.query(em, sql, params, JdbcNotificationRecipientDirectory::recipient);
    }

    private static Recipient recipient(ResultSet rs) throws SQLException {
        Set<NotificationType> muted = EnumSet.noneOf(NotificationType.class);
        NotificationColumns.textList(rs.getString(7))
                .forEach(name -> NotificationType.ofWireName(name).ifPresent(muted::add));
        return new Recipient(
                NotificationColumns.kind(rs.getString(1)),
                rs.getObject(2, UUID.class),
                rs.getString(3),
                rs.getString(4),
                rs.getBoolean(5),
                MailLocale.parse(rs.getString(6)).orElse(null),
                muted,
                rs.getBoolean(8));
    }
}
