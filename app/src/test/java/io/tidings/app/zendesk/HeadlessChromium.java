package io.tidings.app.zendesk;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Debian's Chromium and chromedriver ({@code apt-get install chromium chromium-driver}), started
 * headless with a fresh profile and with every background fetch switched off: on a machine with
 * no way out, Chromium otherwise waits on the network. Missing browsers fail the build under CI
 * (CI set) and skip the test elsewhere, saying why ({@link Installed}).
 */
final class HeadlessChromium {

    private static final String MISSING_REASON = "needs %s and %s (apt-get install -y chromium chromium-driver, "
            + "or set TIDINGS_CHROMIUM / TIDINGS_CHROMEDRIVER)";

    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("TIDINGS_CHROMIUM", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("TIDINGS_CHROMEDRIVER", "/usr/bin/chromedriver"));

    private HeadlessChromium() {
    }

    /** Skips a test class when the browser is missing, unless under CI, where {@link #start} fails instead. */
    static final class Installed implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return installed() || System.getenv("CI") != null
                    ? ConditionEvaluationResult.enabled("Chromium is installed, or CI must have it")
                    : ConditionEvaluationResult.disabled("Skipped: the browser test " + MISSING_REASON.formatted(CHROMIUM, CHROMEDRIVER));
        }
    }

    private static boolean installed() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    static ChromeDriver start() {
        if (!installed()) {
            Assertions.fail("Under CI the sidebar browser test " + MISSING_REASON.formatted(CHROMIUM, CHROMEDRIVER));
        }
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM.toFile())
                .addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--disable-dev-shm-usage", "--user-data-dir=" + freshProfile());
        ChromeDriverService driver = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        return new ChromeDriver(driver, options);
    }

    private static Path freshProfile() {
        try {
            return Files.createTempDirectory("tidings-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
