package com.tentabo.prm.adapters.web.portal;

import com.tentabo.prm.adapters.web.support.ConsolePages;
import com.tentabo.prm.adapters.web.support.ConsoleRequest;
import com.tentabo.prm.adapters.web.support.Views;
import com.tentabo.prm.application.notification.NotificationRecord;
import com.tentabo.prm.application.notification.port.in.NotificationInboxUseCase;
import com.tentabo.prm.application.shared.Page;
import com.tentabo.prm.domain.id.NotificationId;
import com.tentabo.prm.domain.notification.MailLocale;
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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

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
    private static final List<String> LINKABLE =
            List.of("/ui/orders/", "/ui/contracts/", "/ui/leads/", "/ui/registrations/", "/ui/programme");
    /** What a notification is about, the first of these parameters it has. */
    private static final List<String> ABOUT =
            List.of("order_number", "contract_number", "lead_title", "username", "provider_name", "event_type");

    private final NotificationInboxUseCase inbox;

    public InboxPage(ConsoleRequest request, Views views, NotificationInboxUseCase inbox) {
        super(request, views);
        this.inbox = inbox;
    }

    /** One notification as the page shows it. */
    public record Item(String id, String titleKey, String about, String link, Instant createdAt, boolean read) {

        static Item of(NotificationRecord n) {
            String titleKey = NotificationType.ofWireName(n.eventType())
                    .map(t -> "notif_" + t.name().toLowerCase(Locale.ROOT))
                    .orElse("notif_other");
            String about = ABOUT.stream()
                    .map(n.params()::get)
                    .filter(v -> v != null && !v.isBlank() && !"null".equals(v))
                    .findFirst()
                    .orElse("");
            String link = n.link() != null && LINKABLE.stream().anyMatch(n.link()::startsWith) ? n.link() : null;
            return new Item(n.id().toString(), titleKey, about, link, n.createdAt(), n.readAt() != null);
        }
    }

    @GET
    public Response list(@QueryParam("unread") String unread, @QueryParam("cursor") String cursor) {
        boolean unreadOnly = "true".equals(unread);
        Page<NotificationRecord> page = inbox.inbox(
                caller(),
                new NotificationInboxUseCase.InboxFilter(
                        unreadOnly, null, cursor == null || cursor.isBlank() ? null : cursor, LIST_PAGE));
        String filter = unreadOnly ? "unread=true&" : "";
        return views.html(views.page("portal/inbox")
                .data("items", page.items().stream().map(Item::of).toList())
                .data("unreadOnly", unreadOnly)
                .data("back", "/ui/inbox" + (filter.isEmpty() ? "" : "?" + filter.substring(0, filter.length() - 1)))
                .data(
                        "nextQuery",
                        page.nextCursor() == null
                                ? null
                                : filter + "cursor=" + URLEncoder.encode(page.nextCursor(), StandardCharsets.UTF_8))
                .data("paged", cursor != null && !cursor.isBlank())
                .data("firstQuery", filter));
    }

    @POST
    @Path("/{id}/read")
    public Response markRead(@PathParam("id") String rawId, MultivaluedMap<String, String> form) {
        request.requireCsrf(form);
        inbox.markRead(caller(), new NotificationId(id(rawId)));
        return back(form);
    }

    @POST
    @Path("/read-all")
    public Response markAllRead(MultivaluedMap<String, String> form) {
        request.requireCsrf(form);
        inbox.markAllRead(caller());
        return back(form);
    }

    /** One event type on the preferences page: whether it is also mailed. */
    public record Choice(String wireName, String titleKey, boolean mailed) {}

    /**
     * The caller's notification preferences (the same use case as {@code /api/v1/notifications/preferences}): the
     * language of its mails, the events also mailed, the daily digest. A partner's or distributor's person sees only the
     * events about its company ({@link NotificationType#tenantScoped}); staff see every type.
     */
    @GET
    @Path("/preferences")
    public Response preferences(@QueryParam("saved") String saved) {
        NotificationInboxUseCase.Preferences prefs = inbox.preferences(caller());
        List<Choice> choices = offered().stream()
                .map(t -> new Choice(
                        t.wireName(),
                        "notif_" + t.name().toLowerCase(Locale.ROOT),
                        !prefs.emailMuted().contains(t)))
                .toList();
        return views.html(views.page("portal/preferences")
                .data("prefs", prefs)
                .data("choices", choices)
                .data("saved", saved != null));
    }

    /**
     * Replaces the preferences from the form: a shown event left unticked is muted; the events not shown keep their
     * setting. An unknown language or event name is a 400 with the field named, like the API.
     */
    @POST
    @Path("/preferences")
    public Response savePreferences(MultivaluedMap<String, String> form) {
        request.requireCsrf(form);
        String tag = form.getFirst("locale");
        MailLocale locale = tag == null || tag.isBlank()
                ? null
                : MailLocale.parse(tag)
                        .orElseThrow(
                                () -> DomainException.invalid("locale", "must be en or fr (or empty for the default)"));
        Set<NotificationType> mailed = EnumSet.noneOf(NotificationType.class);
        for (String name : form.getOrDefault("mailed", List.of())) {
            mailed.add(NotificationType.ofWireName(name)
                    .orElseThrow(() -> DomainException.invalid("mailed", "names an unknown event type")));
        }
        Set<NotificationType> muted = EnumSet.noneOf(NotificationType.class);
        muted.addAll(inbox.preferences(caller()).emailMuted());
        List<NotificationType> shown = offered();
        muted.removeAll(shown);
        shown.stream().filter(t -> !mailed.contains(t)).forEach(muted::add);
        inbox.updatePreferences(caller(), locale, muted, form.getFirst("digest") != null);
        return views.redirect("/ui/inbox/preferences?saved=1");
    }

    private List<NotificationType> offered() {
        boolean staff = request.staff();
        return Arrays.stream(NotificationType.values())
                .filter(t -> staff || t.tenantScoped())
                .toList();
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
