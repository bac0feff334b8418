package com.tentabo.prm.bootstrap.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.tentabo.prm.application.identity.port.out.PasswordHasher;
import com.tentabo.prm.bootstrap.support.Api;
import com.tentabo.prm.bootstrap.support.PostgresResource;
import com.tentabo.prm.bootstrap.support.TestData;
import com.tentabo.prm.bootstrap.support.TestLdap;
import com.tentabo.prm.bootstrap.support.TestProviders;
import com.tentabo.prm.domain.access.Role;
import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The back office's catalog in a real Chromium: an admin edits a product's tiers, sees the broken rules listed as
 * they are typed (htmx) and the save refused, fixes the table, sees the price preview and saves; the same pages in
 * French, and the partner and user pages; axe-core on each page (no serious or critical violation). Screenshots
 * {@code bo-catalog-*} go where {@code -Dprm.console.screenshots=…} says ({@code ../docs/console} for the docs),
 * else to {@code target/console-screenshots}.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class BackOfficeCatalogBrowserTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    PasswordHasher hasher;

    @TestHTTPResource("/")
    URL base;

    private ChromeDriver driver;
    private WebDriverWait wait;

    @BeforeEach
    void browser() {
        Chromium.assumeInstalled();
        driver = Chromium.start(1280, 1100);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        wait = new WebDriverWait(driver, ConsoleInBrowserTest.WAIT);
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

    private void accessible(String page) {
        Chromium.assertAccessible(driver, page);
    }

    private void screenshot(String name) {
        Chromium.screenshot(driver, "bo-catalog-" + name);
    }

    private WebElement waitFor(String css) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    /** The element once its text holds the words (a live check answers each keystroke; the last answer counts). */
    private WebElement waitForText(String css, String words) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), words));
        return driver.findElement(By.cssSelector(css));
    }

    private void type(String id, String text) {
        WebElement input = driver.findElement(By.id(id));
        input.clear();
        input.sendKeys(text);
    }

    /** A product of three monthly tiers: 1–10 at 10.00, 11–50 at 8.00, 51 and more at 6.50. */
    private static String product(String name) {
        List<Map<String, Object>> tiers = List.of(tier(1, 10, "10.00"), tier(11, 50, "8.00"), tier(51, null, "6.50"));
        return Api.asAdmin()
                .body(Map.of(
                        "name",
                        name,
                        "type",
                        "backup",
                        "unit",
                        "seat",
                        "pricing_mode",
                        "graduated",
                        "price_tiers",
                        tiers))
                .post("/api/v1/products")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static Map<String, Object> tier(int min, Integer max, String price) {
        Map<String, Object> tier = new HashMap<>();
        tier.put("min_quantity", min);
        tier.put("max_quantity", max);
        tier.put("price_per_unit", price);
        tier.put("period", "month");
        return tier;
    }

    /** Opens {@code path}, signs in as a new ADMIN on the way, and waits to be back there. */
    private void signInAsAdmin(String path) {
        driver.get(url(path));
        wait.until(ExpectedConditions.urlContains("/ui/sign-in"));
        driver.findElement(By.id("username")).sendKeys(ConsoleUsers.create(dataSource, hasher, Role.ADMIN, null, null));
        driver.findElement(By.id("password")).sendKeys(ConsoleUsers.PASSWORD);
        driver.findElement(By.cssSelector("form[action='/ui/sign-in'] button[type=submit]"))
                .click();
        wait.until(d -> d.getCurrentUrl().endsWith(path));
    }

    /** The directory search of the active LDAP provider, for the screenshots of docs/console.md, in both languages. */
    @Test
    void anAdminSearchesTheDirectory_inEnglishAndFrench() throws Exception {
        String baseDn = "dc=browser-directory,dc=example";
        InMemoryDirectoryServer ldap = TestLdap.directory(baseDn);
        UUID provider = null;
        try {
            for (String[] person : List.of(
                    new String[] {"amartin", "Alice", "Martin"},
                    new String[] {"bmartineau", "Bruno", "Martineau"},
                    new String[] {"cmartins", "Chloé", "Martins"})) {
                ldap.add(
                        "dn: uid=" + person[0] + "," + baseDn,
                        "objectClass: inetOrgPerson",
                        "uid: " + person[0],
                        "cn: " + person[1] + " " + person[2],
                        "givenName: " + person[1],
                        "sn: " + person[2],
                        "mail: " + person[0] + "@example.com");
            }
            ldap.startListening();
            provider = TestLdap.activate(
                    dataSource, "company_ldap", "ldap://127.0.0.1:" + ldap.getListenPort(), baseDn, "{}");
            signInAsAdmin("/ui/users/directory?q=martin");
            waitFor("#people");
            assertThat(driver.findElements(By.cssSelector("#people tbody tr"))).hasSize(3);
            accessible("directory");
            screenshot("directory-en");
            driver.findElement(By.cssSelector(".lang a[lang=fr]")).click();
            wait.until(d -> "fr".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
            driver.get(url("/ui/users/directory?q=martin"));
            waitFor("#people");
            accessible("directory (fr)");
            screenshot("directory-fr");
        } finally {
            ldap.shutDown(true);
            if (provider != null) {
                TestProviders.delete(dataSource, List.of(provider));
            }
        }
    }

    @Test
    void anAdminEditsAProductsTiers_seesTheBrokenRules_fixesThem_previewsAndSaves_inEnglishAndFrench() {
        String product = product("Cloud backup " + UUID.randomUUID().toString().substring(0, 6));
        UUID partner = TestData.partner(
                dataSource, "Browser partner " + UUID.randomUUID().toString().substring(0, 6));
        UUID distributor = TestData.distributor(
                dataSource,
                "Browser distributor " + UUID.randomUUID().toString().substring(0, 6));
        TestData.assign(dataSource, distributor, partner, true);
        TestData.user(dataSource, Role.PARTNER, partner, null);

        signInAsAdmin("/ui/catalog");
        waitFor("#product-" + product);
        accessible("products");
        screenshot("products-en");

        driver.findElement(By.cssSelector("#product-" + product + " a")).click();
        waitFor("#tier-preview");
        accessible("product");
        // a gap: row 2 starts at 12; the rule is listed as it is typed, and the preview goes away
        type("min-2", "12");
        assertThat(waitForText("#tier-problems", "leaves a gap").getText())
                .contains("Row 2")
                .contains("leaves a gap after the previous tier (must be 11)");
        assertThat(driver.findElements(By.id("tier-preview"))).isEmpty();
        screenshot("tiers-error-en");
        driver.findElement(By.id("save-tiers")).click();
        assertThat(waitFor("#problem").getText()).contains("not saved");
        assertThat(driver.findElement(By.id("min-2")).getAttribute("aria-invalid"))
                .isEqualTo("true");
        accessible("refused tiers");
        assertThat(TestData.text(
                        dataSource,
                        "SELECT min_quantity::text FROM price_tiers WHERE product_id = ? "
                                + "ORDER BY min_quantity OFFSET 1 LIMIT 1",
                        UUID.fromString(product)))
                .isEqualTo("11");

        // fixed: 11 again, and a last row added at 5.00 from 101 (row 3 now ends at 100)
        type("min-2", "11");
        type("max-3", "100");
        driver.findElement(By.id("add-tier")).click();
        type(waitFor("#price-4").getAttribute("id"), "5");
        assertThat(driver.findElement(By.id("min-4")).getAttribute("value")).isEqualTo("101");
        waitFor("#tier-preview");
        String hundred = driver.findElements(By.cssSelector("#tier-preview tbody tr")).stream()
                .map(WebElement::getText)
                .filter(t -> t.startsWith("100 "))
                .findFirst()
                .orElseThrow();
        // 100 units for 12 months: volume 100 × 6.50 × 12; graduated (10 × 10 + 40 × 8 + 50 × 6.50) × 12
        assertThat(hundred).contains("€7,800.00").contains("€8,940.00");
        screenshot("tiers-preview-en");
        driver.findElement(By.id("save-tiers")).click();
        assertThat(waitFor("#saved").getText()).contains("tiers are saved");
        assertThat(TestData.text(
                        dataSource,
                        "SELECT string_agg(min_quantity || '-' || coalesce(max_quantity::text, ''), ' '"
                                + " ORDER BY min_quantity) FROM price_tiers WHERE product_id = ?",
                        UUID.fromString(product)))
                .isEqualTo("1-10 11-50 51-100 101-");

        driver.get(url("/ui/companies/partners/" + partner));
        waitFor("#assignment-" + distributor);
        accessible("partner");
        screenshot("partner-en");
        driver.get(url("/ui/users?company=p:" + partner));
        waitFor("#invite-form");
        accessible("users");
        screenshot("users-en");

        // the same in French
        driver.get(url("/ui/catalog/products/" + product));
        driver.findElement(By.cssSelector(".lang a[lang=fr]")).click();
        wait.until(d -> "fr".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
        type("min-2", "12");
        assertThat(waitForText("#tier-problems", "laisse un trou").getText()).contains("Ligne 2");
        accessible("product (fr)");
        screenshot("tiers-error-fr");
        type("min-2", "11");
        waitFor("#tier-preview");
        screenshot("tiers-preview-fr");
        driver.get(url("/ui/companies/partners/" + partner));
        waitFor("#assignment-" + distributor);
        accessible("partner (fr)");
        screenshot("partner-fr");
        driver.get(url("/ui/users?company=p:" + partner));
        waitFor("#invite-form");
        accessible("users (fr)");
        screenshot("users-fr");
    }
}
