package io.tidings.app.zendesk;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
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
 * (CI set) and skip the test elsewhere.
 */
final class HeadlessChromium {

    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("TIDINGS_CHROMIUM", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("TIDINGS_CHROMEDRIVER", "/usr/bin/chromedriver"));

    private HeadlessChromium() {
    }

    static ChromeDriver start() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            String missing = "The sidebar browser test needs " + CHROMIUM + " and " + CHROMEDRIVER
                    + " (apt-get install -y chromium chromium-driver, or set TIDINGS_CHROMIUM / TIDINGS_CHROMEDRIVER).";
            if (System.getenv("CI") != null) {
                Assertions.fail(missing);
            }
            Assumptions.abort(missing);
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
