package org.commitmenttracker.local;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The progress page in a real browser: Debian's headless Chromium driven by Selenium through
 * Debian's chromedriver. Skipped, and saying why, only where Chromium is not installed
 * ({@code apt-get install -y chromium chromium-driver}).
 */
@EnabledIf(value = "chromiumInstalled", disabledReason = "Chromium is not installed: apt-get install -y chromium chromium-driver")
@DisplayName("Progress page in headless Chromium (skipped when /usr/bin/chromium or /usr/bin/chromedriver is missing)")
class ProgressPageBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** Every run's screenshots; the README's (docs/screenshots) are replaced only with -Dscreenshots.update=true. */
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Path README_SCREENSHOTS = Path.of("..", "docs", "screenshots");

    private static SeededStack stack;
    private static Path profile;
    private static WebDriver browser;

    static boolean chromiumInstalled() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    @BeforeAll
    static void openBrowser() throws IOException {
        stack = SeededStack.shared();
        profile = Files.createTempDirectory("chromium-profile");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1100,1400", "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @AfterAll
    static void closeBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @Test
    void theListShowsTheSevenSeedCommitmentsWithAMeterEach() throws IOException {
        browser.get(stack.queryServiceUrl + "/public/?lang=en");

        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("The promises and how they are going");
        List<WebElement> commitments = browser.findElements(By.cssSelector("li.commitment"));
        assertThat(commitments).extracting(c -> c.getAttribute("data-id")).containsAll(SeededStack.SEED);
        for (WebElement commitment : commitments) {
            assertThat(commitment.findElements(By.tagName("meter"))).hasSize(1);
        }
        WebElement labor = browser.findElement(By.cssSelector("li.commitment[data-id='" + SeededStack.LABOR + "']"));
        assertThat(labor.getText()).contains("Strengthen Labor Cooperation", "In progress");
        assertThat(labor.findElement(By.tagName("meter")).getAttribute("value")).isEqualTo("6");
        assertNoConsoleErrors();
        screenshot("progress-list.png");
    }

    @Test
    void theLaborPageChartsTheDisbursedAmountOfTheLoggedCourse() throws IOException {
        browser.get(stack.queryServiceUrl + "/public/commitments/" + SeededStack.LABOR + "?lang=en");

        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Strengthen Labor Cooperation");
        WebElement fy2022 = browser.findElement(By.cssSelector("#funding-chart g.year[data-fiscal-year='FY2022']"));
        WebElement disbursed = fy2022.findElement(By.cssSelector("g.bar.disbursed"));
        assertThat(disbursed.findElement(By.tagName("text")).getText()).isEqualTo("Disbursed USD 7,250,000.50");
        int disbursedWidth = Integer.parseInt(disbursed.findElement(By.tagName("rect")).getAttribute("width"));
        int obligatedWidth = Integer.parseInt(fy2022.findElement(By.cssSelector("g.bar.obligated rect")).getAttribute("width"));
        assertThat(disbursedWidth).isPositive().isLessThan(obligatedWidth);
        assertThat(browser.findElement(By.cssSelector(".totals .disbursed")).getText()).isEqualTo("USD 7,250,000.50");
        assertThat(browser.findElements(By.cssSelector("ol.timeline li"))).hasSize(8);
        assertThat(browser.findElement(By.cssSelector("ol.timeline")).getText()).contains("Reversed disbursement v-2022-0002");
        assertNoConsoleErrors();
        screenshot("progress-labor.png");
    }

    @Test
    void theSpanishSwitchChangesTheHeadingsAndAcceptLanguageChoosesSpanishToo() {
        browser.get(stack.queryServiceUrl + "/public/?lang=en");
        browser.findElement(By.cssSelector("a.lang-switch")).click();

        assertThat(browser.getCurrentUrl()).endsWith("lang=es");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("es");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Las promesas y cómo avanzan");
        assertThat(browser.findElements(By.cssSelector("li.commitment"))).extracting(c -> c.getAttribute("data-id"))
                .containsAll(SeededStack.SEED);
        assertThat(browser.findElement(By.cssSelector("li.commitment[data-id='" + SeededStack.LABOR + "']")).getText())
                .contains("En curso");

        browser.findElement(By.cssSelector("li.commitment[data-id='" + SeededStack.LABOR + "'] h2 a")).click();

        assertThat(browser.findElement(By.id("funding-heading")).getText()).isEqualTo("Financiamiento");
        assertThat(browser.findElement(By.id("timeline-heading")).getText()).isEqualTo("Cronología");
        assertThat(browser.findElement(By.cssSelector("#funding-chart g.year[data-fiscal-year='FY2022'] g.bar.disbursed text"))
                .getText()).isEqualTo("Desembolsado 7.250.000,50 USD");
        WebElement reversal = browser.findElements(By.cssSelector("ol.timeline li span")).stream()
                .filter(sentence -> sentence.getText().startsWith("Revertido el desembolso v-2022-0002"))
                .findFirst().orElseThrow();
        assertThat(reversal.getAttribute("lang")).isEqualTo("es");
        assertNoConsoleErrors();

        var answer = stack.queries.call("/public/").header("Accept-Language", "es-MX,es;q=0.9,en;q=0.5").get();
        assertThat(answer.body()).contains("<html lang=\"es\"", "Las promesas y cómo avanzan");
    }

    /** Nothing is loaded from another host: the local stack's users may have no internet, and the page tracks no one. */
    @Test
    void thePagesLoadNothingFromElsewhereAndReadWithoutJavaScript() {
        for (String path : List.of("/public/", "/public/commitments/" + SeededStack.LABOR + "?lang=es")) {
            var answer = stack.queries.call(path).get();

            assertThat(answer.status()).as(path).isEqualTo(200);
            assertThat(answer.contentType()).startsWith("text/html");
            assertThat(answer.header("Content-Security-Policy").orElseThrow()).contains("default-src 'none'");
            assertThat(answer.body()).as(path).doesNotContain("<script")
                    .doesNotContainPattern("<link[^>]+href=\"(https?:)?//")
                    .doesNotContainPattern("src=\"(https?:)?//");
        }
        assertThat(stack.queries.call("/public/commitments/no-such-commitment").get().status()).isEqualTo(404);
    }

    private static void assertNoConsoleErrors() {
        List<LogEntry> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.WARNING.intValue()).toList();
        assertThat(errors).as("console errors").isEmpty();
    }

    private static void screenshot(String name) throws IOException {
        File shot = ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE);
        Files.createDirectories(SCREENSHOTS);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        if (Boolean.getBoolean("screenshots.update")) {
            Files.createDirectories(README_SCREENSHOTS);
            Files.copy(shot.toPath(), README_SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
