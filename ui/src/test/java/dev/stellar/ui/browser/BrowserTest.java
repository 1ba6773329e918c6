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
import org.openqa.selenium.JavascriptExecutor;
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
        assertThat(fieldValue("product")).isEqualTo("Estate plan package");
        assertThat(browser.findElements(By.cssSelector("#field-deal_amount .field-confidence"))).hasSize(1);

        // the evidence button jumps to the utterance and marks the quoted words in it
        click(browser.findElement(By.cssSelector("#field-deal_amount vaadin-button")));
        WebElement marked = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//vaadin-grid[@id='transcript']//mark[normalize-space()!='']")));
        assertThat(marked.getText()).startsWith("Our complete estate plan package is 4,500 dollars");

        browser.findElement(By.xpath("//vaadin-tab[normalize-space()='Coaching']")).click();
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("coaching-score"))).getText())
                .contains("criteria met");
        assertThat(browser.findElements(By.cssSelector("#coaching .criterion[data-met=true]"))).isNotEmpty();
        browser.findElement(By.xpath("//vaadin-tab[normalize-space()='Drafts']")).click();
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#draft-email .draft-body")))
                .getText()).startsWith("Hi Margaret,");

        browser.findElement(By.xpath("//vaadin-tab[normalize-space()='Conversation']")).click();
        WebElement metrics = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("metrics")));
        assertThat(metrics.getText()).contains("Riley Rep (rep)", "Margaret Chen", "Rep talk ratio", "Patience before replying");
        assertThat(metrics.findElements(By.cssSelector(".metric-value[data-within]"))).hasSizeGreaterThanOrEqualTo(6);
    }

    @Test
    void theRepApprovesADemoFollowUpAndSeesItDeliveredInTheLocalMailSink() {
        signIn("rep@demo.stellar", "demo");
        browser.findElement(By.xpath("//vaadin-side-nav-item[normalize-space()='Follow-ups']")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("inbox-grid")));
        // the demo meetings are analysed at start; their follow-ups wait for the rep
        By chen = By.xpath("//vaadin-grid[@id='inbox-grid']//vaadin-grid-cell-content[normalize-space()="
                + "'Chen family estate planning consultation']");
        new WebDriverWait(browser, Duration.ofSeconds(90)).pollingEvery(Duration.ofSeconds(1)).until(driver -> {
            if (driver.findElements(chen).isEmpty()) {
                driver.navigate().refresh();
                return false;
            }
            return true;
        });
        click(browser.findElement(chen));
        WebElement to = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#draft-to input")));
        assertThat(to.getAttribute("value")).isEqualTo("margaret.chen@example.com, david.chen@example.com");
        assertThat(browser.findElement(By.id("draft-facts")).getText()).contains("“");

        WebElement subject = browser.findElement(By.cssSelector("#draft-subject input"));
        replaceText(subject, "Your estate plan: what we agreed");
        browser.findElement(By.cssSelector("#draft-body textarea")).sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER));

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("draft-state"), "Sent"));
        browser.findElement(By.xpath("//vaadin-side-nav-item[normalize-space()='Local mail sink (demo)']")).click();
        By delivered = By.xpath("//vaadin-grid[@id='sink-messages']//vaadin-grid-cell-content[normalize-space()="
                + "'Your estate plan: what we agreed']");
        click(wait.until(ExpectedConditions.presenceOfElementLocated(delivered)));
        String message = wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("sink-message"), "Message-ID"))
                ? browser.findElement(By.id("sink-message")).getText() : "";
        assertThat(message).contains("From: Riley Rep <rep@demo.stellar>",
                "To: margaret.chen@example.com, david.chen@example.com", "Message-ID: <stellar.", "Hi Margaret");
    }

    @Test
    void aFollowUpContinuesInASequenceAndTheCustomersReplyStopsIt() {
        signIn("rep@demo.stellar", "demo");
        browser.get(baseUrl() + "/inbox");
        By northwind = By.xpath("//vaadin-grid[@id='inbox-grid']//vaadin-grid-cell-content[normalize-space()="
                + "'Northwind Logistics discovery call']");
        new WebDriverWait(browser, Duration.ofSeconds(90)).pollingEvery(Duration.ofSeconds(1)).until(driver -> {
            if (driver.findElements(northwind).isEmpty()) {
                driver.navigate().refresh();
                return false;
            }
            return true;
        });
        click(browser.findElement(northwind));
        click(wait.until(ExpectedConditions.elementToBeClickable(By.id("draft-sequence"))));
        click(wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
                "//vaadin-select-item[normalize-space()='continue with After the meeting']"))));
        click(browser.findElement(By.id("approve")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("draft-state"), "Sent"));

        browser.get(baseUrl() + "/sequences");
        By dana = By.xpath("//vaadin-grid[@id='enrollments']//vaadin-grid-cell-content[contains(., 'dana@northwind-logistics.example')]");
        wait.until(ExpectedConditions.presenceOfElementLocated(dana));
        assertThat(browser.findElement(By.id("enrollments")).getText()).contains("Active");

        browser.get(baseUrl() + "/local-mail");
        click(wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath(
                "//vaadin-grid[@id='sink-messages']//vaadin-grid-cell-content[normalize-space()='dana@northwind-logistics.example']"))));
        click(wait.until(ExpectedConditions.elementToBeClickable(By.id("sink-reply"))));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath(
                "//vaadin-notification-card[contains(., 'sequence(s) stopped')]")));

        browser.get(baseUrl() + "/sequences");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath(
                "//vaadin-grid[@id='enrollments']//vaadin-grid-cell-content[normalize-space()='Stopped (replied)']")));
    }

    @Test
    void opsConnectsZoomAndGetsTheWebhookUrlToPasteIntoZoom() {
        signIn("ops@demo.stellar", "demo");
        browser.findElement(By.xpath("//vaadin-side-nav-item[normalize-space()='Connections']")).click();
        click(wait.until(ExpectedConditions.elementToBeClickable(By.id("zoom-connect"))));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("connection-error"), "webhookSecretToken"));

        browser.findElement(By.cssSelector("#zoom-secret-token input")).sendKeys("the-secret-token-from-zoom", Keys.TAB);
        click(browser.findElement(By.id("zoom-connect")));
        WebElement url = wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath(
                "//vaadin-grid[@id='connections']//vaadin-grid-cell-content[contains(., '/webhooks/zoom/')]")));
        assertThat(url.getAttribute("textContent")).startsWith("http://localhost:8080/webhooks/zoom/"); // may be scrolled out of view
        assertThat(browser.findElement(By.id("connections")).getText()).doesNotContain("the-secret-token-from-zoom");
    }

    @Test
    void opsConnectsHubSpotAndTheRepReviewsADemoMeetingsCrmChangesIntoIt() {
        signIn("ops@demo.stellar", "demo");
        browser.get(baseUrl() + "/connections");
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#hubspot-token input")))
                .sendKeys("pat-na1-demo-token", Keys.TAB);
        click(browser.findElement(By.id("hubspot-connect")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath(
                "//vaadin-notification-card[contains(., 'Connected to HubSpot portal 62515')]")));
        assertThat(browser.findElement(By.id("connections")).getText()).doesNotContain("pat-na1-demo-token");
        click(wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".crm-pull")))); // learns the deals

        signIn("rep@demo.stellar", "demo");
        By chen = By.xpath("//vaadin-grid[@id='meetings-grid']//vaadin-grid-cell-content[normalize-space()="
                + "'Chen family estate planning consultation']");
        click(wait.until(ExpectedConditions.presenceOfElementLocated(chen)));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".meeting-status[data-status=COMPLETED]")));
        click(wait.until(ExpectedConditions.elementToBeClickable(By.id("crm-tab"))));
        click(wait.until(ExpectedConditions.elementToBeClickable(By.id("crm-sync")))); // analysed before HubSpot was connected
        WebElement changes = new WebDriverWait(browser, Duration.ofSeconds(60)).until(
                ExpectedConditions.presenceOfElementLocated(By.xpath(
                        "//vaadin-grid[@id='crm-changes']//vaadin-grid-cell-content[normalize-space()='lastname']")));
        assertThat(changes).isNotNull();
        assertThat(browser.findElement(By.id("crm-changes")).getText()).contains("(new record)", "Contact margaret.chen@example.com");

        click(browser.findElement(By.id("crm-approve-all")));
        new WebDriverWait(browser, Duration.ofSeconds(60)).pollingEvery(Duration.ofSeconds(1)).until(driver -> {
            driver.findElements(By.xpath("//vaadin-button[normalize-space()='Refresh']")).forEach(WebElement::click);
            return !driver.findElements(By.cssSelector(".crm-status[data-status=APPLIED]")).isEmpty()
                    && driver.findElements(By.cssSelector(".crm-status[data-status=APPROVED]")).isEmpty();
        });
        assertThat(HUBSPOT.record("contacts", "margaret.chen@example.com")).containsEntry("lastname", "Chen");
        assertThat(HUBSPOT.record("deals", "example.com")).containsKey("amount");

        HUBSPOT.change("deals", "example.com", "dealstage", "contractsent"); // someone moves the deal on in HubSpot
        signIn("ops@demo.stellar", "demo");
        browser.get(baseUrl() + "/connections");
        click(wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".crm-pull"))));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath(
                "//vaadin-grid[@id='deal-events']//vaadin-grid-cell-content[contains(., '→ contractsent')]")));
        assertThat(browser.findElement(By.id("deal-events")).getText()).contains("deal.stage_changed", "example.com");
    }

    @Test
    void opsConnectsAHubSpotPublicAppAndAuthorizesItInHubSpot() {
        signIn("ops@demo.stellar", "demo");
        browser.get(baseUrl() + "/oauth/crm/callback?code=stolen&state=forged"); // a code nobody here asked for
        wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath(
                "//vaadin-notification-card[contains(., 'was not started here')]")));

        browser.get(baseUrl() + "/connections");
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#hubspot-client-id input")))
                .sendKeys("public-app-client", Keys.TAB);
        browser.findElement(By.cssSelector("#hubspot-client-secret input")).sendKeys("public-app-secret", Keys.TAB);
        click(browser.findElement(By.id("hubspot-connect")));

        // off to HubSpot's consent screen (the stub consents at once) and back through /oauth/crm/callback
        wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath(
                "//vaadin-notification-card[contains(., 'HubSpot is authorized')]")));
        assertThat(browser.getCurrentUrl()).contains("/connections?authorized=HubSpot");
        HUBSPOT.server().verify(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo("/oauth/v1/token"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("grant_type=authorization_code"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing(
                        "redirect_uri=" + java.net.URLEncoder.encode(baseUrl() + "/oauth/crm/callback",
                                java.nio.charset.StandardCharsets.UTF_8))));
        assertThat(browser.findElements(By.cssSelector(".crm-authorize"))).as("nothing left to authorize").isEmpty();
    }

    @Test
    void opsBacktestsADemoRuleOnThePastMeetingsBeforeSwitchingItOn() {
        signIn("ops@demo.stellar", "demo");
        browser.findElement(By.xpath("//vaadin-side-nav-item[normalize-space()='Triggers']")).click();
        click(wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath(
                "//vaadin-grid[@id='trigger-rules']//vaadin-grid-cell-content[normalize-space()='won-deal-onboarding']"))));
        WebElement document = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#trigger-document textarea")));
        wait.until(d -> document.getAttribute("value").contains("value: 100000"));

        replaceText(document, document.getAttribute("value").replace("value: 100000", "value: lots"));
        click(browser.findElement(By.id("trigger-save")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("trigger-problems"),
                "if.all[1].value: 'lots' is not a number"));

        replaceText(document, document.getAttribute("value").replace("value: lots", "value: 1000"));
        click(browser.findElement(By.id("trigger-save")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath(
                "//vaadin-notification-card[contains(., 'as version 2')]")));
        click(browser.findElement(By.id("trigger-backtest")));
        // the demo meetings are analysed at start: the Chen consultation was won, for 4,500
        new WebDriverWait(browser, Duration.ofSeconds(90)).pollingEvery(Duration.ofSeconds(2)).until(driver -> {
            if (driver.findElement(By.id("backtest-summary")).getText().matches("[1-9][0-9]* of .*")) {
                return true;
            }
            click(driver.findElement(By.id("trigger-backtest")));
            return false;
        });
        assertThat(browser.findElement(By.id("backtest-results")).getText())
                .contains("Chen family estate planning consultation", "fires");
        click(browser.findElement(By.id("trigger-toggle")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath(
                "//vaadin-grid[@id='trigger-rules']//vaadin-grid-cell-content[normalize-space()='on']")));
        click(browser.findElement(By.id("trigger-toggle"))); // off again: the other tests' meetings are not its business
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.xpath(
                "//vaadin-grid[@id='trigger-rules']//vaadin-grid-cell-content[normalize-space()='on']")));
    }

    @Test
    void opsEditsFieldSchemasAndABrokenOneIsRefusedWithItsLine() {
        signIn("ops@demo.stellar", "demo");
        browser.findElement(By.xpath("//vaadin-side-nav-item[normalize-space()='Field schemas']")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("schemas")));

        browser.findElement(By.xpath("//vaadin-button[normalize-space()='New schema']")).click();
        WebElement document = browser.findElement(By.cssSelector("#schema-document textarea"));
        wait.until(d -> document.getAttribute("value").contains("key: renewal-call"));
        String name = "Renewal call " + System.nanoTime();
        replaceText(document, document.getAttribute("value").replace("name: Renewal call", "name: " + name));
        browser.findElement(By.id("schema-save")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("schemas"), name));

        replaceText(document, "key: renewal-call\nfields:\n  - key: seats\n    type: integer\n");
        browser.findElement(By.id("schema-save")).click();
        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("schema-error")));
        assertThat(error.getText()).contains("Not saved: line 4").contains("fields[0].type");
    }

    @Test
    void aRepFindsAMomentByMeaning() {
        signIn("rep@demo.stellar", "demo");
        browser.findElement(By.xpath("//vaadin-side-nav-item[normalize-space()='Search calls']")).click();
        WebElement words = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#search-words input")));
        words.sendKeys("how much does the whole plan cost", Keys.ENTER);

        WebElement results = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#search-results .search-hit")));
        assertThat(browser.findElement(By.id("search-results")).getText()).contains("4,500 dollars");
        results.findElement(By.tagName("a")).click();
        wait.until(ExpectedConditions.urlMatches(".*/meetings/[0-9a-f-]{36}$"));
    }

    @Test
    void aRepHasNoSchemaEditorAndNoConnections() {
        signIn("rep@demo.stellar", "demo");
        assertThat(browser.findElements(By.xpath("//vaadin-side-nav-item[normalize-space()='Field schemas']"))).isEmpty();
        browser.get(baseUrl() + "/schemas");
        // the server refuses the route: the rep sees Vaadin's "could not navigate" page, never the editor
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Could not navigate"));
        assertThat(browser.findElements(By.id("schema-document"))).isEmpty();
        assertThat(browser.findElements(By.xpath("//vaadin-side-nav-item[normalize-space()='Connections']"))).isEmpty();
        browser.get(baseUrl() + "/connections");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Could not navigate"));
        assertThat(browser.findElements(By.id("zoom-connect"))).isEmpty();
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

    private void click(WebElement element) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    private void replaceText(WebElement textArea, String text) {
        textArea.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        textArea.sendKeys(text);
        textArea.sendKeys(Keys.TAB); // the value reaches the server on change
    }

    private String fieldValue(String key) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#field-" + key + " .field-value")))
                .getText();
    }
}
