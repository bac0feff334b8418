package com.tentabo.prm.adapters.rest.notification;

import com.tentabo.prm.adapters.rest.security.CallerContext;
import com.tentabo.prm.adapters.rest.shared.PageResponse;
import com.tentabo.prm.adapters.rest.shared.PathIds;
import com.tentabo.prm.adapters.rest.shared.QueryParams;
import com.tentabo.prm.application.notification.NotificationRecord;
import com.tentabo.prm.application.notification.port.in.NotificationInboxUseCase;
import com.tentabo.prm.domain.id.NotificationId;
import com.tentabo.prm.domain.notification.MailLocale;
import com.tentabo.prm.domain.notification.NotificationType;
import com.tentabo.prm.domain.shared.DomainException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The caller's own in-app inbox and notification preferences (every role; marking and preferences need WRITE). */
@Path("/api/v1/notifications")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "notifications")
public class NotificationResource {

    /** One notification: {@code type} its event's name, {@code params} what it shows, {@code link} its console page. */
    public record NotificationResponse(
            UUID id,
            String type,
            String subjectType,
            UUID subjectId,
            Map<String, String> params,
            String link,
            boolean read,
            Instant readAt,
            String emailStatus,
            Instant createdAt) {
        static NotificationResponse of(NotificationRecord r) {
            return NotificationResponseMapper.INSTANCE.notification(r);
        }
    }

    public record UnreadCount(long unreadCount) {}

    public record MarkedRead(int marked) {}

    /** {@code locale} null: the configured default; {@code email_muted}: event types not wanted by e-mail. */
    public record PreferencesRequest(
            @Size(max = 5) String locale,
            @NotNull @Size(max = 50) List<String> emailMuted,
            @NotNull Boolean dailyDigest) {}

    public record PreferencesResponse(
            String locale,
            String effectiveLocale,
            List<String> emailMuted,
            boolean dailyDigest,
            List<String> eventTypes) {
        static PreferencesResponse of(NotificationInboxUseCase.Preferences p) {
            return new PreferencesResponse(
                    p.locale() == null ? null : p.locale().tag(),
                    p.effectiveLocale().tag(),
                    p.emailMuted().stream()
                            .map(NotificationType::wireName)
                            .sorted()
                            .toList(),
                    p.dailyDigest(),
                    java.util.Arrays.stream(NotificationType.values())
                            .map(NotificationType::wireName)
                            .toList());
        }
    }

    private final NotificationInboxUseCase inbox;
    private final CallerContext callers;

    public NotificationResource(NotificationInboxUseCase inbox, CallerContext callers) {
        this.inbox = inbox;
        this.callers = callers;
    }

    @GET
    @Operation(
            operationId = "listNotifications",
            description = "Who may call: Every signed-in role: its own inbox.",
            summary = "Your notifications, newest first; unread=true for unread ones only, type filters by event")
    public PageResponse<NotificationResponse> list(
            @QueryParam("unread") String unread,
            @QueryParam("type") String type,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") String limit) {
        return PageResponse.of(
                inbox.inbox(
                        callers.require(),
                        new NotificationInboxUseCase.InboxFilter(
                                QueryParams.bool("unread", unread), type, cursor, QueryParams.integer("limit", limit))),
                NotificationResponse::of);
    }

    @GET
    @Path("/unread-count")
    @Operation(
            operationId = "countUnreadNotifications",
            description = "Who may call: Every signed-in role: its own inbox.",
            summary = "How many of your notifications are unread")
    public UnreadCount unreadCount() {
        return new UnreadCount(inbox.unreadCount(callers.require()));
    }

    @POST
    @Path("/{id}/read")
    @Operation(
            operationId = "markNotificationRead",
            description = "Who may call: Every signed-in role, on its own notifications (write scope).",
            summary = "Mark one of your notifications read (again: no change)")
    public NotificationResponse markRead(@PathParam("id") String id) {
        return NotificationResponse.of(inbox.markRead(callers.require(), new NotificationId(PathIds.uuid("id", id))));
    }

    @POST
    @Path("/read-all")
    @Operation(
            operationId = "markAllNotificationsRead",
            description = "Who may call: Every signed-in role, on its own notifications (write scope).",
            summary = "Mark all your notifications read")
    public MarkedRead markAllRead() {
        return new MarkedRead(inbox.markAllRead(callers.require()));
    }

    @GET
    @Path("/preferences")
    @Operation(
            operationId = "getNotificationPreferences",
            description = "Who may call: Every signed-in role: its own preferences.",
            summary = "Your notification preferences: mail language, event types not mailed, daily digest")
    public PreferencesResponse preferences() {
        return PreferencesResponse.of(inbox.preferences(callers.require()));
    }

    @PUT
    @Path("/preferences")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "updateNotificationPreferences",
            description = "Who may call: Every signed-in role: its own preferences (write scope).",
            summary = "Replace your notification preferences (the inbox always receives every event)")
    public PreferencesResponse updatePreferences(@Valid @NotNull PreferencesRequest request) {
        MailLocale locale = null;
        if (request.locale() != null && !request.locale().isBlank()) {
            locale = MailLocale.parse(request.locale())
                    .orElseThrow(() -> DomainException.invalid("locale", "must be en or fr (or null for the default)"));
        }
        Set<NotificationType> muted = EnumSet.noneOf(NotificationType.class);
        for (String name : request.emailMuted()) {
            muted.add(NotificationType.ofWireName(name)
                    .orElseThrow(() -> DomainException.invalid("email_muted", "names an unknown event type")));
        }
        return PreferencesResponse.of(inbox.updatePreferences(callers.require(), locale, muted, request.dailyDigest()));
    }
}
