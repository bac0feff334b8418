package com.tentabo.prm.bootstrap.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The real browser of the console's browser tests: Debian's {@code chromium} and {@code chromium-driver} packages
 * (paths overridable with {@code -Dprm.browser.chromium=…} and {@code -Dprm.browser.chromedriver=…}), headless, with
 * a fresh profile, nothing downloaded. Without them the tests are skipped with a message saying so — unless
 * {@code PRM_REQUIRE_BROWSER=true} (or {@code -Dprm.browser.required=true}), as {@code .ci/run} sets, which makes a
 * missing browser a failure.
 */
final class Chromium {

    static final String CHROMIUM = System.getProperty("prm.browser.chromium", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("prm.browser.chromedriver", "/usr/bin/chromedriver");

    private Chromium() {}

    static boolean required() {
        return "true".equalsIgnoreCase(System.getenv("PRM_REQUIRE_BROWSER"))
                || "true".equalsIgnoreCase(System.getProperty("prm.browser.required"));
    }

    /** Skips the calling test (or fails it when a browser is required) when Chromium or its driver is missing. */
    static void assumeInstalled() {
        boolean installed = Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(CHROMEDRIVER));
        String message = "Browser tests need Chromium and its driver (" + CHROMIUM + ", " + CHROMEDRIVER
                + "): apt-get install -y chromium chromium-driver";
        if (!installed && required()) {
            throw new AssertionError(message + " — required here (PRM_REQUIRE_BROWSER=true)");
        }
        Assumptions.assumeTrue(installed, "SKIPPED: " + message);
    }

    static ChromeDriver start(int width, int height) {
        Path profile;
        try {
            profile = Files.createTempDirectory("prm-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--no-default-browser-check",
                "--disable-extensions",
                "--lang=en-GB",
                "--user-data-dir=" + profile,
                "--window-size=" + width + "," + height);
        options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", "en-GB,en"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }

    /** axe-core on the driver's current page: no serious or critical violation (the page named in the message). */
    static void assertAccessible(ChromeDriver driver, String page) {
        List<Rule> bad = new AxeBuilder()
                .analyze(driver).getViolations().stream()
                        .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact()))
                        .toList();
        assertThat(bad)
                .as(page + ": "
                        + bad.stream()
                                .map(v -> v.getId() + " (" + v.getImpact() + "): " + v.getHelp() + " at "
                                        + v.getNodes().stream()
                                                .map(n -> String.valueOf(n.getTarget()))
                                                .toList())
                                .toList())
                .isEmpty();
    }

    /**
     * The current page as {@code <name>.png} in {@code target/console-screenshots}, or in the folder named by
     * {@code -Dprm.console.screenshots=…} ({@code ../docs/console} for docs/console.md).
     */
    static void screenshot(ChromeDriver driver, String name) {
        Path dir = Path.of(System.getProperty("prm.console.screenshots", "target/console-screenshots"));
        try {
            Files.createDirectories(dir);
            Files.copy(
                    driver.getScreenshotAs(OutputType.FILE).toPath(),
                    dir.resolve(name + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
