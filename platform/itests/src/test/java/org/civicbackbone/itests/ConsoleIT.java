package org.civicbackbone.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.Before;
import org.junit.Test;
import org.junit.rules.TestName;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementNotInteractableException;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web console in a real browser: Debian's headless chromium, driven by Selenium, against the built distribution
 * with its demo. Every page a test visits is saved as a screenshot under {@code target/console-screenshots/} and
 * checked with axe-core for serious or critical WCAG 2.1 AA violations.
 */
public class ConsoleIT {

    private static final String CONSOLE = "http://127.0.0.1:8181/console/";
    private static final String DEMO = "demo-riverbend-reads";

    @org.junit.Rule
    public final TestName test = new TestName();

    /**
     * On a failure, the page as the browser last drew it: a screenshot beside the others and the main region's text in
     * the test's output. Then, failed or not, the browser quits and the platform is killed.
     */
    @org.junit.Rule
    public final org.junit.rules.TestWatcher lastPage = new org.junit.rules.TestWatcher() {
        @Override
        protected void failed(Throwable e, org.junit.runner.Description description) {
            if (browser == null) {
                return;
            }
            try {
                Path folder = Files.createDirectories(Path.of("target", "console-screenshots"));
                Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(),
                        folder.resolve(test.getMethodName() + "-FAILED.png"), StandardCopyOption.REPLACE_EXISTING);
                System.out.println("The page when " + test.getMethodName() + " failed (" + browser.getCurrentUrl()
                        + "):\n" + browser.findElement(By.tagName("main")).getText());
            } catch (IOException | RuntimeException unreadable) {
                System.out.println("The page when " + test.getMethodName() + " failed could not be read: " + unreadable);
            }
        }

        @Override
        protected void finished(org.junit.runner.Description description) {
            try {
                if (browser != null) {
                    browser.quit();
                }
            } finally {
                if (platform != null) {
                    try {
                        platform.kill("-9");
                    } catch (IOException e) {
                        throw new IllegalStateException("the platform of " + test.getMethodName() + " was not killed", e);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        }
    };

    private final Http http = new Http();
    private UnpackedDistribution platform;
    private ChromeDriver browser;
    private WebDriverWait wait;
    private int shot;

    @Before
    public void startPlatformAndBrowser() throws Exception {
        platform = UnpackedDistribution.built("console-it/" + test.getMethodName());
        platform.start();
        platform.awaitHealth(http, a -> a.status() == 200 && a.json().get("status").asText().equals("UP"));
        http.await("/initiatives/" + DEMO + "/shared-measurement", a -> a.status() == 200);
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1280,900", "--lang=en-US"); // amounts are written in the browser's language
        // what the pages' scripts report to the browser's console, read at each page visited
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        browser = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).build(), options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @Test
    public void signInAndSeeTheMeasurementChart() throws Exception {
        browser.get(CONSOLE);
        heading("Sign in");
        visited("sign-in");
        signIn("admin", "wrong");
        WebElement refusal = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".problem")));
        assertTrue(refusal.getText(), refusal.getText().contains("The user name or the password is wrong"));
        assertTrue("the reason stands next to the password field",
                browser.findElement(By.cssSelector("label[for=password] .field-error")).getText().contains("does not match"));
        visited("sign-in-refused");

