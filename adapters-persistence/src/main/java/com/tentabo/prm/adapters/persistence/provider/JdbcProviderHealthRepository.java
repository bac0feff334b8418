package com.tentabo.prm.adapters.persistence.provider;

import com.tentabo.prm.adapters.persistence.shared.SqlRows;
import com.tentabo.prm.application.provider.HealthCheckRecord;
import com.tentabo.prm.application.provider.port.out.ProviderHealthRepository;
import com.tentabo.prm.application.provider.port.out.ProviderHealthRepository.NewCheck;
import com.tentabo.prm.domain.id.ProviderId;
import com.tentabo.prm.domain.provider.ProviderType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** {@code provider_health_checks}, by SQL; each append trims the provider's history to the newest {@value #KEPT}. */
@ApplicationScoped
public class JdbcProviderHealthRepository implements ProviderHealthRepository {

    private static final String TRIM = "DELETE FROM provider_health_checks WHERE provider_id = ?1 AND id NOT IN "
            + "(SELECT id FROM provider_health_checks WHERE provider_id = ?1 ORDER BY checked_at DESC, id DESC LIMIT "
            + KEPT + ")";

    private final EntityManager em;

    public JdbcProviderHealthRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public void append(NewCheck check) {
        em.createNativeQuery("INSERT INTO provider_health_checks (id, provider_id, status, error, source, checked_at) "
                        + "VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
                .setParameter(1, check.id())
                .setParameter(2, check.providerId().value())
                .setParameter(3, ProviderHealthColumn.stored(check.status()))
                .setParameter(4, check.error())
                .setParameter(5, check.source())
                .setParameter(6, Timestamp.from(check.checkedAt()))
                .executeUpdate();
        em.createNativeQuery(TRIM).setParameter(1, check.providerId().value()).executeUpdate();
    }

    @Override
    public void appendByName(ProviderType type, String providerName, NewCheck check) {
        SqlRows.query(
                        em,
                        "SELECT id FROM provider_configs WHERE provider_type = CAST(? AS providertype) "
                                + "AND lower(provider_name) = lower(?)",
                        List.of(type.name(), providerName),
                        rs -> rs.getObject(1, UUID.class))
                .forEach(id -> append(new NewCheck(
                        check.id(),
                        new ProviderId(id),
                        check.status(),
                        check.error(),
                        check.source(),
                        check.checkedAt())));
    }

    @Override
    public List<HealthCheckRecord> list(ProviderId providerId, Instant cursorAt, UUID cursorId, int limit) {
        List<Object> params = new ArrayList<>(List.of(providerId.value()));
        String after = "";
        if (cursorAt != null && cursorId != null) {
            after = " AND (checked_at, id) < (?, ?)";
            params.add(Timestamp.from(cursorAt));
            params.add(cursorId);
        }
        params.add(limit);
        return SqlRows.query(
                em,
                "SELECT id, provider_id, status, error, source, checked_at FROM provider_health_checks "
                        + "WHERE provider_id = ?" + after + " ORDER BY checked_at DESC, id DESC LIMIT ?",
                params,
                rs -> new HealthCheckRecord(
                        rs.getObject(1, UUID.class),
                        new ProviderId(rs.getObject(2, UUID.class)),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        SqlRows.instant(rs, 6)));
    }
}
