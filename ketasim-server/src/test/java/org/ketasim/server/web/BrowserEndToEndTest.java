package org.ketasim.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The real web interface in headless Chromium (Debian's {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver},
 * driven by Selenium; nothing is downloaded): log in, register a patient, record the consultation, screen,
 * record a baseline PHQ-9, plan and sign, start a session, record vitals that raise an alert, see the
 * model's curves, record a follow-up PHQ-9 and see the trajectory and the personalised forecast. Skipped with a message when Chromium or
 * chromedriver is not installed ({@code apt-get install chromium chromium-driver}).
 */
class BrowserEndToEndTest {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("KETASIM_CHROMIUM", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("KETASIM_CHROMEDRIVER", "/usr/bin/chromedriver"));

    @TempDir
    Path dir;
    @TempDir
    Path profile;

    TestClinic clinic;
    WebDriver driver;
    WebDriverWait wait;

    @BeforeEach
    void start() {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "SKIPPED: headless browser test needs " + CHROMIUM + " and " + CHROMEDRIVER
                        + " (Debian: apt-get install chromium chromium-driver)");
        clinic = new TestClinic(dir);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-dev-shm-usage", "--window-size=1400,1100", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    @AfterEach
    void stop() {
        if (driver != null) {
            driver.quit();
        }
        if (clinic != null) {
            clinic.close();
        }
    }

    WebElement byId(String id) {
        return wait.until(ExpectedConditions.elementToBeClickable(By.id(id)));
    }

    void type(String id, String text) {
        WebElement e = byId(id);
        e.clear();
        e.sendKeys(text);
    }

    void click(String id) {
        wait.ignoring(StaleElementReferenceException.class).until(d -> {
            d.findElement(By.id(id)).click();
            return true;
        });
    }

    void check(String id) {
        WebElement e = byId(id);
        if (!e.isSelected()) {
            e.click();
        }
    }

    void answer(List<String> answers) {
        for (int i = 0; i < answers.size(); i++) {
            new Select(byId("q-item-" + i)).selectByValue(answers.get(i));
        }
    }

    String textOf(String id) {
        return wait.ignoring(StaleElementReferenceException.class).until(d -> d.findElement(By.id(id)).getText());
    }

    @Test
    void clinicianRunsAWholeCourseInTheBrowser() throws Exception {
        driver.get("http://127.0.0.1:" + clinic.port() + "/");
        type("login-username", "physician1");
        type("login-password", TestClinic.PASSWORD);
        click("login-submit");

        // Register a patient whose name is markup: it must show as text.
        type("np-mrn", "E2E-1");
        type("np-given", "Grace");
        type("np-family", "O'Hara <b>bold</b><script>window.pwned=1</script>");
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "document.getElementById('np-birth').value = '1979-04-12';");
        new Select(byId("np-sex")).selectByValue("FEMALE");
        click("np-submit");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("patient-title"), "E2E-1"));
        assertThat(textOf("patient-title")).contains("O'Hara <b>bold</b><script>");
        assertThat(driver.findElements(By.cssSelector("#patient-title b"))).isEmpty();
        assertThat(((org.openqa.selenium.JavascriptExecutor) driver).executeScript("return window.pwned === undefined")).isEqualTo(true);

        // Consultation, screening.
        type("k-weight-in", "70");
        type("k-sbp", "124");
        type("k-dbp", "78");
        type("k-hr", "70");
        type("k-spo2", "98");
        type("k-dx", "Major depressive disorder, treatment-resistant");
        click("k-submit");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("k-weight"), "70.0 kg"));
        click("screen-run");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("screen-outcome"), "ELIGIBLE"));

        // Baseline PHQ-9 (before the first infusion).
        new Select(byId("q-instrument")).selectByValue("PHQ9");
        answer(List.of("2", "2", "2", "2", "2", "2", "2", "2", "0"));
        click("q-submit");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("questionnaire-table"), "16"));

        // Plan from the induction template, signed.
        click("plan-submit");
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.sign-plan"))).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("plans"), "signed by physician1"));

        // Start the session with the pre-infusion checks.
        type("ss-weight", "70");
        check("ss-consent");
        check("ss-fasting");
        check("ss-escort");
        check("ss-noci");
        type("ss-sbp", "124");
        type("ss-dbp", "78");
        type("ss-hr", "70");
        type("ss-spo2", "98");
        type("ss-rr", "14");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("ss-preview"), "pump 155.3 mL/h"));
        click("ss-submit");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("dose-mg"), "35.0 mg"));
        assertThat(textOf("dose-rate")).contains("155.3 mL/h");
        assertThat(driver.findElements(By.cssSelector("#session-charts svg.chart"))).hasSize(4);

        // Vitals that cross the alert threshold.
        type("v-minute", "30");
        type("v-sbp", "186");
        type("v-dbp", "104");
        type("v-hr", "96");
        type("v-spo2", "97");
        type("v-rr", "16");
        click("v-submit");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("flash"), "ALERT"));
        assertThat(textOf("alerts")).contains("Systolic 186 mmHg >= 180");
        assertThat(driver.findElements(By.cssSelector("#vitals-table .alert-CRITICAL"))).isNotEmpty();
        screenshot("session", "session-charts");

        // Follow-up PHQ-9 on the patient page, and the trajectory.
        driver.findElement(By.linkText("← back to the patient")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("patient-title"), "E2E-1"));
        new Select(byId("q-instrument")).selectByValue("PHQ9");
        answer(List.of("1", "1", "0", "1", "0", "0", "0", "0", "1"));
        click("q-submit");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("flash"), "item 9 positive"));
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#questionnaire-table tr"), 3));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#trajectory svg.chart polyline")));
        assertThat(textOf("trajectory")).contains("PHQ-9 recorded").contains("model, typical patient");
        screenshot("patient", "trajectory");

        // The personalised forecast panel: refreshed after the new score, with its chart and recommendation.
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("forecast-based-on"), "2 score(s)"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#forecast svg.chart polygon")));
        assertThat(driver.findElements(By.cssSelector("#forecast svg.chart circle"))).as("2 scores and the legend's marker").hasSize(3);
        assertThat(textOf("forecast")).contains("Decision support only").contains("Personalised forecast")
                .contains("Predicted relapse").contains("P(response)").contains("Recommended next session");
        assertThat(driver.findElements(By.cssSelector("#forecast-alternatives tr")).size()).isGreaterThan(1);
        assertThat(textOf("forecast-reason")).isNotBlank();
        screenshot("forecast", "forecast");

        // The dashboard states who is counted.
        driver.findElement(By.id("nav-dashboard")).click();
        assertThat(textOf("who-counted")).contains("baseline");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#dashboard svg.chart")));
        screenshot("dashboard", "dashboard");

        // Logging out returns to the login form, and the API refuses the old session.
        click("logout");
        byId("login-username");
        assertThat(((org.openqa.selenium.JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[0]; fetch('/api/patients').then(r => done(r.status));")).isEqualTo(401L);
    }

    void screenshot(String name, String scrollTo) throws Exception {
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("document.getElementById(arguments[0]).scrollIntoView()", scrollTo);
        File f = ((ChromeDriver) driver).getScreenshotAs(OutputType.FILE);
        Path out = Path.of("target", "e2e-" + name + ".png");
        Files.createDirectories(out.getParent());
        Files.copy(f.toPath(), out, StandardCopyOption.REPLACE_EXISTING);
    }
}