        signIn("admin", "admin");
        heading("My work");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.linkText("Riverbend County Reads (DEMO DATA)")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"),
                "Report due: Interim narrative and budget report"));
        // what each module has coming up, gathered by the platform (GET /my-work/items), links to the module's page
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Meeting: Partners' quarterly meeting"));
        assertTrue(browser.findElement(By.partialLinkText("Report due: Interim narrative and budget report"))
                .getAttribute("href").endsWith("/p/resources/funding"));
        // a day stays on one line: one line box for the meeting's day, not "2026-12-" and "16"
        assertEquals("line boxes of the meeting's day", 1L, browser.executeScript(
                "const range = document.createRange();"
                + "range.selectNodeContents(document.evaluate(arguments[0], document, null, 9, null).singleNodeValue);"
                + "return range.getClientRects().length;",
                "//main//tr[td//a[contains(., 'quarterly meeting')]]/td[1]"));
        visited("my-work");

        browser.findElement(By.linkText("Riverbend County Reads (DEMO DATA)")).click();
        heading("Riverbend County Reads (DEMO DATA)");
        visited("initiative");

        browser.findElement(By.linkText("Shared measurement")).click();
        // a mean of 48.0 and 50.5 as reported, with the decimals it has and no more
        assertTrue(wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
                "//main//tr[td//button[contains(., 'Kindergarten readiness')]]/td[2]"))).getText().startsWith("49.25 % ("));
        // measured values as the page writes them: grouped, with every decimal reported and none added
        assertEquals("12,000|49.25|1,234.5|0.125|-3|—", browser.executeAsyncScript("import(arguments[0]).then(words => "
                + "arguments[arguments.length - 1]([12000, '49.2500', 1234.5, '0.125', -3, null].map(words.figure)"
                + ".join('|')))", CONSOLE + "words.js"));
        visited("shared-measurement");
        browser.findElement(By.xpath("//main//table//button[contains(., 'Kindergarten readiness')]")).click();
        WebElement chart = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("svg.chart")));
        int before = chart.findElements(By.tagName("circle")).size();
        assertTrue("the series is drawn", before > 0);
        visited("indicator-chart");

        new Select(browser.findElement(By.id("breakdown"))).selectByVisibleText("By partner");
        wait.until(d -> d.findElements(By.cssSelector("svg.chart path.series")).size() > 1);
        visited("indicator-by-partner");
        enterAValueWrongTwiceOnceThenRight();

        importAFaultyFileThenAGoodOne(before);
        defineAnIndicatorThenChangeIt();

        browser.findElement(By.linkText("API")).click();
        heading("The REST API");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"),
                "/api/v1/initiatives/{initiativeId}/shared-measurement/indicators/{indicatorId}/series"));
        WebElement spec = browser.findElement(By.xpath("//details[summary='InitiativeSpec']"));
        spec.findElement(By.tagName("summary")).click();
        WebElement name = spec.findElement(By.xpath(".//tr[td[1]='name']"));
        assertEquals("the limits the API refuses a body by, read from the served description",
                "required; not blank; at most 200 characters", name.findElement(By.xpath("td[3]")).getText());
        assertTrue(spec.findElement(By.xpath(".//tr[td[1]='structureModelId']")).getText()
                .contains("must be a structure model id such as 'nested'"));
        assertTrue(spec.findElement(By.xpath(".//tr[td[1]='enabledFunctionIds']")).getText()
                .contains("required; each not empty; must be a function id"));
        visited("api");

        browser.findElement(By.xpath("//button[normalize-space()='Sign out']")).click();
        heading("Sign in");
        browser.get(CONSOLE + "#/i/" + DEMO);
        heading("Sign in");
    }

    /** Each fault beside its input, and above the form a sentence for people, never the faults again. */
    private void enterAValueWrongTwiceOnceThenRight() throws Exception {
        WebElement form = browser.findElement(By.cssSelector("form[aria-label='Enter a value for Kindergarten readiness']"));
        By summary = By.xpath("//form[@aria-label='Enter a value for Kindergarten readiness']"
                + "/preceding-sibling::div[@aria-live][1]/div[@role='alert']");
        form.findElement(By.name("period")).sendKeys("2024");
        form.findElement(By.name("partner")).sendKeys("Nobody Known");
        form.findElement(By.name("value")).sendKeys("5");
        form.findElement(By.tagName("button")).click();
        wait.until(d -> d.findElements(By.cssSelector("form[aria-label='Enter a value for Kindergarten readiness'] .field-error"))
                .size() == 2);
        assertTrue(form.findElement(By.cssSelector("label[for=period] .field-error")).getText().contains("is not a quarter"));
        assertTrue(form.findElement(By.cssSelector("label[for=partner] .field-error")).getText()
                .contains("is not in the initiative's organisation registry"));
        assertEquals("Some fields need correcting: each is listed with the reason.", browser.findElement(summary).getText());
        visited("value-refused");
        WebElement partner = form.findElement(By.name("partner"));
        partner.clear();
        partner.sendKeys("Riverbend Head Start");
        // a share of children: the label says what the indicator lets a value be, and the platform holds it to that
        assertTrue(form.findElement(By.cssSelector("label[for=value]")).getText().contains("Value (0 to 100)"));
        WebElement value = form.findElement(By.name("value"));
        value.clear();
        value.sendKeys("250");
        form.findElement(By.tagName("button")).click();
        // the first refusal's errors stand until the second's replace them: wait for the new one, not for a count
        awaitFieldError("Enter a value for Kindergarten readiness", "value", "is above the indicator's maximum, 100");
        awaitFieldError("Enter a value for Kindergarten readiness", "period", "is not a quarter");
        assertTrue(browser.findElements(By.cssSelector("label[for=partner] .field-error")).isEmpty());
        assertEquals("Some fields need correcting: each is listed with the reason.", browser.findElement(summary).getText());
        WebElement period = form.findElement(By.name("period"));
        period.clear();
        period.sendKeys("2024-Q1");
        value.clear();
        value.sendKeys("64.123456"); // every decimal the column keeps, as typed
        form.findElement(By.tagName("button")).click();
        wait.until(ExpectedConditions.stalenessOf(form));
        String indicators = "/initiatives/" + DEMO + "/shared-measurement/indicators";
        long readiness = java.util.stream.StreamSupport.stream(http.get(indicators).json().spliterator(), false)
                .filter(i -> i.get("name").asText().equals("Kindergarten readiness")).findFirst().orElseThrow()
                .get("id").asLong();
        String stored = http.get(indicators + "/" + readiness + "/values").body();
        assertTrue("the value as typed, every digit: " + stored, stored.contains("\"value\":64.123456"));
        visited("value-entered");
    }

    /** Staff define an indicator (a fault beside its field first), then change its bounds in a form that holds it. */
    private void defineAnIndicatorThenChangeIt() throws Exception {
        WebElement form = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("form[aria-label='Define an indicator']")));
        form.findElement(By.name("name")).sendKeys("Story hours");
        form.findElement(By.name("definition")).sendKeys("Hours of story time held at the branches");
        form.findElement(By.name("unit")).sendKeys("hours");
        new Select(form.findElement(By.name("reportingPeriod"))).selectByVisibleText("month");
        form.findElement(By.name("baseline")).sendKeys("10");
        browser.executeScript("arguments[0].value = '2025-01-01'", form.findElement(By.name("baselineDate")));
        form.findElement(By.name("target")).sendKeys("20");
        browser.executeScript("arguments[0].value = '2027-01-01'", form.findElement(By.name("targetDate")));
        form.findElement(By.name("minimum")).sendKeys("5");
        form.findElement(By.name("maximum")).sendKeys("3");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        awaitFieldError("Define an indicator", "indicators-maximum", "is below the minimum, 5");
        visited("indicator-definition-refused");
        WebElement maximum = form.findElement(By.name("maximum"));
        maximum.clear();
        maximum.sendKeys("40");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//main//table//button[contains(., 'Story hours')]"))).click();
        wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//main//details/summary[normalize-space()='Change this indicator']"))).click();
        WebElement change = browser.findElement(By.cssSelector("form[aria-label='Change Story hours']"));
        assertEquals("the form holds the indicator as it is", "40",
                change.findElement(By.name("maximum")).getAttribute("value"));
        assertEquals("MONTH", new Select(change.findElement(By.name("reportingPeriod"))).getFirstSelectedOption()
                .getAttribute("value"));
        visited("indicator-change");
        WebElement newMaximum = change.findElement(By.name("maximum"));
        newMaximum.clear();
        newMaximum.sendKeys("25");
        change.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.stalenessOf(change));
        JsonNode story = java.util.stream.StreamSupport.stream(http.get("/initiatives/" + DEMO
                + "/shared-measurement/indicators").json().spliterator(), false)
                .filter(i -> i.get("name").asText().equals("Story hours")).findFirst().orElseThrow();
        assertEquals(25, story.get("maximum").asInt());
        assertEquals(5, story.get("minimum").asInt());
        assertEquals("MONTH", story.get("reportingPeriod").asText());
    }

    /** Waits until the error beside a field of the form says this (the form's errors are redrawn meanwhile). */
    private void awaitFieldError(String form, String field, String says) {
        By error = By.cssSelector("form[aria-label='" + form + "'] label[for=" + field + "] .field-error");
        wait.until(d -> {
            try {
                return d.findElements(error).stream().anyMatch(e -> e.getText().contains(says));
            } catch (StaleElementReferenceException redrawn) {
                return false;
            }
        });
    }

    @Test
    public void voteOnADemoProposalAndSeeItInTheDecisionLog() throws Exception {
        browser.get(CONSOLE);
        signIn("malvarez", "demo");
        heading("My work");
        WebElement waiting = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.linkText("Adopt version 1 of the common agenda")));
        visited("my-work-proposals");
        // the calendar file the page offers, fetched as the link fetches it: with the console's session
        WebElement calendarLink = browser.findElement(By.linkText("download them as a calendar file"));
        assertEquals("my-work.ics", calendarLink.getAttribute("download"));
        // (the driver hands the text over with its CRLFs as LFs: GovernanceIT and WorkCalendarTest read them as sent)
        String calendar = ((String) browser.executeAsyncScript("fetch(arguments[0]).then(r => r.text()).then("
                + "arguments[arguments.length - 1])", calendarLink.getAttribute("href")))
                .replace("\r\n", "\n").replace("\n ", "");
        assertTrue(calendar, calendar.startsWith("BEGIN:VCALENDAR\n"));
        assertTrue(calendar, calendar.contains("\nSUMMARY:Voting closes: Adopt version 1 of the common agenda\n"));
        assertTrue(calendar, calendar.contains("\nSUMMARY:Meeting: Partners' quarterly meeting\n"));
        assertTrue("the body is named as the initiative names it, not by its type key", browser.findElement(
                By.xpath("//main//tr[td/a[normalize-space()='Adopt version 1 of the common agenda']]")).getText()
                .contains("Riverbend Reads leadership group"));
        waiting.click();
        heading("Riverbend County Reads (DEMO DATA)");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"),
                "Chain: Riverbend Reads leadership group (open)"));
        WebElement form = browser.findElement(By.cssSelector("form[aria-label='Vote on Adopt version 1 of the common agenda']"));
        String card = form.findElement(By.xpath("ancestor::section[1]")).getText();
        assertTrue("the card says who proposed it and when voting closes: " + card,
                card.matches("(?s).*Proposed by \\w+; voting closes \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC.*"));
        new Select(form.findElement(By.name("choice"))).selectByValue("APPROVE");
        form.findElement(By.tagName("button")).click();
        WebElement problem = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("form .field-error")));
        assertTrue("a vote without a reason is refused next to the field", problem.getText().contains("blank"));
        String summary = form.findElement(By.xpath("preceding-sibling::div[@aria-live]/div[@role='alert']")).getText();
        assertTrue("said to people above the form, the fault not listed twice: " + summary,
                summary.contains("Some fields need correcting") && !summary.contains("reason:"));
        visited("vote-refused");
        form.findElement(By.name("reason")).sendKeys("The agenda reflects the community listening sessions.");
        form.findElement(By.tagName("button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main table"),
                "malvarez: approve: The agenda reflects the community listening sessions."));
        visited("decision-log");
        new Select(browser.findElement(By.id("log-state"))).selectByValue("WITHDRAWN");
        browser.findElement(By.xpath("//form[@aria-label='Filter the decision log']//button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "No decision matches."));
        assertTrue("the download is what is shown", browser.findElement(By.linkText("Download the decision log (CSV)"))
                .getAttribute("href").endsWith("decision-log.csv?state=WITHDRAWN"));
        visited("decision-log-filtered");
        assertEquals(1, http.get("/initiatives/" + DEMO + "/governance/decision-log").json().findValues("votes").stream()
                .mapToInt(v -> (int) java.util.stream.StreamSupport.stream(v.spliterator(), false)
                        .filter(x -> x.get("voter").asText().equals("malvarez")).count()).sum());
    }

    @Test
    public void aModulesPagesGoWithItAndComeBack() throws Exception {
        String measurement = "Backbone function: establish shared measurement practices";
        browser.get(CONSOLE);
        signIn("admin", "admin");
        heading("My work");
        browser.get(CONSOLE + "#/i/" + DEMO);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.linkText("Shared measurement")));

        browser.findElement(By.linkText("Modules")).click();
        heading("Modules");
        visited("modules");
        browser.findElement(By.cssSelector("button[aria-label='Uninstall " + measurement + "']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[role=status]"),
                measurement + ": available"));
        visited("module-uninstalled");
        http.await("/openapi.json", a -> !a.body().contains("/shared-measurement"));
        browser.get(CONSOLE + "#/i/" + DEMO);
        heading("Riverbend County Reads (DEMO DATA)");
        assertTrue("the page went with the module", browser.findElements(By.linkText("Shared measurement")).isEmpty());
        browser.get(CONSOLE + "#/i/" + DEMO + "/p/shared-measurement/indicators");
        heading("Page not available");
        visited("module-page-gone");

        browser.get(CONSOLE + "#/admin/modules");
        wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("button[aria-label='Install " + measurement + "']"))).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[role=status]"),
                measurement + ": active"));
        http.await("/initiatives/" + DEMO + "/shared-measurement", a -> a.status() == 200);
        assertTrue("the API description has the module again",
                http.get("/openapi.json").body().contains("/api/v1/initiatives/{initiativeId}/shared-measurement"));
        initiativePage();
        follow("Shared measurement");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("main table")));
        visited("module-back");
    }

    /** A platform admin without a shell backs the database up, sees the backup listed and downloads it. */
    @Test
    public void aPlatformAdminTakesABackupAndDownloadsIt() throws Exception {
        browser.get(CONSOLE);
        signIn("admin", "admin");
        heading("My work");
        follow("Backups");
        heading("Backups");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "No backup has been taken yet."));
        assertTrue(browser.findElement(By.tagName("main")).getText(),
                browser.findElement(By.tagName("main")).getText().contains("Next scheduled backup: "));
        visited("backups-none");

        browser.findElement(By.xpath("//main//button[normalize-space()='Take a backup now']")).click();
        wait.until(ExpectedConditions.textMatches(By.cssSelector("[role=status]"),
                java.util.regex.Pattern.compile("Backed up [0-9,]+ rows in [0-9]+ tables to backbone-.*\\.zip, and checked it\\.")));
        WebElement link = browser.findElement(By.cssSelector("main table a[download]"));
        assertTrue(link.getText(), link.getText().matches("backbone-[0-9]{8}-[0-9]{6}\\.zip"));
        visited("backups-one");
        // the link downloads with the console's session: the zip's first bytes, fetched as the link would be
        Object head = browser.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch(document.querySelector('main table a[download]').href, { credentials: 'same-origin' })"
                + ".then(r => r.arrayBuffer()).then(b => done(String.fromCharCode(...new Uint8Array(b.slice(0, 2)))));");
        assertEquals("a zip", "PK", head);
    }

    /**
     * A platform admin sees that mail is off as shipped and why, and a test letter to something that is not an
     * address is refused beside its input (MailIT sends real letters).
     */
    @Test
    public void aPlatformAdminSeesTheMailSettings() throws Exception {
        browser.get(CONSOLE);
        signIn("admin", "admin");
        heading("My work");
        follow("Mail");
        heading("Mail");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "None yet today."));
        String main = browser.findElement(By.tagName("main")).getText();
        assertTrue(main, main.contains("Mail is off: set enabled = true and the SMTP server in "
                + "etc/org.civicbackbone.mail.cfg."));
        assertTrue("no sending while it is off: " + main, !main.contains("Send today's digests now"));
        WebElement test = browser.findElement(By.cssSelector("form[aria-label='Send a test letter']"));
        test.findElement(By.name("to")).sendKeys("you at example");
        test.findElement(By.tagName("button")).click();
        WebElement fault = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("form[aria-label='Send a test letter'] .field-error")));
        assertEquals("must be an e-mail address such as 'ann@example.org'", fault.getText());
        visited("mail-off");
    }

    /** A partner sees where their digest goes and chooses to get it on Mondays only. */
    @Test
    public void aPersonChoosesHowOftenTheirDigestComes() throws Exception {
        browser.get(CONSOLE);
        signIn("jwhitfield", "demo");
        heading("My work");
        follow("My e-mail");
        heading("My e-mail");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"),
                "Your addresses: jwhitfield@riverbend.example."));
        WebElement form = browser.findElement(By.cssSelector("form[aria-label='Choose how often']"));
        assertEquals("DAILY", new Select(form.findElement(By.name("frequency"))).getFirstSelectedOption()
                .getAttribute("value"));
        new Select(form.findElement(By.name("frequency"))).selectByVisibleText("On Mondays");
        form.findElement(By.tagName("button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[role=status]"),
                "Your choice is kept."));
        assertEquals("WEEKLY", new Select(browser.findElement(By.cssSelector(
                "form[aria-label='Choose how often'] [name=frequency]"))).getFirstSelectedOption().getAttribute("value"));
        visited("my-mail");
    }

    /**
     * A letter's link stops the digest for whoever reads the letter, without signing in: the platform's mail is turned
     * on while it runs (GreenMail, a real SMTP server in this test), a digest goes to the co-chair, and her letter's
     * link asks first, then stops it. A forged link stops nothing.
     */
    @Test
    public void aLettersLinkStopsTheDigestWithoutSigningIn() throws Exception {
        com.icegreen.greenmail.util.GreenMail smtp = new com.icegreen.greenmail.util.GreenMail(
                new com.icegreen.greenmail.util.ServerSetup(0, "127.0.0.1", "smtp").dynamicPort());
        smtp.start();
        try {
            Path settings = platform.home().resolve("etc/org.civicbackbone.mail.cfg");
            Path edited = platform.home().resolve("org.civicbackbone.mail.cfg.edited");
            Files.writeString(edited, Files.readString(settings).replace("enabled = false", "enabled = true")
                    .replace("port = 25", "port = " + smtp.getSmtp().getPort())
                    .replace("console.address = http://localhost:8181/console/", "console.address = " + CONSOLE));
            Files.move(edited, settings, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            http.await("/mail", a -> a.status() == 200 && a.json().get("enabled").asBoolean());
            assertEquals(200, http.post("/mail/digests", "").status());
            String link = null;
            for (javax.mail.internet.MimeMessage letter : smtp.getReceivedMessages()) {
                if (letter.getAllRecipients()[0].toString().equals("malvarez@riverbend.example")) {
                    link = String.valueOf(letter.getContent()) // decoded, whatever its transfer encoding
                            .replaceAll("(?s).*Stop it without signing in: (\\S+).*", "$1");
                }
            }
            assertTrue("her letter has the link: " + link, link != null && link.startsWith(CONSOLE + "#/stop-mail/malvarez/"));

            browser.get(link.substring(0, link.lastIndexOf('/') + 1) + "forged");
            heading("Stop my e-mail");
            browser.findElement(By.xpath("//main//button[normalize-space()='Stop my digest']")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[role=status]"),
                    "is not the link of a letter to this login"));
            assertEquals("a forged link stops nothing", "DAILY", http.send("GET", "/mail/mine", "malvarez:demo", null,
                    null).json().get("frequency").asText());

            browser.get(link);
            heading("Stop my e-mail");
            assertEquals("opening the link stops nothing: it asks first", "DAILY", http.send("GET", "/mail/mine",
                    "malvarez:demo", null, null).json().get("frequency").asText());
            visited("stop-mail");
            browser.findElement(By.xpath("//main//button[normalize-space()='Stop my digest']")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[role=status]"),
                    "Stopped: no more digests go to malvarez."));
            assertEquals("NONE", http.send("GET", "/mail/mine", "malvarez:demo", null, null).json().get("frequency")
                    .asText());
            visited("mail-stopped");
        } finally {
            smtp.stop();
        }
    }

    /**
     * A page chosen while the page before it still loads is the page that stays. An initiative's page shows its
     * navigation before its decision log has loaded; the joint plan chosen there meanwhile draws its heading before its
     * lists have loaded. The browser's fetch is slowed for those two, the plan's more, so the initiative's page is drawn
     * in between, every time (a fast machine met it by chance in a CI run).
     */
    @Test
    public void aPageChosenWhileAnotherLoadsIsThePageThatStays() throws Exception {
        browser.get(CONSOLE);
        signIn("admin", "admin");
        heading("My work");
        browser.executeScript("const send = window.fetch;"
                + "const later = (ms, url, options) => new Promise(r => setTimeout(r, ms)).then(() => send(url, options));"
                + "window.fetch = (url, options) => String(url).includes('/governance/decision-log')"
                + "  ? later(1500, url, options)"
                + "  : String(url).includes('/aligned-activities') ? later(3000, url, options) : send(url, options);"
                + "window.location.hash = '#/i/" + DEMO + "';");
        follow("Joint plan");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Reading coaches for parents"));
        assertEquals("Joint plan · Riverbend County Reads (DEMO DATA)",
                browser.findElement(By.cssSelector("main h1")).getText());
    }

    @Test
    public void everyFunctionHasItsPageWithItsListsAndForms() throws Exception {
        browser.get(CONSOLE);
        signIn("admin", "admin");
        heading("My work");
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("Joint plan", "Reading coaches for parents");
        pages.put("Community engagement", "Fall community reading forum");
        pages.put("Policy", "Library hours on weekends");
        pages.put("Resources", "Interim narrative and budget report");
        pages.put("Common agenda", "Children arrive ready for kindergarten");
        for (Map.Entry<String, String> page : pages.entrySet()) {
            initiativePage();
            follow(page.getKey());
            heading(page.getKey() + " · Riverbend County Reads (DEMO DATA)");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), page.getValue()));
            visited(page.getKey().toLowerCase().replace(' ', '-'));
            if (page.getKey().equals("Resources")) {
                assertEquals("money in and out", 5, browser.findElements(By.cssSelector("svg.chart rect")).size());
                WebElement funder = browser.findElement(By.cssSelector(
                        "form[aria-label='Correct the funder: Riverbend Community Foundation']"));
                assertEquals("a funder's correction holds what it is", "Riverbend Community Foundation",
                        funder.findElement(By.name("name")).getAttribute("value"));
                assertEquals("FUNDER", funder.findElement(By.name("sector")).getAttribute("value"));
            }
            if (page.getKey().equals("Joint plan")) {
                WebElement material = browser.findElement(By.linkText("Summer reading results"));
                assertEquals("a meeting's material opens from the plan", "https://example.org/riverbend/summer.pdf",
                        material.getAttribute("href"));
                assertEquals("_blank", material.getAttribute("target"));
                WebElement group = browser.findElement(By.xpath("//main//tr[td[normalize-space()="
                        + "'Early learning working group']]"));
                String handedOver = java.time.LocalDate.now().minusMonths(3).toString();
                assertTrue("a co-chair who handed over stays on record: " + group.getText(), group.getText().contains(
                        "Marcus Reyes (Riverbend Public Library, co chair, " + java.time.LocalDate.now().minusMonths(14)
                        + " to " + handedOver + ")"));
                assertTrue(group.getText(), group.getText().contains("Dr. James Whitfield (Riverbend Unified School "
                        + "District, since " + handedOver + ")"));
                WebElement held = browser.findElement(By.xpath("//main//tr[td[starts-with(normalize-space(),"
                        + "'Early learning working group, ')]]"));
                assertTrue("who came to the group's last meeting: " + held.getText(), held.getText().contains(
                        "2 of 3 present, and 2 guests; absent: Linh Tran"));
                WebElement attended = held.findElement(By.xpath(".//form[starts-with(@aria-label,'Record who attended')]"));
                assertEquals("the form holds who was recorded", 2, attended.findElements(By.cssSelector(
                        "input[type=checkbox]:checked")).size());
                assertEquals("and how many others came", "2", attended.findElement(By.name("guests"))
                        .getAttribute("value"));
                WebElement edit = browser.findElement(By.cssSelector(
                        "form[aria-label='Edit: Reading coaches for parents at well-child visits']"));
                assertEquals("an activity's edit holds what it is", "Reading coaches for parents at well-child visits",
                        edit.findElement(By.name("title")).getAttribute("value"));
                assertEquals("1", edit.findElement(By.name("goalNumbers")).getAttribute("value"));
                assertEquals("Northside Family Resource Center", edit.findElement(By.name("ownerOrganisation"))
                        .getAttribute("value"));
                WebElement activity = browser.findElement(By.cssSelector("form[aria-label='Add an activity']"));
                activity.findElement(By.name("goalNumbers")).sendKeys("1, two");
                activity.findElement(By.tagName("button")).click();
                WebElement goalFault = wait.until(ExpectedConditions.visibilityOfElementLocated(
                        By.cssSelector("form[aria-label='Add an activity'] label[for=activities-goalNumbers] .field-error")));
                assertEquals("the fault of one item of a list stands beside the list's input", "must be a whole number",
                        goalFault.getText());
                WebElement due = browser.findElement(By.cssSelector(
                        "form[aria-label='Set when meeting materials are due'] [name=materialsDaysBefore]"));
                assertEquals("the setting as it is", "3", due.getAttribute("value"));
                due.clear();
                due.sendKeys("5");
                due.findElement(By.xpath("ancestor::form//button")).click();
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"),
                        "meeting materials due 5 days before"));
                assertEquals(5, http.get("/initiatives/" + DEMO + "/aligned-activities/settings").json()
                        .get("materialsDaysBefore").asInt());
            }
        }

        initiativePage();
        follow("Resources");
        WebElement form = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("form[aria-label='Record a funder']")));
        form.findElement(By.tagName("button")).click();
        WebElement fault = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("form[aria-label='Record a funder'] .field-error")));
        assertTrue(fault.getText(), fault.getText().contains("blank"));
        visited("funder-refused");
        form.findElement(By.name("name")).sendKeys("Eastside Community Trust");
        form.findElement(By.tagName("button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Eastside Community Trust"));
        assertTrue(http.get("/initiatives/" + DEMO + "/resources/funders").body().contains("Eastside Community Trust"));
        visited("funder-recorded");
        WebElement apply = browser.findElement(By.cssSelector("form[aria-label='Apply for a grant']"));
        new Select(apply.findElement(By.name("funderId"))).selectByVisibleText("Eastside Community Trust");
        apply.findElement(By.name("title")).sendKeys("Family literacy nights");
        apply.findElement(By.name("amountRequested")).sendKeys("12000");
        apply.findElement(By.tagName("button")).click();
        By grant = By.xpath("//main//tr[td[1][normalize-space()='Family literacy nights']]");
        assertEquals("an amount reads as people write it", "12,000",
                wait.until(ExpectedConditions.visibilityOfElementLocated(grant)).findElement(By.xpath("td[4]")).getText());
        WebElement budgetLine = browser.findElement(By.cssSelector("form[aria-label^='Set a budget line']"));
        budgetLine.findElement(By.name("category")).sendKeys("Family nights");
        budgetLine.findElement(By.name("amount")).sendKeys("3500");
        budgetLine.findElement(By.tagName("button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Family nights"));
        WebElement grantRow = browser.findElement(grant);
        grantRow.findElement(By.xpath(".//summary[normalize-space()='Move to a stage']")).click();
        new Select(grantRow.findElement(By.name("stage"))).selectByValue("SUBMITTED");
        grantRow.findElement(By.xpath(".//form[contains(@aria-label, 'Move to a stage')]//button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(grant, "submitted"));
        // the demo's report is due within the month: a state of two words reads as two words
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.xpath(
                "//main//tr[td[2][normalize-space()='Interim narrative and budget report']]/td[4]"), "due soon"));
        visited("grant-and-budget");

        browser.findElement(By.linkText("Policy")).click();
        WebElement row = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//main//tr[td[1][normalize-space()='Library hours on weekends']]")));
        assertTrue(row.getText(), row.getText().contains("1 endorsing, 1 neutral, 0 dissenting"));
        row.findElement(By.tagName("summary")).click();
        WebElement stance = row.findElement(By.tagName("form"));
        stance.findElement(By.name("organisation")).sendKeys("Reyes Hardware");
        new Select(stance.findElement(By.name("stance"))).selectByValue("ENDORSE");
        String stances = "/initiatives/" + DEMO + "/policy/items/" + java.util.stream.StreamSupport.stream(
                http.get("/initiatives/" + DEMO + "/policy/items").json().spliterator(), false)
                .filter(i -> i.get("title").asText().equals("Library hours on weekends")).findFirst().orElseThrow()
                .get("id").asLong() + "/stances";
        int before = http.get(stances).json().size();
        // submitted twice before the first answer (a double click): the console sends it once, as stances are history
        browser.executeScript("arguments[0].requestSubmit(); arguments[0].requestSubmit();", stance);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.xpath("//main//tr[td[1][normalize-space()='Library hours on weekends']]"), "2 endorsing"));
        assertEquals("one stance recorded", before + 1, http.get(stances).json().size());
        visited("stance-recorded");

        browser.findElement(By.linkText("Governance")).click();
        heading("Governance · Riverbend County Reads (DEMO DATA)");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Maria Alvarez"));
        String governance = browser.findElement(By.tagName("main")).getText();
        assertTrue(governance, governance.contains("Everything the model needs is in place"));
        visited("governance");
        new Select(browser.findElement(By.id("model-id"))).selectByValue("stand-alone");
        browser.findElement(By.id("model-reason")).sendKeys("The foundation is winding down its hosting");
        browser.findElement(By.xpath("//button[normalize-space()='Propose the move']")).click();
        heading("Riverbend County Reads (DEMO DATA)");
        WebElement proposed = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//section[contains(@class,'card')][h3[contains(., 'stand-alone')]]")));
        visited("model-change-proposed");
        proposed.findElement(By.xpath(".//button[normalize-space()='Withdraw this proposal']")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(
                By.xpath("//section[contains(@class,'card')][h3[contains(., 'stand-alone')]]")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main table"), "withdrawn"));
        visited("model-change-withdrawn");
    }

    /**
     * What the demo refuses of a form filled the test's way, by form: the demo's award awaits the bodies' acceptance,
     * so no money has been received to allocate; a rule change left as the rule in force changes nothing.
     */
    private static final Map<String, String> REFUSED_IN_THE_DEMO = Map.of(
            "Propose an allocation", "more than the money received allows: received 0,",
            "Propose a rule change", "are the rule in force for ");

    /**
     * Every form and row action of the function pages and of the people and organisation pages, filled once as its
     * labels ask (an example where it shows one, an organisation its list offers, optional fields left blank), is
     * taken: the page draws itself again with no problem shown. A form whose input the API cannot read (a number sent
     * as text) fails here.
     */
    @Test
    public void everyFormOfAnInitiativesPagesTakesWhatItAsksFor() throws Exception {
        browser.get(CONSOLE);
        signIn("admin", "admin");
        heading("My work");
        Map<String, List<String>> taken = new LinkedHashMap<>();
        for (String page : List.of("Joint plan", "Community engagement", "Policy", "Resources", "Common agenda",
                "People", "Organisations", "Governance")) {
            initiativePage();
            follow(page);
            heading(page + " · Riverbend County Reads (DEMO DATA)");
            String address = browser.getCurrentUrl();
            List<String> done = new java.util.ArrayList<>();
            // one write at a time, looking again after each: a write may offer what was not there before (a draft
            // to publish, an award to put to acceptance)
            // a write may leave the page (a proposal shows on the initiative's page): each write starts at the page
            for (String next = nextUntaken(done); next != null; next = nextUntaken(done)) {
                done.add(next);
                String name = next.substring(next.indexOf(' ') + 1);
                if (next.startsWith("form ")) {
                    submitted(name, browser.findElement(By.xpath(
                            "//main//form[not(ancestor::details)][@aria-label=" + literal(name) + "]")));
                } else if (next.startsWith("action ")) {
                    WebElement summary = browser.findElement(By.xpath("//main//details/summary[normalize-space()="
                            + literal(name) + "]"));
                    summary.click();
                    submitted(name, summary.findElement(By.xpath("../section/form")));
                } else {
                    WebElement first = browser.findElement(By.xpath(ACTION_BUTTONS + "[normalize-space()="
                            + literal(name) + "]"));
                    WebElement section = first.findElement(By.xpath("ancestor::section[1]"));
                    first.click();
                    takenWithoutProblem(name, first, section);
                }
                browser.get(address);
            }
            taken.put(page, done);
            visited(page.toLowerCase().replace(' ', '-') + "-every-form");
        }
        Map<String, List<String>> expected = new LinkedHashMap<>();
        expected.put("Joint plan", List.of("form Add an activity", "form Form a working group", "form Schedule a meeting",
                "form Set when meeting materials are due", "action Change the status", "action Edit", "action Add a member",
                "action Change a member's role", "action A member leaves", "action Change its name or purpose",
                "action Change", "action Share a material", "action Add an action item",
                "action Hand over or postpone an action item", "action Record the minutes",
                "action Record who attended"));
        expected.put("Community engagement", List.of("form Draft a communication", "form Record an event",
                "action Edit", "action Correct", "button Publish"));
        expected.put("Policy", List.of("form Add a policy item", "action Record a stance", "action Drop it",
                "action Change", "action Put the position to the bodies", "button Start researching"));
        expected.put("Resources", List.of("form Apply for a grant", "form Set a budget line for " + java.time.Year.now(),
                "form Propose an allocation", "form Record a funder", "action Add a reporting deadline", "action Correct",
                "action Move to a stage", "action Put its acceptance to the bodies", "action Correct the funder"));
        expected.put("Common agenda", List.of("form Draft the next version", "button Put to adoption"));
        expected.put("People", List.of("form Record a person", "form Give a person a seat", "action Change",
                "action New password", "action Create a login"));
        expected.put("Organisations", List.of("form Register an organisation", "action Change", "action Merge into"));
        expected.put("Governance", List.of("form Add a body", "form Propose another structure model",
                "form Propose a rule change", "action Change", "action Rename", "button Retire", "button Retire the body"));
        assertEquals("what the demo offers, each taken once", expected, taken);
    }

    /**
     * Staff draft the next version of the common agenda from a copy of the latest: a new goal left without its title
     * is refused beside that goal's input, and once written the version is a draft with every goal.
     */
    @Test
    public void staffDraftTheNextVersionOfTheCommonAgenda() throws Exception {
        openTheDemoAs("scarter", "demo");
        follow("Common agenda");
        WebElement form = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("form[aria-label='Draft the next version']")));
        assertEquals("the copy of version 1 has its goals", "Children read all year round",
                form.findElement(By.name("goals[1].title")).getAttribute("value"));
        WebElement strategies = form.findElement(By.name("goals[1].strategies"));
        assertEquals("Summer reading for every child: Library cards at school entry and summer reading at every branch",
                strategies.getAttribute("value"));
        strategies.sendKeys(Keys.ENTER, "Reading buddies: older students read with younger ones");
        form.findElement(By.xpath(".//button[normalize-space()='Add a goal']")).click();
        form.findElement(By.name("goals[2].outcome")).sendKeys("Nine in ten third graders read at grade level");
        form.findElement(By.xpath(".//button[normalize-space()='Draft the next version']")).click();
        WebElement fault = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("label[for='draft-goals[2].title'] .field-error")));
        assertEquals("must not be blank", fault.getText());
        visited("agenda-draft-refused");
        assertEquals("nothing was drafted", 1, http.get("/initiatives/" + DEMO + "/vision-strategy/versions").json().size());

        form.findElement(By.name("goals[2].title")).sendKeys("Children read at grade level by third grade");
        form.findElement(By.xpath(".//button[normalize-space()='Draft the next version']")).click();
        By draft = By.xpath("//main//tr[td[1][normalize-space()='2']]");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(draft, "draft"));
        JsonNode version = http.get("/initiatives/" + DEMO + "/vision-strategy/versions/2")
                .json();
        assertEquals(3, version.get("goals").size());
        assertEquals("Reading buddies", version.get("goals").get(1).get("strategies").get(1).get("title").asText());
        assertEquals("older students read with younger ones",
                version.get("goals").get(1).get("strategies").get(1).get("description").asText());
        visited("agenda-drafted");
    }

    /**
     * The first form, row action or row button of the page drawn (once its first form shows) not yet done, or null.
     */
    private String nextUntaken(List<String> done) {
        wait.withMessage(() -> "after " + done + " the page shows: " + browser.findElement(By.tagName("main")).getText())
                .until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//main//form[not(ancestor::details)]")));
        // read again from the start when the page draws itself anew while it is read (a late answer redraws it)
        List<String> offered = wait.until(d -> {
            try {
                List<String> read = new java.util.ArrayList<>();
                texts("//main//form[not(ancestor::details)]", "aria-label").forEach(f -> read.add("form " + f));
                texts("//main//details/summary", null).forEach(a -> read.add("action " + a));
                texts(ACTION_BUTTONS, null).forEach(b -> read.add("button " + b));
                return read;
            } catch (StaleElementReferenceException redrawn) {
                return null;
            }
        });
        return offered.stream().filter(o -> !done.contains(o)).findFirst().orElse(null);
    }

    /** A row's or a record's action that is a button of its own (the kit's actionCell), not a form's. */
    private static final String ACTION_BUTTONS = "//main//button[@type='button'][@aria-label][not(ancestor::form)]";

    /** The distinct texts (or values of an attribute) of the elements at an XPath, in the page's order. */
    private List<String> texts(String xpath, String attribute) {
        return browser.findElements(By.xpath(xpath)).stream()
                .map(e -> attribute == null ? e.getText().strip() : e.getAttribute(attribute)).distinct().toList();
    }

    /** Fills a form as its labels ask and submits it; it must be taken. */
    private void submitted(String name, WebElement form) {
        for (WebElement label : form.findElements(By.tagName("label"))) {
            WebElement input = label.findElement(By.cssSelector("input, select, textarea"));
            String type = input.getTagName().equals("input") ? input.getAttribute("type") : input.getTagName();
            List<WebElement> example = label.findElements(By.className("example"));
            if (type.equals("select") || label.getText().contains("(optional)")
                    || !input.getAttribute("value").isEmpty() && !type.equals("checkbox")) {
                continue; // a select keeps its first choice, a field holding a value keeps it; an optional one stays blank
            } else if (type.equals("checkbox")) {
                // a group of check boxes keeps what is checked, or has its first one checked
                if (input.findElement(By.xpath("ancestor::fieldset[1]")).findElements(By.cssSelector("input:checked"))
                        .isEmpty()) {
                    input.click();
                }
            } else if (!example.isEmpty()) {
                input.sendKeys(example.get(0).getText().replaceFirst("^for example ", ""));
            } else if ("organisation-names".equals(input.getAttribute("list"))) {
                List<String> offered = browser.findElements(By.cssSelector("#organisation-names option")).stream()
                        .map(o -> o.getAttribute("value")).toList();
                assertTrue(name + " offers the initiative's organisations: " + offered,
                        offered.contains("Riverbend Public Library"));
                input.sendKeys("Riverbend Public Library");
            } else if (type.equals("date") || type.equals("datetime-local")) {
                // a day is today (what happened is recorded once it has); a moment is last week's (a meeting held,
                // whose action items may be due today)
                browser.executeScript("arguments[0].value = arguments[1]", input, type.equals("date")
                        ? java.time.LocalDate.now().toString() : java.time.LocalDateTime.now().minusDays(7)
                        .truncatedTo(java.time.temporal.ChronoUnit.MINUTES).toString());
            } else if (type.equals("number")) {
                input.sendKeys("250");
            } else {
                input.sendKeys("Entered by the console test in " + name);
            }
        }
        WebElement section = form.findElement(By.xpath("ancestor::section[1]"));
        form.findElement(By.cssSelector("button[type=submit]")).click();
        takenWithoutProblem(name, form, section);
    }

    /**
     * Waits for the page to draw itself again (the write was taken) or a problem; a problem fails the test, except
     * a refusal the test expects by the form's name (one fault).
     */
    private void takenWithoutProblem(String name, WebElement clicked, WebElement section) {
        String expected = REFUSED_IN_THE_DEMO.get(name);
        wait.until(d -> {
            try {
                return !section.findElements(By.cssSelector(".problem")).isEmpty() || !clicked.isDisplayed();
            } catch (StaleElementReferenceException redrawn) {
                return true;
            }
        });
        try {
            // each fault once: beside its input, or listed above the form when no input carries it
            List<String> faults = section.findElements(By.cssSelector(".field-error, .problem li")).stream()
                    .map(WebElement::getText).toList();
            if (expected != null && faults.size() == 1 && faults.get(0).contains(expected)) {
                return;
            }
            List<WebElement> problems = section.findElements(By.cssSelector(".problem, .field-error"));
            assertTrue(name + " was refused: " + problems.stream().map(p -> p.getText()
                    + (p.getAttribute("id") == null ? "" : " (" + p.getAttribute("id") + ")")).toList(),
                    problems.isEmpty());
        } catch (StaleElementReferenceException redrawn) {
            // the page drew itself again: the API took the write
        }
    }

    /** An XPath string literal of any text. */
    private static String literal(String text) {
        return text.contains("'") ? "concat('" + text.replace("'", "', \"'\", '") + "')" : "'" + text + "'";
    }

    /**
     * A draft naming a spokesperson speaks for the initiative: the page offers to put it to the bodies, never to
     * publish it in the team's name, and once put it awaits their decision.
     */
    @Test
    public void staffPutADraftNamingASpokespersonToTheBodiesAndPublishOnlyInTheTeamsName() throws Exception {
        openTheDemoAs("scarter", "demo");
        follow("Community engagement");
        heading("Community engagement · Riverbend County Reads (DEMO DATA)");
        WebElement form = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("form[aria-label='Draft a communication']")));
        form.findElement(By.name("title")).sendKeys("Reading week begins");
        form.findElement(By.name("body")).sendKeys("Every branch reads aloud at noon.");
        new Select(form.findElement(By.name("spokesperson"))).selectByVisibleText("Maria Alvarez");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        By row = personRow("Reading week begins");
        WebElement drafted = wait.until(ExpectedConditions.visibilityOfElementLocated(row));
        assertTrue("no publishing in the team's name for words said by a spokesperson",
                drafted.findElements(By.xpath(".//button[normalize-space()='Publish']")).isEmpty());
        visited("statement-drafted");
        // the draft is edited before it goes: its text held as it is, key messages added one per line
        drafted.findElement(By.xpath(".//summary[normalize-space()='Edit']")).click();
        WebElement edit = drafted.findElement(By.cssSelector("form[aria-label='Edit: Reading week begins']"));
        assertEquals("Every branch reads aloud at noon.", edit.findElement(By.name("body")).getAttribute("value"));
        assertEquals("Maria Alvarez", new Select(edit.findElement(By.name("spokesperson"))).getFirstSelectedOption()
                .getText());
        edit.findElement(By.name("body")).sendKeys(" All week.");
        edit.findElement(By.name("keyMessages")).sendKeys("Read aloud\nEvery branch, every day");
        edit.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.stalenessOf(edit));
        JsonNode edited = null;
        for (JsonNode c : http.get("/initiatives/" + DEMO + "/community-engagement/communications").json()) {
            edited = c.get("title").asText().equals("Reading week begins") ? c : edited;
        }
        assertEquals("Every branch reads aloud at noon. All week.", edited.get("body").asText());
        assertEquals("[\"Read aloud\",\"Every branch, every day\"]", edited.get("keyMessages").toString());
        drafted = wait.until(ExpectedConditions.visibilityOfElementLocated(row));
        drafted.findElement(By.xpath(".//summary[normalize-space()='Put to the bodies as a statement']")).click();
        WebElement put = drafted.findElement(By.cssSelector(
                "form[aria-label='Put to the bodies as a statement: Reading week begins']"));
        put.findElement(By.name("reason")).sendKeys("The week opens at the county fair");
        put.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(row, "statement proposed"));
        JsonNode proposed = http.get("/initiatives/" + DEMO + "/community-engagement/communications").json();
        String status = "";
        for (JsonNode c : proposed) {
            status = c.get("title").asText().equals("Reading week begins") ? c.get("status").asText() : status;
        }
        assertEquals("STATEMENT_PROPOSED", status);
        assertTrue("what the bodies decide on is no longer edited", browser.findElement(row)
                .findElements(By.xpath(".//summary[normalize-space()='Edit']")).isEmpty());
        visited("statement-proposed");
    }

    /**
     * Staff change an organisation's names and sectors in a form that holds them as they are, register another with
     * two sectors, and merge that one, a duplicate, into the one it is (ADR 0025).
     */
    @Test
    public void staffChangeAnOrganisationAndMergeADuplicateIntoTheOneItIs() throws Exception {
        openTheDemoAs("scarter", "demo");
        follow("Organisations");
        heading("Organisations · Riverbend County Reads (DEMO DATA)");
        By kept = personRow("Northside Family Resource Center");
        wait.until(ExpectedConditions.visibilityOfElementLocated(kept));
        visited("organisations");

        WebElement reyes = browser.findElement(personRow("Reyes Hardware"));
        reyes.findElement(By.xpath(".//summary[normalize-space()='Change']")).click();
        WebElement change = reyes.findElement(By.cssSelector("form[aria-label='Change: Reyes Hardware']"));
        assertEquals("Reyes Hardware", change.findElement(By.name("name")).getAttribute("value"));
        WebElement business = change.findElement(By.cssSelector("input[name=sectors][value=BUSINESS]"));
        assertTrue("the sectors it has are checked", business.isSelected());
        business.click();
        change.findElement(By.tagName("button")).click();
        WebElement none = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(
                "form[aria-label='Change: Reyes Hardware'] fieldset.choices .field-error")));
        assertEquals("without a sector it is refused beside the sectors", "must not be empty", none.getText());
        visited("organisation-change-refused");
        business.click();
        change.findElement(By.cssSelector("input[name=sectors][value=HOUSING]")).click();
        change.findElement(By.name("aliases")).sendKeys("Reyes Hardware and Supply");
        change.findElement(By.tagName("button")).click();
        // the row's cells, not its form (whose check boxes are labelled with every sector)
        By sectors = By.xpath("//main//tr[td[1][normalize-space()='Reyes Hardware']]/td[3]");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(sectors, "housing"));
        assertTrue(browser.findElement(sectors).getText().contains("business"));
        assertEquals("Reyes Hardware and Supply", browser.findElement(
                By.xpath("//main//tr[td[1][normalize-space()='Reyes Hardware']]/td[2]")).getText());
        assertTrue(http.get("/initiatives/" + DEMO + "/organisations?name=Reyes%20Hardware%20and%20Supply").body()
                .contains("\"name\":\"Reyes Hardware\""));
        visited("organisation-changed");

        WebElement register = browser.findElement(By.cssSelector("form[aria-label='Register an organisation']"));
        register.findElement(By.name("name")).sendKeys("Northside FRC");
        register.findElement(By.name("aliases")).sendKeys("NFRC, Head Start");
        register.findElement(By.cssSelector("input[name=sectors][value=HEALTH]")).click();
        register.findElement(By.cssSelector("input[name=sectors][value=NONPROFIT]")).click();
        register.findElement(By.tagName("button")).click();
        WebElement taken = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("form[aria-label='Register an organisation'] label[for=organisations-aliases] .field-error")));
        assertTrue("an alias another organisation holds is refused beside the aliases: " + taken.getText(),
                taken.getText().startsWith("already names organisation "));
        WebElement aliases = register.findElement(By.name("aliases"));
        aliases.clear();
        aliases.sendKeys("NFRC, Northside Family Center");
        register.findElement(By.tagName("button")).click();
        By duplicate = personRow("Northside FRC");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(duplicate, "NFRC, Northside Family Center"));

        WebElement row = browser.findElement(duplicate);
        row.findElement(By.xpath(".//summary[normalize-space()='Merge into']")).click();
        WebElement merge = row.findElement(By.cssSelector("form[aria-label='Merge into: Northside FRC']"));
        new Select(merge.findElement(By.name("into"))).selectByVisibleText("Northside Family Resource Center");
        merge.findElement(By.tagName("button")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(duplicate));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(kept, "Northside FRC"));
        visited("organisation-merged");
        assertTrue(http.get("/initiatives/" + DEMO + "/organisations?name=NFRC").body()
                .contains("\"name\":\"Northside Family Resource Center\""));
    }

    @Test
    public void staffGiveTheirPeopleLoginsAndSeats() throws Exception {
        browser.get(CONSOLE);
        signIn("scarter", "demo"); // the demo's backbone director: staff, not a platform admin
        heading("My work");
        initiativePage();
        follow("People");
        heading("People · Riverbend County Reads (DEMO DATA)");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Linh Tran"));
        visited("people");

        rowAction("Linh Tran", "Create a login", Map.of("name", "ltran", "password", "linh-password-1"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(personRow("Linh Tran"), "ltran"));
        visited("login-created");

        WebElement record = browser.findElement(By.cssSelector("form[aria-label='Record a person']"));
        record.findElement(By.name("name")).sendKeys("Nia Brooks");
        record.findElement(By.tagName("button")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(personRow("Nia Brooks")));
        WebElement seat = browser.findElement(By.cssSelector("form[aria-label='Give a person a seat']"));
        new Select(seat.findElement(By.name("personId"))).selectByVisibleText("Nia Brooks");
        assertFalse("a seat on the backbone team is a hire, proposed on the Governance page: not offered here",
                new Select(seat.findElement(By.name("bodyId"))).getOptions().stream()
                        .anyMatch(o -> o.getText().equals("Riverbend Reads backbone team")));
        new Select(seat.findElement(By.name("bodyId"))).selectByVisibleText("Riverbend Reads leadership group");
        seat.findElement(By.name("organisation")).sendKeys("Riverbend YMCA");
        seat.findElement(By.name("role")).sendKeys("youth representative");
        new Select(seat.findElement(By.name("sector"))).selectByValue("YOUTH");
        seat.findElement(By.tagName("button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(personRow("Nia Brooks"),
                "youth representative, Riverbend Reads leadership group"));
        rowAction("Nia Brooks", "Create a login", Map.of("name", "nbrooks", "password", "short"));
        WebElement tooShort = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("form[aria-label='Create a login: Nia Brooks'] .field-error")));
        assertTrue(tooShort.getText(), tooShort.getText().contains("10"));
        visited("login-refused");
        WebElement password = browser.findElement(By.cssSelector("form[aria-label='Create a login: Nia Brooks'] "
                + "[name=password]"));
        password.clear();
        password.sendKeys("nia-password-1");
        browser.findElement(By.cssSelector("form[aria-label='Create a login: Nia Brooks'] button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(personRow("Nia Brooks"), "nbrooks"));
        // her address, for the daily digest: one that is not an address is refused beside its input
        rowAction("Nia Brooks", "Change", Map.of("email", "nia.brooks at riverbend"));
        WebElement notAnAddress = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("form[aria-label='Change: Nia Brooks'] .field-error")));
        assertTrue(notAnAddress.getText(), notAnAddress.getText().contains("must be an e-mail address"));
        WebElement email = browser.findElement(By.cssSelector("form[aria-label='Change: Nia Brooks'] [name=email]"));
        email.clear();
        email.sendKeys("nia.brooks@riverbend.example");
        browser.findElement(By.cssSelector("form[aria-label='Change: Nia Brooks'] button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(personRow("Nia Brooks"),
                "nia.brooks@riverbend.example"));
        assertTrue("her login stays as it was", browser.findElement(personRow("Nia Brooks")).getText()
                .contains("nbrooks"));
        rowAction("Linh Tran", "New password", Map.of("password", "linh-password-2"));
        wait.until(ExpectedConditions.invisibilityOfElementLocated( // drawn again, its action closed: done
                By.cssSelector("form[aria-label='New password: Linh Tran']")));
        visited("seat-and-passwords");

        browser.findElement(By.linkText("Governance")).click();
        heading("Governance · Riverbend County Reads (DEMO DATA)");
        assertTrue("who decides is named as the initiative names its bodies", browser.findElement(By.tagName("main"))
                .getText().contains("Riverbend Reads leadership group (consensus)"));
        By niasSeat = By.xpath("//main//tr[td[1][normalize-space()='Nia Brooks']]");
        WebElement seatRow = wait.until(ExpectedConditions.visibilityOfElementLocated(niasSeat));
        seatRow.findElement(By.xpath(".//summary[normalize-space()='Change']")).click();
        seatRow.findElement(By.name("role")).sendKeys("youth co-chair");
        seatRow.findElement(By.xpath(".//form//button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(niasSeat, "youth co-chair"));
        visited("seat-changed");
        browser.findElement(niasSeat).findElement(By.xpath(".//button[normalize-space()='Retire']")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(niasSeat));
        assertTrue("the seat is retired, not deleted", http.get("/initiatives/" + DEMO + "/people").body()
                .contains("Nia Brooks"));
        assertFalse("a body is headed by what its kind is called", browser.findElements(By.xpath(
                "//main//h3[normalize-space()='Riverbend Community Foundation (Fiscal host)']")).isEmpty());
        WebElement addBody = browser.findElement(By.cssSelector("form[aria-label='Add a body']"));
        new Select(addBody.findElement(By.name("type"))).selectByVisibleText("Another kind, named below");
        addBody.findElement(By.name("kind")).sendKeys("Youth council");
        addBody.findElement(By.name("name")).sendKeys("Riverbend youth council");
        addBody.findElement(By.tagName("button")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
                "//main//h3[normalize-space()=\"Riverbend youth council (Youth council, the initiative's own kind)\"]")));
        visited("body-of-its-own-kind");
        JsonNode youth = null;
        for (JsonNode body : http.get("/initiatives/" + DEMO + "/governance").json().get("bodies")) {
            youth = body.get("name").asText().equals("Riverbend youth council") ? body : youth;
        }
        assertEquals("youth-council", youth.get("type").asText());
        assertTrue("declared the initiative's own", youth.get("custom").asBoolean());

        new Select(browser.findElement(By.id("rule-decision"))).selectByValue("SPEAK_ON_BEHALF");
        new Select(browser.findElement(By.id("rule-step1-body"))).selectByValue("leadership-group");
        new Select(browser.findElement(By.id("rule-step1-rule"))).selectByValue("TWO_THIRDS");
        browser.findElement(By.id("rule-reason")).sendKeys("Public statements need broad support");
        browser.findElement(By.xpath("//button[normalize-space()='Propose the rule']")).click();
        heading("Riverbend County Reads (DEMO DATA)");
        WebElement ruleProposal = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//section[contains(@class,'card')][h3[contains(., "
                        + "'speaking on behalf of the initiative: Leadership group (two thirds)')]]")));
        visited("rule-change-proposed");
        ruleProposal.findElement(By.xpath(".//button[normalize-space()='Withdraw this proposal']")).click();
        wait.until(ExpectedConditions.stalenessOf(ruleProposal));

        browser.findElement(By.xpath("//button[normalize-space()='Sign out']")).click();
        signIn("ltran", "linh-password-1");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".problem")));
        signIn("ltran", "linh-password-2");
        heading("My work");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.linkText("Riverbend County Reads (DEMO DATA)")));
        visited("new-login-signed-in");
        browser.findElement(By.linkText("My password")).click();
        heading("My password");
        browser.findElement(By.id("me-currentPassword")).sendKeys("linh-password-2");
        browser.findElement(By.id("me-password")).sendKeys("linh-password-3");
        browser.findElement(By.id("me-again")).sendKeys("linh-password-3");
        browser.findElement(By.xpath("//button[normalize-space()='Change my password']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Your password is changed"));
        visited("own-password-changed");
        browser.findElement(By.linkText("My work")).click(); // the session went on as a new one
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.linkText("Riverbend County Reads (DEMO DATA)")));

        browser.findElement(By.xpath("//button[normalize-space()='Sign out']")).click();
        signIn("admin", "admin");
        follow("Logins");
        heading("Logins");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "nbrooks"));
        assertTrue(browser.findElement(By.tagName("main")).getText().contains("ltran"));
        visited("logins");
        wait.until(ExpectedConditions.visibilityOfElementLocated(personRow("nbrooks")))
                .findElement(By.cssSelector("button[aria-label='Make platform admin: nbrooks']")).click();
        wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("button[aria-label='No longer platform admin: nbrooks']")));
        assertTrue(http.get("/logins/nbrooks").json().get("platformAdmin").asBoolean());
        assertTrue("no button removes one's own login",
                browser.findElements(By.cssSelector("button[aria-label='Remove: admin']")).isEmpty());
        browser.findElement(By.cssSelector("button[aria-label='Remove: nbrooks']")).click();
        wait.until(ExpectedConditions.alertIsPresent()).accept(); // asked first: a removal cannot be undone
        wait.until(ExpectedConditions.invisibilityOfElementLocated(personRow("nbrooks")));
        assertEquals(404, http.get("/logins/nbrooks").status());

        browser.findElement(By.linkText("Initiatives")).click();
        heading("Initiatives");
        WebElement create = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("form[aria-label='Create an initiative']")));
        create.findElement(By.name("name")).sendKeys("Westside Learns");
        new Select(create.findElement(By.name("structureModelId"))).selectByValue("volunteer");
        for (WebElement function : create.findElements(By.name("functions"))) {
            if (!function.getAttribute("value").equals("shared-measurement")) {
                function.click(); // unchecked: only shared measurement
            }
        }
        visited("initiative-form");
        create.findElement(By.tagName("button")).click();
        heading("Governance · Westside Learns");
        assertEquals("volunteer", http.get("/initiatives/westside-learns").json().get("structureModelId").asText());
        browser.findElement(By.linkText("Westside Learns")).click();
        heading("Westside Learns");
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button[aria-label='Use Policy']"))).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button[aria-label='Stop using Policy']")));
        assertTrue(http.get("/initiatives/westside-learns").body().contains("\"policy\""));
        visited("functions-changed");
    }

    private static By personRow(String name) {
        return By.xpath("//main//tr[td[1][normalize-space()='" + name + "']]");
    }

    /** Opens a row's action, fills its fields and sends it. */
    private void rowAction(String person, String action, Map<String, String> fields) {
        WebElement row = wait.until(ExpectedConditions.visibilityOfElementLocated(personRow(person)));
        row.findElement(By.xpath(".//summary[normalize-space()='" + action + "']")).click();
        WebElement form = row.findElement(By.cssSelector("form[aria-label='" + action + ": " + person + "']"));
        fields.forEach((name, value) -> form.findElement(By.name(name)).sendKeys(value));
        form.findElement(By.tagName("button")).click();
    }

    @Test
    public void aPartnerSeesOnlyTheirInitiatives() throws Exception {
        assertEquals(201, http.post("/initiatives", "{\"id\":\"eastside-works\",\"name\":\"Eastside Works\","
                + "\"structureModelId\":\"nested\",\"enabledFunctionIds\":[]}").status());
        browser.get(CONSOLE);
        // by keyboard only: the skip link first, then the form's fields in order, Enter submits
        WebElement name = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("user")));
        assertEquals("the sign-in form has the focus's first field", "user",
                browser.switchTo().activeElement().getAttribute("id"));
        name.sendKeys("abello", Keys.TAB);
        browser.switchTo().activeElement().sendKeys("demo", Keys.ENTER);
        heading("My work");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.linkText("Riverbend County Reads (DEMO DATA)")));
        assertTrue(browser.findElements(By.linkText("Eastside Works")).isEmpty());
        browser.get(CONSOLE + "#/i/eastside-works");
        WebElement problem = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".problem")));
        assertTrue(problem.getText(), problem.getText().contains("There is no initiative 'eastside-works'"));
        visited("other-initiative-hidden");

        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844)); // a phone
        browser.get(CONSOLE + "#/");
        heading("My work");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.linkText("Riverbend County Reads (DEMO DATA)")));
        assertTrue("readable at phone width: the page does not scroll sideways", (Boolean) browser.executeScript(
                "return document.documentElement.scrollWidth <= window.innerWidth"));
        assertEquals("on a phone a proposal stands as a block, each of its cells headed by its column",
                List.of("block", "\"Initiative: \"", "table"), browser.executeScript("const td = document.querySelector("
                        + "'main tbody td:nth-child(2)'); return [getComputedStyle(td).display, "
                        + "getComputedStyle(td, '::before').content, td.closest('table').getAttribute('role')]"));
        visited("my-work-phone");
    }

    /** A faulty file stores nothing and lists its fault by row and column; a good one adds to the chart. */
    private void importAFaultyFileThenAGoodOne(int pointsBefore) throws Exception {
        Path folder = Files.createDirectories(Path.of("target", "console-it-files"));
        Path faulty = folder.resolve("faulty.csv");
        Files.writeString(faulty, "indicator,period,partner,value\n"
                + "Kindergarten readiness,2024-Q1,Riverbend Head Start,44\n"
                + "Kindergarten readiness,2024-Q2,Riverbend Head Start,not a number\n");
        Path good = folder.resolve("good.csv");
        Files.writeString(good, "indicator,period,partner,value\n"
                + "Kindergarten readiness,2024-Q1,Riverbend Head Start,44\n"
                + "Kindergarten readiness,2024-Q2,Riverbend Head Start,45\n");
        WebElement file = browser.findElement(By.id("import-file"));
        file.sendKeys(faulty.toAbsolutePath().toString());
        browser.findElement(By.xpath("//form[@aria-label='Import values from a CSV file']//button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[role=alert]"), "nothing was stored"));
        WebElement faults = browser.findElement(By.xpath("//section[h2='Import values']//table"));
        assertTrue(faults.getText(), faults.getText().contains("row 3"));
        visited("import-refused");

        browser.findElement(By.id("import-file")).sendKeys(good.toAbsolutePath().toString());
        browser.findElement(By.xpath("//form[@aria-label='Import values from a CSV file']//button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Imported 2 values."));
        browser.findElement(By.xpath("//main//table//button[contains(., 'Kindergarten readiness')]")).click();
        WebElement chart = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("svg.chart")));
        int after = chart.findElements(By.tagName("circle")).size();
        assertEquals("two more periods in the chart", pointsBefore + 2, after);
        // 2024-Q1 and Q2 stand a year and more before the demo's values: the quarters between keep their room on
        // the time axis, the line breaks there, and the description says which quarters have no values
        List<Double> xs = chart.findElements(By.tagName("circle")).stream()
                .map(c -> Double.parseDouble(c.getAttribute("cx"))).sorted().toList();
        assertTrue("the quarters without values keep their room: " + xs,
                xs.get(2) - xs.get(1) > 2 * (xs.get(1) - xs.get(0)));
        String line = chart.findElement(By.cssSelector("path.series")).getAttribute("d");
        assertEquals("the line breaks once, where no values are: " + line, 2,
                line.chars().filter(c -> c == 'M').count());
        String described = chart.findElement(By.tagName("desc")).getAttribute("textContent");
        assertTrue(described, described.matches(".*2024-Q2 [0-9.]+, no values for 2024-Q3 to 20[0-9]{2}-Q[1-4], .*"));
        visited("import-done");
    }

    /** Signs in and opens the demo initiative's page. */
    private void openTheDemoAs(String user, String password) {
        browser.get(CONSOLE);
        signIn(user, password);
        heading("My work");
        browser.get(CONSOLE + "#/i/" + DEMO);
    }

    private void signIn(String user, String password) {
        WebElement name = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("user")));
        name.clear();
        name.sendKeys(user);
        WebElement secret = browser.findElement(By.id("password"));
        secret.clear();
        secret.sendKeys(password);
        browser.findElement(By.xpath("//button[normalize-space()='Sign in']")).click();
    }

    /** Clicks a link once the page shows it, and again if the page re-rendered it between finding and clicking. */
    private void follow(String linkText) {
        wait.until(page -> {
            try {
                page.findElement(By.linkText(linkText)).click();
                return true;
            } catch (NoSuchElementException | StaleElementReferenceException | ElementNotInteractableException e) {
                return false;
            }
        });
    }

    /**
     * Goes to the demo initiative's page and waits until it is drawn: its address differs from the page before only in
     * the fragment, so that page, whose header has the same links, stays a moment and a link followed at once may be
     * its own, while the initiative's page is still drawn over it.
     */
    private void initiativePage() {
        browser.get(CONSOLE + "#/i/" + DEMO);
        wait.until(ExpectedConditions.textMatches(By.cssSelector("main h1"),
                java.util.regex.Pattern.compile("^" + java.util.regex.Pattern.quote("Riverbend County Reads (DEMO DATA)") + "$")));
    }

    private void heading(String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main h1"), text));
    }

    /**
     * Saves the page as a screenshot and fails on any error its scripts met since the page before (a refusal the API
     * answered with a 4xx is what the page shows, not an error) and on any serious or critical WCAG 2.1 AA violation.
     */
    private void visited(String name) throws Exception {
        List<String> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .filter(message -> !message.matches("(?s).*Failed to load resource: the server responded with a "
                        + "status of 4[0-9][0-9].*"))
                .toList();
        assertEquals("script errors on " + name, List.of(), errors);
        recordRender(name);
        Path folder = Path.of("target", "console-screenshots");
        Files.createDirectories(folder);
        File png = browser.getScreenshotAs(OutputType.FILE);
        Files.copy(png.toPath(), folder.resolve(String.format("%s-%02d-%s.png", test.getMethodName(), ++shot, name)),
                StandardCopyOption.REPLACE_EXISTING);
        Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
                .analyze(browser);
        List<String> serious = results.getViolations().stream()
                .filter(r -> "serious".equals(r.getImpact()) || "critical".equals(r.getImpact()))
                .map(r -> r.getId() + " (" + r.getImpact() + "): " + r.getHelp() + " at " + r.getNodes().stream()
                        .map(n -> String.valueOf(n.getTarget())).toList())
                .toList();
        assertEquals("accessibility violations on " + name, List.of(), serious);
    }

    /**
     * The page's render as the console measures it (from the address changing to the page drawn with its data),
     * when the page was drawn since the last screenshot: printed beside the 1 s budget and kept in
     * {@code target/console-render-times.csv}. Measured, never asserted: a slow machine is not a failure.
     */
    private void recordRender(String name) throws Exception {
        Object renders = browser.executeScript("const m = performance.getEntriesByName('backbone:render')"
                + ".map(e => e.duration); performance.clearMeasures('backbone:render'); return m;");
        if (renders instanceof List<?> list && !list.isEmpty()) {
            double ms = ((Number) list.get(list.size() - 1)).doubleValue();
            Path file = Path.of("target", "console-render-times.csv");
            if (!Files.exists(file)) {
                Files.writeString(file, "test,page,render_ms,ratio_to_1s_budget\n");
            }
            Files.writeString(file, String.format(java.util.Locale.ROOT, "%s,%s,%.0f,%.3f%n", test.getMethodName(),
                    name, ms, ms / 1000), java.nio.file.StandardOpenOption.APPEND);
            System.out.printf(java.util.Locale.ROOT, "first render of %s: %.0f ms, %.3f of the 1 s budget%n", name,
                    ms, ms / 1000);
        }
    }
}
