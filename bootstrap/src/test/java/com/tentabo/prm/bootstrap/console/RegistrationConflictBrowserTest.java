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
import java.util.Locale;
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
 * Deal registration end to end in a real Chromium: a partner registers a deal, a second partner registers the same
 * customer (another case and legal form) and is caught by the conflict check without either partner learning of the
 * other, and staff compare both sides and approve the first — axe-core on every page visited (no serious or critical
 * violation). Screenshots of the back office ({@code bo-review-…}) go to {@code target/console-screenshots}, or to the
 * folder named by {@code -Dprm.console.screenshots=…} ({@code ../docs/console} for docs/console.md).
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class RegistrationConflictBrowserTest {

    static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    AgroalDataSource ds;

    @Inject
    PasswordHasher hasher;

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

    /** axe-core on the current page: no serious or critical violation. */
    private void accessible(String page) {
        Chromium.assertAccessible(driver, page);
    }

    private void screenshot(String name) {
        Chromium.screenshot(driver, name);
    }

    private WebElement waitFor(String css) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    /** Opens {@code path} as a new person: signs in on the page the console asks for, and lands on {@code path}. */
    private void openAs(String username, String path) {
        driver.manage().deleteAllCookies();
        driver.get(url(path));
        wait.until(ExpectedConditions.urlContains("/ui/sign-in"));
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(ConsoleUsers.PASSWORD);
        driver.findElement(By.cssSelector("form[action='/ui/sign-in'] button[type=submit]"))
                .click();
        wait.until(d -> !d.getCurrentUrl().contains("/ui/sign-in"));
    }

    /** An open lead of the partner, owned by its user. */
    private UUID lead(UUID partner, String username, String organization, String email) {
        UUID owner = UUID.fromString(TestData.text(ds, "SELECT id::text FROM users WHERE username = ?", username));
        UUID lead = UUID.randomUUID();
        TestData.exec(
                ds,
                "INSERT INTO leads (id, provider_name, title, organization, contact_name, contact_email, value, "
                        + "currency, status, owner_id, partner_id, created_at, updated_at) VALUES (?, 'tentabo', ?, ?, 'Jane Roe', ?, "
                        + "30000.00, 'EUR', 'QUALIFIED'::leadstatus, ?, ?, now(), now())",
                lead,
                "Data platform for " + organization,
                organization,
                email,
                owner,
                partner);
        return lead;
    }

    /** Registers the lead's deal through the form in the browser; returns the registration's id. */
    private String register(UUID lead, String products, String value) {
        driver.get(url("/ui/registrations/new?lead=" + lead));
        waitFor("#submit-registration");
        accessible("register a deal");
        driver.findElement(By.id("expected_products")).sendKeys(products);
        WebElement amount = driver.findElement(By.id("expected_value"));
        amount.clear();
        amount.sendKeys(value);
        driver.findElement(By.id("submit-registration")).click();
        wait.until(ExpectedConditions.urlMatches("/ui/registrations/[0-9a-f-]{36}\\?submitted=1$"));
        waitFor("#registration-status");
        accessible("registration submitted");
        return driver.getCurrentUrl().replaceAll(".*/ui/registrations/([0-9a-f-]{36}).*", "$1");
    }

    @Test
    void aSecondPartnersRegistrationIsCaughtWithoutEitherLearningOfTheOther_andStaffApproveTheFirst() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String customer = "Orbisware Logistics " + tag;
        String domain = "orbisware-" + tag + ".example";
        String nameA = "Alpha Reseller " + tag;
        String nameB = "Beta Integrator " + tag;
        UUID partnerA = TestData.partner(ds, nameA);
        UUID partnerB = TestData.partner(ds, nameB);
        String userA = ConsoleUsers.create(ds, hasher, Role.PARTNER, partnerA, null);
        String userB = ConsoleUsers.create(ds, hasher, Role.PARTNER, partnerB, null);
        UUID leadA = lead(partnerA, userA, customer + " SAS", "jane@" + domain);
        UUID leadB = lead(partnerB, userB, customer.toUpperCase(Locale.ROOT) + " S.A.R.L.", "paul@sales." + domain);

        // the first partner registers its deal in the browser
        openAs(userA, "/ui/registrations/new?lead=" + leadA);
        String regA = register(leadA, "Warehouse analytics, 120 seats", "48250.00");
        assertThat(driver.findElement(By.id("registration-status")).getText()).isEqualTo("Under review");

        // the second partner registers the same customer: "under review", and nothing of the first partner
        openAs(userB, "/ui/registrations/new?lead=" + leadB);
        String regB = register(leadB, "Fleet dashboards", "12000.00");
        assertThat(driver.findElement(By.id("registration-status")).getText()).isEqualTo("Under review");
        assertThat(driver.getPageSource())
                .doesNotContain(nameA, partnerA.toString(), regA, "48,250", "Warehouse")
                .doesNotContainIgnoringCase("conflict")
                .doesNotContainIgnoringCase("overlap");
        assertThat(TestData.text(ds, "SELECT conflict FROM registrations WHERE id = ?", UUID.fromString(regB)))
                .isEqualTo("OVERLAP");

        // staff see both in the queue, both sides of the first one, and approve it with a reason
        openAs(ConsoleUsers.create(ds, hasher, Role.RESTRICTED_ADMIN, null, null), "/ui/review");
        waitFor("#review-queue");
        accessible("review queue");
        screenshot("bo-review-queue-en");
        driver.findElement(By.cssSelector("#review-" + regA + " a")).click();
        waitFor("#side-by-side");
        accessible("registration under review");
        assertThat(driver.findElement(By.id("this-partner")).getText()).isEqualTo(nameA);
        WebElement other = driver.findElement(By.id("match-registration-" + regB));
        assertThat(other.findElement(By.className("match-partner")).getText()).isEqualTo(nameB);
        assertThat(other.findElement(By.className("match-reason")).getText()).isEqualTo("same web or e-mail domain");
        screenshot("bo-review-registration-en");
        driver.findElement(By.id("reason")).sendKeys("First to register, with the customer's domain.");
        driver.findElement(By.id("approve")).click();
        waitFor("#review-decided");
        accessible("queue after a decision");
        assertThat(driver.findElement(By.id("review-decided")).getText())
                .contains(customer + " SAS")
                .contains("Approved");
        assertThat(driver.findElements(By.id("review-" + regA))).isEmpty();

        // the second partner's page now shows the first's protection, side by side, in French too
        driver.get(url("/ui/review/" + regB));
        driver.findElement(By.cssSelector(".lang a[lang=fr]")).click();
        wait.until(d -> "fr".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
        waitFor("#side-by-side");
        accessible("registration under review (fr)");
        assertThat(driver.findElement(By.cssSelector("#match-registration-" + regA + " .match-partner"))
                        .getText())
                .isEqualTo(nameA);
        screenshot("bo-review-registration-fr");
        driver.get(url("/ui/review"));
        waitFor("#review-queue");
        accessible("review queue (fr)");
        screenshot("bo-review-queue-fr");
        driver.get(url("/ui/levels"));
        waitFor("#levels");
        accessible("programme levels (fr)");
        screenshot("bo-review-levels-fr");
        driver.findElement(By.cssSelector(".lang a[lang=en]")).click();
        wait.until(d -> "en".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
        waitFor("#levels");
        accessible("programme levels");
        screenshot("bo-review-levels-en");

        // the first partner reads its approval and nothing of the second; the second still reads "under review"
        openAs(userA, "/ui/registrations/" + regA);
        waitFor("#registration-status");
        assertThat(driver.findElement(By.id("registration-status")).getText()).isEqualTo("Approved");
        assertThat(driver.findElement(By.id("decision-reason")).getText())
                .isEqualTo("First to register, with the customer's domain.");
        assertThat(driver.getPageSource()).doesNotContain(nameB, partnerB.toString(), regB, "12,000", "Fleet");
        openAs(userB, "/ui/registrations/" + regB);
        waitFor("#registration-status");
        assertThat(driver.findElement(By.id("registration-status")).getText()).isEqualTo("Under review");
        assertThat(driver.getPageSource()).doesNotContain(nameA, regA, "48,250", "First to register");
        assertThat(TestData.text(ds, "SELECT status FROM registrations WHERE id = ?", UUID.fromString(regA)))
                .isEqualTo("APPROVED");
    }
}
