package com.tentabo.prm.adapters.web.backoffice;

import com.tentabo.prm.adapters.web.support.ConsolePages;
import com.tentabo.prm.adapters.web.support.ConsoleRequest;
import com.tentabo.prm.adapters.web.support.Views;
import com.tentabo.prm.application.audit.AuditRecord;
import com.tentabo.prm.application.audit.port.in.QueryAuditLogUseCase;
import com.tentabo.prm.application.identity.port.in.ManageAdminUsersUseCase;
import com.tentabo.prm.application.identity.port.in.ManageUsersUseCase;
import com.tentabo.prm.application.shared.Page;
import com.tentabo.prm.domain.access.AccessPolicy;
import com.tentabo.prm.domain.access.Capability;
import com.tentabo.prm.domain.id.AdminUserId;
import com.tentabo.prm.domain.id.EntityId;
import com.tentabo.prm.domain.id.UserId;
import com.tentabo.prm.domain.identity.UserAccount;
import com.tentabo.prm.domain.shared.DomainException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The audit trail (ADMIN and RESTRICTED_ADMIN, as {@code GET /api/v1/audit-logs}): newest first, keyset pages,
 * filtered by entity type and id, actor (a user, or an administrator account), action and a range of days; each row
 * shows who did what to which record and the fields it changed, before and after, secret-named fields hidden.
 */
@Path("/ui/audit")
public class AuditPage extends ConsolePages {

    static final int LIST_PAGE = 25;
    /** Filter texts longer than this cannot be an entity type or action. */
    static final int MAX_FILTER = 100;
    /** Suggested in the filters (any other value may be typed). */
    static final List<String> ENTITY_TYPES = List.of(
            "lead",
            "order",
            "contract",
            "note",
            "product",
            "duration",
            "partner",
            "distributor",
            "user",
            "admin_user",
            "api_key",
            "provider_config",
            "outbox_event",
            "webhook_event",
            "registration",
            "programme_level",
            "webhook_subscription");

    static final List<String> ACTIONS =
            List.of("create", "update", "delete", "transition", "activate", "deactivate", "requeue", "expire");

    private final QueryAuditLogUseCase audit;
    private final ManageUsersUseCase users;
    private final ManageAdminUsersUseCase admins;

    public AuditPage(
            ConsoleRequest request,
            Views views,
            QueryAuditLogUseCase audit,
            ManageUsersUseCase users,
            ManageAdminUsersUseCase admins) {
        super(request, views);
        this.audit = audit;
        this.users = users;
        this.admins = admins;
    }

    /** One audit row as shown: the record, who did it, and its changed fields. */
    public record Row(AuditRecord record, String actor, String actorQuery, List<JsonView.Change> changes) {}

    @GET
    public Response list(
            @QueryParam("entity_type") String entityType,
            @QueryParam("entity_id") String entityId,
            @QueryParam("actor") String actor,
            @QueryParam("admin") String admin,
            @QueryParam("action") String action,
            @QueryParam("since") String since,
            @QueryParam("until") String until,
            @QueryParam("cursor") String cursor) {
        AccessPolicy.require(caller(), Capability.SYSTEM_READ);
        Map<String, String> filters = new LinkedHashMap<>();
        String type = text(entityType, "entity_type", filters);
        UUID entity = optionalId(entityId, "entity_id");
        UserId userId = UserId.ofNullable(optionalId(actor, "actor"));
        AdminUserId adminId = AdminUserId.ofNullable(optionalId(admin, "admin"));
        String act = text(action, "action", filters);
        LocalDate from = day(since, "since");
        LocalDate to = day(until, "until");
        if (from != null && to != null && to.isBefore(from)) {
            throw DomainException.invalid("until", "must not be before since");
        }
        put(filters, "entity_id", entity);
        put(filters, "actor", userId);
        put(filters, "admin", adminId);
        put(filters, "since", from);
        put(filters, "until", to);
        Page<AuditRecord> page = audit.list(
                caller(),
                new QueryAuditLogUseCase.AuditLogFilter(
                        type,
                        entity,
                        act,
                        userId,
                        adminId,
                        from == null ? null : start(from),
                        to == null ? null : start(to.plusDays(1)),
                        cursor == null || cursor.isBlank() ? null : cursor,
                        LIST_PAGE));
        Map<EntityId, String> names = new HashMap<>();
        List<Row> rows = page.items().stream()
                .map(r -> new Row(
                        r,
                        actor(r, names),
                        r.userId() != null
                                ? "actor=" + r.userId()
                                : r.adminUserId() != null ? "admin=" + r.adminUserId() : null,
                        JsonView.changes(r.changesJson())))
                .toList();
        String filter = query(filters);
        return views.html(views.page("backoffice/audit-list")
                .data("rows", rows)
                .data("f", filters)
                .data("entityTypes", ENTITY_TYPES)
                .data("actions", ACTIONS)
                .data("firstQuery", filter)
                .data(
                        "nextQuery",
                        page.nextCursor() == null
                                ? null
                                : filter + "cursor=" + URLEncoder.encode(page.nextCursor(), StandardCharsets.UTF_8))
                .data("paged", cursor != null && !cursor.isBlank()));
    }

    @ServerExceptionMapper
    public Response refused(DomainException e) {
        return views.failure(e);
    }

    @ServerExceptionMapper
    public Response failed(Exception e) {
        return views.failure(e);
    }

    /** The actor's name, looked up once per page; an account this caller may not read shows by its id. */
    private String actor(AuditRecord r, Map<EntityId, String> names) {
        UserId userId = r.userId();
        if (userId != null) {
            return names.computeIfAbsent(userId, id -> {
                try {
                    UserAccount user = users.get(caller(), userId);
                    return user.fullName() != null && !user.fullName().isBlank()
                            ? user.fullName()
                            : user.username() != null ? user.username() : user.email();
                } catch (DomainException unknown) {
                    return id.toString();
                }
            });
        }
        AdminUserId adminUserId = r.adminUserId();
        if (adminUserId != null) {
            return names.computeIfAbsent(adminUserId, id -> {
                try {
                    return admins.get(caller(), adminUserId).username();
                } catch (DomainException unknown) {
                    return id.toString();
                }
            });
        }
        return null;
    }

    private static String text(String raw, String field, Map<String, String> filters) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String value = raw.trim();
        if (value.length() > MAX_FILTER) {
            throw DomainException.invalid(field, "is too long");
        }
        filters.put(field, value);
        return value;
    }

    private static void put(Map<String, String> filters, String field, Object value) {
        if (value != null) {
            filters.put(field, value.toString());
        }
    }

    private static LocalDate day(String raw, String field) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(raw.trim());
        } catch (DateTimeParseException e) {
            throw DomainException.invalid(field, "must be a date (yyyy-mm-dd)");
        }
    }

    private static Instant start(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The filters as a query string prefix ({@code a=b&}), for the paging links. */
    static String query(Map<String, String> filters) {
        StringBuilder query = new StringBuilder();
        filters.forEach((k, v) -> query.append(k)
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8))
                .append('&'));
        return query.toString();
    }
}
