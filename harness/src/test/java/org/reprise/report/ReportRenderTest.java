package org.reprise.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Opens the fixture report in headless Chromium (Debian's chromium and chromium-driver, which
 * .ci/run installs) and checks that it renders; skipped where they are absent. Both binaries
 * are named explicitly so Selenium Manager never tries to download a browser.
 */
class ReportRenderTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOT = Path.of("target/report-screenshot.png");

    @Test
    void reportRendersItsTablesAndFiguresWithoutBrowserErrors(@TempDir Path dir) throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "headless Chromium not installed: apt-get install -y chromium chromium-driver (as .ci/run does)");
        ReportBuilder builder = new ReportBuilder(ReportFixtures.ROOT, dir.resolve("experiments"), dir.resolve("reports"));
        ReportModel model = builder.model(ReportFixtures.EXPERIMENT);
        Path html = builder.buildExperiment(ReportFixtures.EXPERIMENT);
        ChromeDriver driver = start(dir.resolve("chrome-profile"));
        try {
            driver.manage().window().setSize(new Dimension(1280, 1600));

            driver.get(html.toUri().toString());

            List<WebElement> tables = driver.findElements(By.tagName("table"));
            List<WebElement> figures = driver.findElements(By.cssSelector("figure svg"));
            assertThat(tables).hasSize(model.tables().size());
            assertThat(figures).hasSize(model.figures().size()).hasSizeGreaterThanOrEqualTo(5);
            for (WebElement e : tables) {
                assertThat(e.getRect().getWidth()).as("width of a table").isPositive();
                assertThat(e.getRect().getHeight()).as("height of a table").isPositive();
            }
            for (WebElement e : figures) {
                assertThat(e.getRect().getWidth()).as("width of %s", e.getAttribute("id")).isPositive();
                assertThat(e.getRect().getHeight()).as("height of %s", e.getAttribute("id")).isPositive();
            }
            assertThat(driver.findElement(By.cssSelector("#table-seeds")).getText()).contains("failed", "diverged");
            List<LogEntry> severe = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                    .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
            assertThat(severe).as("browser console errors").isEmpty();
            File shot = driver.getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), SCREENSHOT, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            driver.quit();
        }
    }

    private static ChromeDriver start(Path profile) throws IOException {
        Files.createDirectories(profile);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile.toAbsolutePath());
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }
}
