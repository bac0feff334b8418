package com.tentabo.prm.bootstrap.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.tentabo.prm.application.identity.port.out.PasswordHasher;
import com.tentabo.prm.bootstrap.support.PostgresResource;
import com.tentabo.prm.bootstrap.support.TestData;
import com.tentabo.prm.domain.access.Role;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console in a real Chromium: a partner's whole day in English and in French, a distributor's scope, an expired
 * session, a phone-sized window, and axe-core on every page visited (no serious or critical violation). Screenshots of
 * the main pages go to {@code target/console-screenshots}, or to the folder named by
 * {@code -Dprm.console.screenshots=…} (the ones of docs/console.md: {@code ../docs/console}).
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class ConsoleInBrowserTest {

    static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    PasswordHasher hasher;

    @Inject
    com.tentabo.prm.application.order.port.out.OrderRepository orders;

    @TestHTTPResource("/")
    URL base;

    private ChromeDriver driver;
    private WebDriverWait wait;

    @BeforeEach
    void browser() {
        Chromium.assumeInstalled();
        driver = Chromium.start(1280, 1000);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        wait = new WebDriverWait(driver, WAIT);
    }

    @AfterEach
    void close() {
        if (driver != null) {
            driver.quit();
        }
    }

    private String url(String path) {
        return base.toString().replaceAll("/$", "") + path;
    }

    private static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 6);
    }

    /** axe-core on the current page: no serious or critical violation. */
    private void accessible(String page) {
        Chromium.assertAccessible(driver, page);
    }

    private void screenshot(String name) {
        Chromium.screenshot(driver, name);
    }

    private void signIn(String username) {
        wait.until(ExpectedConditions.urlContains("/ui/sign-in"));
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(ConsoleUsers.PASSWORD);
        driver.findElement(By.cssSelector("form[action='/ui/sign-in'] button[type=submit]"))
                .click();
        wait.until(d -> !d.getCurrentUrl().contains("/ui/sign-in"));
    }

    private WebElement waitFor(String css) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    @Test
    void staffFulfilAnOrderActivateItsContractAndApproveAWaitingPerson() {
        UUID partner = TestData.partner(dataSource, unique("Fulfilment partner"));
        UUID partnerUser = TestData.user(dataSource, Role.PARTNER, partner, null);
        UUID order = com.tentabo.prm.bootstrap.support.TestOrders.created(dataSource, orders, partner, partnerUser, 12);
        TestData.exec(
                dataSource, "UPDATE orders SET status = 'SENT'::orderstatus, sent_at = now() WHERE id = ?", order);

        driver.get(url("/ui/fulfilment"));
        signIn(ConsoleUsers.create(dataSource, hasher, Role.FULFILLER, null, null));
        driver.get(url("/ui/fulfilment?partner=" + partner));
        accessible("fulfilment queue");
        screenshot("fulfilment-en");
        waitFor("#queue-" + order + " form[action$='/start'] button").click();
        waitFor("[role=status]");
        waitFor("#queue-" + order + " form[action$='/finish'] button").click();
        waitFor("#activate-contract");
        accessible("fulfilled order");
        driver.findElement(By.id("activate-contract")).click();
        wait.until(ExpectedConditions.urlContains("/ui/contracts/"));
        assertThat(TestData.count(dataSource, "SELECT count(*) FROM contracts WHERE order_id = ?", order))
                .isEqualTo(1);

        UUID waiting = UUID.randomUUID();
        String name = unique("Waiting Browser Person");
        TestData.exec(
                dataSource,
                "INSERT INTO users (id, provider, provider_id, email, username, full_name, role, is_enabled) "
                        + "VALUES (?, 'ldap', ?, ?, ?, ?, 'PARTNER'::userrole, false)",
                waiting,
                "uid=" + waiting,
                waiting + "@pending.example",
                "pending-" + waiting.toString().substring(0, 8),
                name);
        driver.manage().deleteAllCookies();
        driver.get(url("/ui/approvals"));
        signIn(ConsoleUsers.create(dataSource, hasher, Role.ADMIN, null, null));
        driver.get(url("/ui/approvals"));
        accessible("approvals");
        screenshot("approvals-en");
        new Select(waitFor("#role-" + waiting)).selectByValue("partner");
        new Select(driver.findElement(By.id("partner-" + waiting))).selectByValue(partner.toString());
        driver.findElement(By.cssSelector("#user-" + waiting + " button[type=submit]"))
                .click();
        assertThat(waitFor("[role=status]").getText()).contains(name);
        assertThat(TestData.text(dataSource, "SELECT is_enabled || ' ' || partner_id FROM users WHERE id = ?", waiting))
                .isEqualTo("true " + partner);
    }

    /** Moves a card with its keyboard alternative (menu + Move), the board being swapped in place by htmx. */
    private void move(String leadId, String status) {
        WebElement card = waitFor("#lead-" + leadId);
        new Select(card.findElement(By.cssSelector("select[name=status]"))).selectByValue(status);
        card.findElement(By.cssSelector("button[type=submit]")).click();
        waitFor("section[data-status=" + status + "] #lead-" + leadId);
    }

    /** A partner's day: lead, board to won, quote, order, sent, in the list. Returns nothing; asserts along the way. */
    private void partnersDay(String language, String suffix) {
        UUID partner = TestData.partner(dataSource, unique("Browser partner " + suffix));
        String[] catalog = ConsoleUsers.catalog(dataSource, unique("Cloud storage"));
        String user = ConsoleUsers.create(dataSource, hasher, Role.PARTNER, partner, null);

        // the page asked for before signing in is the one shown after
        driver.get(url("/ui/orders"));
        if ("fr".equals(language)) {
            driver.findElement(By.cssSelector(".lang a[lang=fr]")).click();
            wait.until(d -> "fr".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
        }
        accessible("sign-in");
        screenshot("sign-in-" + language);
        signIn(user);
        assertThat(driver.getCurrentUrl()).endsWith("/ui/orders");

        driver.get(url("/ui"));
        waitFor("#h-pipeline");
        accessible("dashboard");

        driver.get(url("/ui/leads/new"));
        accessible("new lead");
        String title = unique("fr".equals(language) ? "Renouvellement pare-feu" : "Firewall renewal");
        driver.findElement(By.id("title")).sendKeys(title);
        driver.findElement(By.id("organization")).sendKeys("Globex");
        driver.findElement(By.id("contact_name")).sendKeys("Hank Scorpio");
        driver.findElement(By.id("contact_email")).sendKeys("hank@globex.example");
        driver.findElement(By.id("value")).sendKeys("12500.50");
        driver.findElement(By.cssSelector("form button.primary")).click();
        wait.until(ExpectedConditions.urlMatches("/ui/leads/[0-9a-f-]{36}$"));
        String leadId = driver.getCurrentUrl().replaceAll(".*/ui/leads/", "");
        accessible("lead");

        driver.get(url("/ui/leads/board"));
        waitFor("#lead-" + leadId);
        move(leadId, "contacted");
        move(leadId, "proposal");
        accessible("board");
        screenshot("board-" + language);
        move(leadId, "won");

        driver.get(url("/ui/leads/" + leadId));
        driver.findElement(By.cssSelector("a[href='/ui/quote?lead=" + leadId + "']"))
                .click();
        waitFor("#product-1");
        new Select(driver.findElement(By.id("product-1"))).selectByValue(catalog[0]);
        new Select(driver.findElement(By.id("duration-1"))).selectByValue(catalog[1]);
        driver.findElement(By.id("quantity-1")).sendKeys("60");
        String total = "fr".equals(language) ? "9 720,00 €" : "€9,720.00";
        wait.until(d -> normalised(d.findElements(By.id("quote-total")).stream()
                        .map(WebElement::getText)
                        .findFirst()
                        .orElse(""))
                .equals(total));
        accessible("quote");
        screenshot("quote-" + language);

        driver.findElement(By.id("place-order")).click();
        waitFor("#send-order");
        accessible("order");
        driver.findElement(By.id("send-order")).click();
        wait.until(d -> d.findElements(By.id("send-order")).isEmpty());
        String orderUrl = driver.getCurrentUrl();
        String orderNumber = driver.findElement(By.tagName("h1")).getText().split(" ")[0];
        assertThat(driver.findElement(By.id("order-status")).getText())
                .isEqualTo("fr".equals(language) ? "Envoyée" : "Sent");
        screenshot("order-" + language);

        driver.get(url("/ui/orders"));
        assertThat(driver.findElement(By.id("results")).getText()).contains(orderNumber);
        accessible("orders");
        driver.get(url("/ui/contracts"));
        accessible("contracts");
        driver.get(url("/ui/account"));
        accessible("account");
        driver.get(url("/ui/inbox"));
        accessible("inbox");
        fulfilledOrdersOfRecentMonths(partner, user);
        driver.get(url("/ui"));
        waitFor("#h-revenue");
        screenshot("dashboard-" + language);
        assertThat(orderUrl).contains("/ui/orders/");
    }

    private static String normalised(String text) {
        return text.replace('\u202f', ' ').replace('\u00a0', ' ').trim();
    }

    @Test
    void aPartnersDayInEnglish() {
        partnersDay("en", "EN");
    }

    @Test
    void aPartnersDayInFrench() {
        partnersDay("fr", "FR");
    }

    @Test
    void aDistributorSeesItsPartnersLeadsAndNotOthersAndAnExpiredSessionComesBack() {
        UUID distributor = TestData.distributor(dataSource, unique("Browser distributor"));
        UUID mine = TestData.partner(dataSource, unique("Assigned"));
        UUID other = TestData.partner(dataSource, unique("Not assigned"));
        TestData.assign(dataSource, distributor, mine, true);
        String mineTitle = unique("Assigned lead");
        String otherTitle = unique("Foreign lead");
        insertLead(mine, mineTitle);
        insertLead(other, otherTitle);

        driver.get(url("/ui/leads?partner=" + mine));
        signIn(ConsoleUsers.create(dataSource, hasher, Role.DISTRIBUTOR, null, distributor));
        assertThat(driver.getCurrentUrl()).endsWith("/ui/leads?partner=" + mine);
        assertThat(driver.findElement(By.id("results")).getText()).contains(mineTitle);
        accessible("leads list");
        driver.get(url("/ui/leads?q=" + otherTitle.replace(' ', '+')));
        assertThat(driver.findElement(By.id("results")).getText()).doesNotContain(otherTitle);
        driver.get(url("/ui/partners"));
        accessible("partners");
        screenshot("partners-en");

        // an expired or revoked session: sign in again, back on the page asked
        driver.manage().deleteCookieNamed("prm_session");
        driver.get(url("/ui/contracts?expiring=60"));
        signIn(ConsoleUsers.create(dataSource, hasher, Role.DISTRIBUTOR, null, distributor));
        assertThat(driver.getCurrentUrl()).endsWith("/ui/contracts?expiring=60");

        // a phone-sized window: nothing wider than the screen but the board, which scrolls in its own box
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        for (String page : List.of("/ui", "/ui/leads", "/ui/orders", "/ui/account")) {
            driver.get(url(page));
            Object overflow = ((JavascriptExecutor) driver)
                    .executeScript(
                            "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertThat(((Number) overflow).intValue())
                    .as(page + " overflows a phone screen")
                    .isLessThanOrEqualTo(0);
        }
    }

    @Test
    void aPartnerRegistersADealFromItsLeadInTheBrowser() {
        UUID partner = TestData.partner(dataSource, unique("Browser registrant"));
        String title = unique("Registered deal");
        UUID lead = insertLead(partner, title);
        driver.get(url("/ui/leads/" + lead));
        signIn(ConsoleUsers.create(dataSource, hasher, Role.PARTNER, partner, null));
        waitFor("#register-deal").click();
        waitFor("#submit-registration");
        accessible("register a deal");
        assertThat(driver.findElement(By.id("organization")).getAttribute("value"))
                .isEqualTo("Initech");
        driver.findElement(By.id("registration_number")).sendKeys("732 829 320");
        driver.findElement(By.id("domain")).sendKeys("initech.example");
        driver.findElement(By.id("expected_products")).sendKeys("Cloud backup");
        driver.findElement(By.id("expected_value")).sendKeys("9000");
        driver.findElement(By.id("submit-registration")).click();
        wait.until(ExpectedConditions.urlMatches("/ui/registrations/[0-9a-f-]{36}"));
        assertThat(waitFor("#registration-status").getText()).isEqualTo("Under review");
        accessible("registration");
        driver.get(url("/ui/registrations"));
        assertThat(driver.findElement(By.id("results")).getText())
                .contains("Initech")
                .contains("Under review");
        accessible("registrations");
        driver.get(url("/ui/programme"));
        waitFor("#current-level");
        accessible("my level");
    }

    /** A few orders fulfilled in the last months, so that the dashboard's revenue chart has bars to show. */
    private void fulfilledOrdersOfRecentMonths(UUID partner, String username) {
        UUID user =
                UUID.fromString(TestData.text(dataSource, "SELECT id::text FROM users WHERE username = ?", username));
        int[] monthsAgo = {1, 2, 2, 4, 5, 7};
        for (int ago : monthsAgo) {
            UUID order = com.tentabo.prm.bootstrap.support.TestOrders.created(dataSource, orders, partner, user, 12);
            TestData.exec(
                    dataSource,
                    "UPDATE orders SET status = 'FULFILLED'::orderstatus, sent_at = now() - make_interval(months => ?), "
                            + "fulfilled_at = now() - make_interval(months => ?) WHERE id = ?",
                    ago,
                    ago,
                    order);
        }
    }

    private UUID insertLead(UUID partner, String title) {
        UUID owner = TestData.user(dataSource, Role.PARTNER, partner, null);
        UUID id = UUID.randomUUID();
        TestData.exec(
                dataSource,
                "INSERT INTO leads (id, title, organization, contact_name, status, owner_id, partner_id, "
                        + "provider_name, created_at, updated_at) VALUES (?, ?, 'Initech', 'Bill', 'NEW'::leadstatus, ?, ?, "
                        + "'tentabo', now(), now())",
                id,
                title,
                owner,
                partner);
        return id;
    }

    WebDriver driver() {
        return driver;
    }
}
