package com.tentabo.prm.bootstrap.console;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.tentabo.prm.application.identity.port.out.PasswordHasher;
import com.tentabo.prm.bootstrap.support.PostgresResource;
import com.tentabo.prm.bootstrap.support.TestData;
import com.tentabo.prm.bootstrap.support.TestProviders;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The providers page in a real Chromium: an ADMIN configures Pennylane (a WireMock server answering as Pennylane's
 * {@code GET /me} does: 401 to a token it does not know) with a wrong token, runs the health check and sees it fail
 * with Pennylane's own message, then types the right token and sees it pass; the history keeps both checks, and the
 * audit trail shows the change without the token. axe-core on every page (no serious or critical violation);
 * screenshots in English and French ({@code -Dprm.console.screenshots=…}, the ones of docs/console.md).
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class BackOfficeOpsBrowserTest {

    static final Duration WAIT = Duration.ofSeconds(20);
    static final String API = "/api/external/v2";
    static final String GOOD_TOKEN = "pennylane-good-token";
    static final String WRONG_TOKEN = "pennylane-wrong-token";

    static WireMockServer pennylane;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    PasswordHasher hasher;

    @TestHTTPResource("/")
    URL base;

    private ChromeDriver driver;
    private WebDriverWait wait;

    @BeforeAll
    static void startPennylane() {
        pennylane = new WireMockServer(wireMockConfig().dynamicPort());
        pennylane.start();
        pennylane.stubFor(get(urlPathEqualTo(API + "/me"))
                .atPriority(5)
                .willReturn(aResponse()
                        .withStatus(401)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\": \"Invalid token\"}")));
        pennylane.stubFor(get(urlPathEqualTo(API + "/me"))
                .atPriority(1)
                .withHeader("Authorization", equalTo("Bearer " + GOOD_TOKEN))
                .willReturn(okJson("{\"user\": {\"id\": 12345, \"email\": \"jdoe@acme.example\"}, "
                        + "\"company\": {\"id\": 123456, \"name\": \"Acme Storage SAS\", \"reg_no\": 123456789}}")));
    }

    @AfterAll
    static void stopPennylane() {
        pennylane.stop();
    }

    @BeforeEach
    void browser() {
        Chromium.assumeInstalled();
        driver = Chromium.start(1280, 1100);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        wait = new WebDriverWait(driver, WAIT);
    }

    @AfterEach
    void close() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void anAdminConfiguresAProviderWithAWrongToken_seesTheHealthCheckFail_thenFixesIt() {
        assertThat(TestData.count(
                        dataSource,
                        "SELECT count(*) FROM provider_configs WHERE provider_type = 'BILLING' "
                                + "AND provider_name = 'pennylane'"))
                .as("a pennylane provider left by another test")
                .isZero();
        driver.get(url("/ui/providers"));
        signIn(ConsoleUsers.create(dataSource, hasher, Role.ADMIN, null, null));
        driver.get(url("/ui/providers"));
        accessible("providers");
        screenshot("bo-ops-providers-en");

        new Select(waitFor("#type")).selectByValue("billing");
        driver.findElement(By.id("name")).sendKeys("pennylane");
        WebElement settings = driver.findElement(By.id("settings"));
        settings.clear();
        settings.sendKeys("{\"base_url\": \"" + pennylane.baseUrl() + API + "\", \"development\": true}");
        WebElement credentialName = driver.findElement(By.id("credential_name"));
        credentialName.clear();
        credentialName.sendKeys("api_token");
        driver.findElement(By.id("credential_value")).sendKeys(WRONG_TOKEN);
        driver.findElement(By.cssSelector("#new-provider button[type=submit]")).click();
        wait.until(ExpectedConditions.urlMatches("/ui/providers/[0-9a-f-]{36}"));
        UUID id = UUID.fromString(driver.getCurrentUrl().replaceAll(".*/ui/providers/([0-9a-f-]{36}).*", "$1"));
        try {
            assertThat(waitFor("#credentials-shown").getText()).isEqualTo("api_token: set");
            assertThat(driver.getPageSource()).doesNotContain(WRONG_TOKEN);

            waitFor("#health-check").click();
            assertThat(waitFor("#check-result").getText())
                    .contains("degraded")
                    .contains("401")
                    .contains("Invalid token");
            assertThat(driver.findElement(By.cssSelector("#health-history tbody"))
                            .getText())
                    .contains("degraded");
            accessible("provider after a failed check");
            screenshot("bo-ops-provider-health-en");

            // the right token: typed, stored, checked
            waitFor("#cred_value_0").sendKeys(GOOD_TOKEN);
            driver.findElement(By.id("save-provider")).click();
            waitFor("[role=status]");
            waitFor("#health-check").click();
            assertThat(waitFor("#check-result").getText()).contains("healthy");
            assertThat(driver.findElements(By.cssSelector("#health-history tbody tr")))
                    .hasSize(2);
            assertThat(driver.getPageSource()).doesNotContain(GOOD_TOKEN);

            driver.get(url("/ui/audit?entity_type=provider_config&entity_id=" + id));
            waitFor("#audit table.changes");
            assertThat(driver.getPageSource()).doesNotContain(GOOD_TOKEN).doesNotContain(WRONG_TOKEN);
            accessible("audit trail");
            screenshot("bo-ops-audit-en");

            // the same pages in French
            driver.findElement(By.cssSelector(".lang a[lang=fr]")).click();
            wait.until(d -> "fr".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
            accessible("audit trail (fr)");
            screenshot("bo-ops-audit-fr");
            driver.get(url("/ui/providers/" + id));
            assertThat(waitFor("#health-now").getText()).contains("opérationnel");
            assertThat(driver.findElement(By.id("health-history")).getText()).contains("dégradé");
            accessible("provider (fr)");
            screenshot("bo-ops-provider-health-fr");
            driver.get(url("/ui/providers"));
            waitFor("#providers");
            screenshot("bo-ops-providers-fr");
        } finally {
            TestProviders.delete(dataSource, List.of(id));
        }
    }

    private String url(String path) {
        return base.toString().replaceAll("/$", "") + path;
    }

    private WebElement waitFor(String css) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    private void signIn(String username) {
        wait.until(ExpectedConditions.urlContains("/ui/sign-in"));
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(ConsoleUsers.PASSWORD);
        driver.findElement(By.cssSelector("form[action='/ui/sign-in'] button[type=submit]"))
                .click();
        wait.until(d -> !d.getCurrentUrl().contains("/ui/sign-in"));
    }

    /** axe-core on the current page: no serious or critical violation. */
    private void accessible(String page) {
        Chromium.assertAccessible(driver, page);
    }

    private void screenshot(String name) {
        Chromium.screenshot(driver, name);
    }
}
