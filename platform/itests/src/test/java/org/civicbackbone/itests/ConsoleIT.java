package org.civicbackbone.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.rules.TestName;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
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

    private final Http http = new Http();
    private UnpackedDistribution platform;
    private ChromeDriver browser;
    private WebDriverWait wait;
    private int shot;

    @Before
    public void startPlatformAndBrowser() throws Exception {
        platform = UnpackedDistribution.unpack(System.getProperty("backbone.distribution"),
                Path.of(System.getProperty("backbone.examDirectory", "target/exam")).resolveSibling("console-it")
                        .resolve(test.getMethodName()));
        platform.start();
        http.await("/health", a -> a.status() == 200 && a.json().get("status").asText().equals("UP"));
        http.await("/initiatives/" + DEMO + "/shared-measurement", a -> a.status() == 200);
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1280,900");
        browser = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).build(), options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @After
    public void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (platform != null) {
            platform.kill("-9");
        }
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
        visited("my-work");

        browser.findElement(By.linkText("Riverbend County Reads (DEMO DATA)")).click();
        heading("Riverbend County Reads (DEMO DATA)");
        visited("initiative");

        browser.findElement(By.linkText("Shared measurement")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("main table")));
        visited("shared-measurement");
        browser.findElement(By.xpath("//main//table//button[contains(., 'Kindergarten readiness')]")).click();
        WebElement chart = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("svg.chart")));
        int before = chart.findElements(By.tagName("circle")).size();
        assertTrue("the series is drawn", before > 0);
        visited("indicator-chart");

        new Select(browser.findElement(By.id("breakdown"))).selectByVisibleText("By partner");
        wait.until(d -> d.findElements(By.cssSelector("svg.chart polyline.series")).size() > 1);
        visited("indicator-by-partner");

        importAFaultyFileThenAGoodOne(before);

        browser.findElement(By.linkText("API")).click();
        heading("The REST API");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"),
                "/api/v1/initiatives/{initiativeId}/shared-measurement/indicators/{indicatorId}/series"));
        visited("api");

        browser.findElement(By.xpath("//button[normalize-space()='Sign out']")).click();
        heading("Sign in");
        browser.get(CONSOLE + "#/i/" + DEMO);
        heading("Sign in");
    }

    @Test
    public void voteOnADemoProposalAndSeeItInTheDecisionLog() throws Exception {
        browser.get(CONSOLE);
        signIn("malvarez", "demo");
        heading("My work");
        WebElement waiting = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.linkText("Adopt version 1 of the common agenda")));
        visited("my-work-proposals");
        waiting.click();
        heading("Riverbend County Reads (DEMO DATA)");
        WebElement form = browser.findElement(By.cssSelector("form[aria-label='Vote on Adopt version 1 of the common agenda']"));
        new Select(form.findElement(By.name("choice"))).selectByValue("APPROVE");
        form.findElement(By.tagName("button")).click();
        WebElement problem = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("form .field-error")));
        assertTrue("a vote without a reason is refused next to the field", problem.getText().contains("blank"));
        visited("vote-refused");
        form.findElement(By.name("reason")).sendKeys("The agenda reflects the community listening sessions.");
        form.findElement(By.tagName("button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main table"),
                "malvarez: approve: The agenda reflects the community listening sessions."));
        visited("decision-log");
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
        browser.get(CONSOLE + "#/i/" + DEMO);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.linkText("Shared measurement"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("main table")));
        visited("module-back");
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
            browser.get(CONSOLE + "#/i/" + DEMO);
            wait.until(ExpectedConditions.elementToBeClickable(By.linkText(page.getKey()))).click();
            heading(page.getKey() + " · Riverbend County Reads (DEMO DATA)");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), page.getValue()));
            visited(page.getKey().toLowerCase().replace(' ', '-'));
            if (page.getKey().equals("Resources")) {
                assertEquals("money in and out", 5, browser.findElements(By.cssSelector("svg.chart rect")).size());
            }
        }

        browser.get(CONSOLE + "#/i/" + DEMO);
        wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Resources"))).click();
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

        browser.findElement(By.linkText("Policy")).click();
        WebElement row = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//main//tr[td[1][normalize-space()='Library hours on weekends']]")));
        assertTrue(row.getText(), row.getText().contains("1 endorse"));
        row.findElement(By.tagName("summary")).click();
        WebElement stance = row.findElement(By.tagName("form"));
        stance.findElement(By.name("organisation")).sendKeys("Reyes Hardware");
        new Select(stance.findElement(By.name("stance"))).selectByValue("ENDORSE");
        stance.findElement(By.tagName("button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.xpath("//main//tr[td[1][normalize-space()='Library hours on weekends']]"), "2 endorse"));
        visited("stance-recorded");

        browser.findElement(By.linkText("Governance")).click();
        heading("Governance · Riverbend County Reads (DEMO DATA)");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Maria Alvarez"));
        assertTrue(browser.findElement(By.tagName("main")).getText().contains("Everything the model needs is in place"));
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
        visited("import-done");
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

    private void heading(String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main h1"), text));
    }

    /** Saves the page as a screenshot and fails on any serious or critical WCAG 2.1 AA violation on it. */
    private void visited(String name) throws Exception {
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
}
