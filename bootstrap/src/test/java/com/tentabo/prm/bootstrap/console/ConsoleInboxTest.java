package com.tentabo.prm.bootstrap.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.tentabo.prm.application.identity.port.out.PasswordHasher;
import com.tentabo.prm.bootstrap.support.Api;
import com.tentabo.prm.bootstrap.support.PostgresResource;
import com.tentabo.prm.bootstrap.support.TestData;
import com.tentabo.prm.domain.access.Role;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** The inbox: the unread count in the header of every page, the list (paged), mark read and mark all read, FR/EN. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class ConsoleInboxTest {

    /** The console's inbox page size ({@code InboxPage.LIST_PAGE}). */
    static final int PAGE_SIZE = 25;

    @Inject
    AgroalDataSource ds;

    @Inject
    PasswordHasher hasher;

    /** A partner's user with {@code count} unread order notifications, the newest numbered {@code count - 1}. */
    private String userWithNotifications(int count) {
        UUID partner = TestData.partner(ds, "Inbox partner " + UUID.randomUUID());
        String username = ConsoleUsers.create(ds, hasher, Role.PARTNER, partner, null);
        UUID user = UUID.fromString(TestData.text(ds, "SELECT id::text FROM users WHERE username = ?", username));
        for (int i = 0; i < count; i++) {
            UUID order = UUID.randomUUID();
            TestData.exec(
                    ds,
                    "INSERT INTO notifications (id, recipient_kind, recipient_id, event_type, dedup_key, "
                            + "subject_type, subject_id, params, link, email_status, created_at) VALUES (?, 'user', ?, "
                            + "'order.fulfilled', ?, 'order', ?, ?::jsonb, ?, 'none', now() - make_interval(mins => ?))",
                    UUID.randomUUID(),
                    user,
                    "order.fulfilled:" + order,
                    order,
                    "{\"order_number\": \"ORD-" + i + "\", \"order_id\": \"" + order + "\"}",
                    "/ui/orders/" + order,
                    count - i);
        }
        return username;
    }

    private static String count(Document page) {
        return page.select("#inbox-link .count").text();
    }

    @Test
    void theHeaderCountsUnreadOnEveryPageAndTheListMarksOneThenAllRead() {
        String username = userWithNotifications(3);
        ConsoleBrowser browser =
                new ConsoleBrowser("en").from(Api.freshAddress()).signIn(username, ConsoleUsers.PASSWORD);
        assertThat(count(browser.page("/ui"))).isEqualTo("3");
        assertThat(count(browser.page("/ui/orders"))).isEqualTo("3");
        assertThat(browser.page("/ui/account").select("#inbox-link").text()).isEqualTo("Inbox 3 unread");

        Document inbox = browser.page("/ui/inbox");
        assertThat(inbox.select("#inbox-link").attr("aria-current")).isEqualTo("page");
        assertThat(inbox.select(".inbox-list li.unread")).hasSize(3);
        Element newest = inbox.select(".inbox-list li").first();
        assertThat(newest.text())
                .contains("An order is fulfilled")
                .contains("ORD-2")
                .contains("Mark read");
        assertThat(newest.select("a").attr("href")).startsWith("/ui/orders/");

        String id = newest.id().substring(2);
        Response marked = browser.post("/ui/inbox/" + id + "/read", Map.of("back", "/ui/inbox"));
        assertThat(marked.statusCode()).isEqualTo(303);
        Document after = browser.page("/ui/inbox");
        assertThat(count(after)).isEqualTo("2");
        assertThat(after.select("#n-" + id).hasClass("read")).isTrue();
        assertThat(browser.page("/ui/inbox?unread=true").select(".inbox-list li.unread"))
                .hasSize(2);

        // htmx: the list and the header's count come back in one answer
        Response all = browser.htmxPost("/ui/inbox/read-all", Map.of("back", "/ui/inbox?unread=true"));
        assertThat(all.statusCode()).isEqualTo(200);
        Document swapped = browser.parse(all);
        assertThat(swapped.select("#inbox .inbox-list li.unread")).isEmpty();
        assertThat(swapped.select("#inbox-link .count")).isEmpty();
        assertThat(swapped.select("#read-all")).isEmpty();
        assertThat(count(browser.page("/ui"))).isEmpty();
    }

    @Test
    void somebodyElsesNotificationIsNotFoundAndAFormWithoutCsrfIsRefused() {
        String mine = userWithNotifications(1);
        String theirs = userWithNotifications(1);
        ConsoleBrowser other = new ConsoleBrowser("en").from(Api.freshAddress()).signIn(theirs, ConsoleUsers.PASSWORD);
        String theirId =
                other.page("/ui/inbox").select(".inbox-list li").first().id().substring(2);

        ConsoleBrowser browser =
                new ConsoleBrowser("fr").from(Api.freshAddress()).signIn(mine, ConsoleUsers.PASSWORD);
        Document inbox = browser.page("/ui/inbox");
        assertThat(inbox.select("h1").text()).isEqualTo("Notifications");
        assertThat(inbox.select(".inbox-list li").first().text()).contains("Une commande est traitée");
        assertThat(browser.post("/ui/inbox/" + theirId + "/read", Map.of()).statusCode())
                .isEqualTo(404);
        assertThat(browser.post("/ui/inbox/read-all", Map.of("_csrf", "forged")).statusCode())
                .isEqualTo(403);
        assertThat(count(other.page("/ui"))).isEqualTo("1");
        assertThat(count(browser.page("/ui"))).isEqualTo("1");
    }

    @Test
    void theListIsPagedNewestFirst() {
        String username = userWithNotifications(PAGE_SIZE + 2);
        ConsoleBrowser browser =
                new ConsoleBrowser("en").from(Api.freshAddress()).signIn(username, ConsoleUsers.PASSWORD);
        Document first = browser.page("/ui/inbox");
        assertThat(first.select(".inbox-list li")).hasSize(PAGE_SIZE);
        assertThat(first.select(".inbox-list li").first().text()).contains("ORD-" + (PAGE_SIZE + 1));
        String next = first.select("a[rel=next]").attr("href");
        Document second = browser.pageAsIs(next);
        assertThat(second.select(".inbox-list li")).hasSize(2);
        assertThat(second.select(".inbox-list li").last().text()).contains("ORD-0");
        assertThat(second.select("a[rel=next]")).isEmpty();
    }
}
