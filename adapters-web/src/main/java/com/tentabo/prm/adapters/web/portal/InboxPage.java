package com.tentabo.prm.adapters.web.portal;

import com.tentabo.prm.adapters.web.support.ConsolePages;
import com.tentabo.prm.adapters.web.support.ConsoleRequest;
import com.tentabo.prm.adapters.web.support.Views;
import com.tentabo.prm.application.notification.NotificationRecord;
import com.tentabo.prm.application.notification.port.in.NotificationInboxUseCase;
import com.tentabo.prm.application.shared.Page;
import com.tentabo.prm.domain.notification.NotificationType;
import com.tentabo.prm.domain.shared.DomainException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The caller's own inbox (the same use case as {@code /api/v1/notifications}): newest first, keyset paged, all or
 * unread only; mark one read, or all. Each notification shows its type's title in the reader's language, what it is
 * about, when, and a link to the console page it names (only to pages of the console's sections).
 */
@Path("/ui/inbox")
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class InboxPage extends ConsolePages {

    static final int LIST_PAGE = 25;
    /** The console pages a notification may link to; other links (back-office pages) are not shown. */
    private static final List<String> LINKABLE = List.of("/ui/orders/", "/ui/contracts/", "/ui/leads/",
            "/ui/registrations/", "/ui/programme");
    /** What a notification is about, the first of these parameters it has. */
    private static final List<String> ABOUT = List.of("order_number", "contract_number", "lead_title", "username",
            "provider_name", "event_type");

    private final NotificationInboxUseCase inbox;

    public InboxPage(ConsoleRequest request, Views views, NotificationInboxUseCase inbox) {
        super(request, views);
        this.inbox = inbox;
    }

    /** One notification as the page shows it. */
    public record Item(String id, String titleKey, String about, String link, Instant createdAt, boolean read) {

        static Item of(NotificationRecord n) {
            String titleKey = NotificationType.ofWireName(n.eventType())
                    .map(t -> "notif_" + t.name().toLowerCase(Locale.ROOT)).orElse("notif_other");
            String about = ABOUT.stream().map(n.params()::get).filter(v -> v != null && !v.isBlank() && !"null".equals(v))
                    .findFirst().orElse("");
            String link = n.link() != null && LINKABLE.stream().anyMatch(n.link()::startsWith) ? n.link() : null;
            return new Item(n.id().toString(), titleKey, about, link, n.createdAt(), n.readAt() != null);
        }
    }

    @GET
    public Response list(@QueryParam("unread") String unread, @QueryParam("cursor") String cursor) {
        boolean unreadOnly = "true".equals(unread);
        Page<NotificationRecord> page = inbox.inbox(caller(), new NotificationInboxUseCase.InboxFilter(unreadOnly, null,
                cursor == null || cursor.isBlank() ? null : cursor, LIST_PAGE));
        String filter = unreadOnly ? "unread=true&" : "";
        return views.html(views.page("portal/inbox")
                .data("items", page.items().stream().map(Item::of).toList())
                .data("unreadOnly", unreadOnly)
                .data("back", "/ui/inbox" + (filter.isEmpty() ? "" : "?" + filter.substring(0, filter.length() - 1)))
                .data("nextQuery", page.nextCursor() == null ? null
                        : filter + "cursor=" + URLEncoder.encode(page.nextCursor(), StandardCharsets.UTF_8))
                .data("paged", cursor != null && !cursor.isBlank()).data("firstQuery", filter));
    }

    @POST
    @Path("/{id}/read")
    public Response markRead(@PathParam("id") String rawId, MultivaluedMap<String, String> form) {
        request.requireCsrf(form);
        inbox.markRead(caller(), id(rawId));
        return back(form);
    }

    @POST
    @Path("/read-all")
    public Response markAllRead(MultivaluedMap<String, String> form) {
        request.requireCsrf(form);
        inbox.markAllRead(caller());
        return back(form);
    }

    /** Back to the inbox as it was shown (htmx swaps the list and the header's count in place). */
    private Response back(MultivaluedMap<String, String> form) {
        String back = form.getFirst("back");
        boolean unreadOnly = back != null && back.contains("unread=true");
        if (request.htmx()) {
            return list(unreadOnly ? "true" : null, null);
        }
        return views.redirect(unreadOnly ? "/ui/inbox?unread=true" : "/ui/inbox");
    }

    @ServerExceptionMapper
    public Response refused(DomainException e) {
        return views.failure(e);
    }

    @ServerExceptionMapper
    public Response failed(Exception e) {
        return views.failure(e);
    }
}
