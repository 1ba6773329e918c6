package dev.stellar.ui.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stellar.ui.StellarIntegrationTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A rep in a real headless Chromium: signs in, uploads a transcript, reads the extracted fields. */
class BrowserTest extends StellarIntegrationTest {

    private static final Path CHROMIUM = Path.of(System.getProperty("stellar.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("stellar.chromedriver", "/usr/bin/chromedriver"));

    @TempDir
    Path temp;

    private WebDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void openBrowser() {
        assertThat(CHROMIUM).as("Chromium for browser tests: apt-get install -y chromium chromium-driver").exists();
        assertThat(CHROMEDRIVER).as("ChromeDriver for browser tests: apt-get install -y chromium-driver").exists();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1400,1000", "--user-data-dir=" + temp.resolve("profile"));
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build(),
                options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theRepUploadsATranscriptAndSeesTheExtractedFields() throws IOException {
        signIn("rep@demo.stellar", "demo");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("current-user"), "Riley Rep · REP"));

        browser.get(baseUrl() + "/upload");
        WebElement upload = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("transcript-upload")));
        Path file = temp.resolve("chen-consultation.txt");
        try (InputStream in = BrowserTest.class.getResourceAsStream("/demo/estate-planning-chen.txt")) {
            Files.write(file, in.readAllBytes());
        }
        WebElement fileInput = upload.getShadowRoot().findElement(By.cssSelector("input[type=file]"));
        fileInput.sendKeys(file.toString());

        // the view navigates to the new meeting; server push shows the fields once the workflow completes
        wait.until(ExpectedConditions.urlMatches(".*/meetings/[0-9a-f-]{36}$"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".meeting-status[data-status=COMPLETED]")));
        assertThat(fieldValue("client_name")).isEqualTo("Margaret Chen");
        assertThat(fieldValue("deal_amount")).isEqualTo("$4,500 USD");
        assertThat(fieldValue("outcome")).isEqualTo("Won");
        assertThat(browser.findElement(By.cssSelector("#field-deal_amount .field-evidence")).getText())
                .contains("Our complete estate plan package is 4,500 dollars");
        assertThat(browser.findElement(By.id("transcript")).getText()).contains("Margaret Chen");

        browser.findElement(By.xpath("//vaadin-tab[normalize-space()='Conversation']")).click();
        WebElement metrics = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("metrics")));
        assertThat(metrics.getText()).contains("Riley Rep (rep)", "Margaret Chen", "Rep talk ratio", "Patience before replying");
        assertThat(metrics.findElements(By.cssSelector(".metric-value[data-within]"))).hasSizeGreaterThanOrEqualTo(6);
    }

    @Test
    void aMalformedFileIsRefusedOnTheSpot() throws IOException {
        signIn("rep@demo.stellar", "demo");
        browser.get(baseUrl() + "/upload");
        WebElement upload = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("transcript-upload")));
        Path file = temp.resolve("notes.txt");
        Files.writeString(file, "These are my notes from the call, not a transcript.\n");

        upload.getShadowRoot().findElement(By.cssSelector("input[type=file]")).sendKeys(file.toString());

        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("upload-error")));
        assertThat(error.getText()).contains("notes.txt was not accepted: line 1: expected 'Speaker: text'");
    }

    private void signIn(String email, String password) {
        browser.get(baseUrl() + "/login");
        WebElement user = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#vaadinLoginUsername input")));
        user.sendKeys(email);
        browser.findElement(By.cssSelector("#vaadinLoginPassword input")).sendKeys(password, Keys.ENTER);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("meetings-grid")));
    }

    private String fieldValue(String key) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#field-" + key + " .field-value")))
                .getText();
    }
}
