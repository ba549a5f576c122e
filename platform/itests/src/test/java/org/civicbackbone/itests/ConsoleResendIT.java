package org.civicbackbone.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The console's calls of the API ({@code kit.js}'s {@code api}) in Debian's headless chromium, when the platform
 * answers 503 at a busy moment: a 503 with a short {@code Retry-After} (nothing was done: a module coming or going,
 * records busy) is sent once more by itself, body and CSRF token alike; one without {@code Retry-After} (it may have
 * been done) or with a long one is shown, never sent again. The moment is served by a small HTTP server of the test
 * beside the console's own scripts, because the platform's busy moments cannot be had on demand; what the platform
 * answers at them is tested in {@code ContainerRefusalsTest}, {@code ProblemMapperTest} and {@code ModulesIT}.
 */
public class ConsoleResendIT {

    private static final Path SCRIPTS = Path.of("..", "console", "src", "main", "resources", "console");

    private HttpServer server;
    private ChromeDriver browser;
    /** How many times each address under /api/v1 was asked, and the bodies and CSRF tokens it was sent. */
    private final Map<String, AtomicInteger> asked = new ConcurrentHashMap<>();
    private final List<String> received = new CopyOnWriteArrayList<>();

    @Before
    public void serveTheScriptsAndOpenTheBrowser() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/console/", this::script);
        server.createContext("/page", exchange -> answer(exchange, 200, "text/html", "<!doctype html><html lang=en>"
                + "<title>kit</title><script type=module>import * as kit from '/console/kit.js'; "
                + "kit.useCsrfToken('token-1'); window.kit = kit;</script></html>", Map.of()));
        server.createContext("/api/v1/", this::api);
        server.start();
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync");
        browser = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).build(), options);
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        browser.get("http://127.0.0.1:" + server.getAddress().getPort() + "/page");
        new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(10))
                .until(b -> Boolean.TRUE.equals(browser.executeScript("return window.kit !== undefined")));
    }

    @After
    public void close() {
        try {
            if (browser != null) {
                browser.quit();
            }
        } finally {
            if (server != null) {
                server.stop(0);
            }
        }
    }

    @Test
    public void aWriteRefusedForAMomentIsSentOnceMoreByItself() {
        Object result = call("/busy-once", "POST", "{\"title\":\"Autumn newsletter\"}");
        assertEquals("the second answer is the one the page gets", "created Autumn newsletter", result);
        assertEquals(2, asked.get("/api/v1/busy-once").get());
        assertEquals("the same body and CSRF token both times", List.of(
                "POST token-1 {\"title\":\"Autumn newsletter\"}", "POST token-1 {\"title\":\"Autumn newsletter\"}"),
                received);
    }

    @Test
    public void aReadRefusedForAMomentIsAskedOnceMore() {
        assertEquals("created null", call("/busy-once", "GET", null));
        assertEquals(2, asked.get("/api/v1/busy-once").get());
    }

    @Test
    public void aRefusalThatMayHaveBeenDoneIsShownNotSentAgain() {
        Object result = call("/stopped", "POST", "{\"title\":\"Autumn newsletter\"}");
        assertEquals("problem 503: The request was stopped at its deadline.", result);
        assertEquals(1, asked.get("/api/v1/stopped").get());
    }

    @Test
    public void aLongRetryAfterIsShownNotWaitedOut() {
        Object result = call("/busy-long", "POST", "{}");
        assertEquals("problem 503: Try again later.", result);
        assertEquals(1, asked.get("/api/v1/busy-long").get());
    }

    @Test
    public void aSecondRefusalIsShown() {
        Object result = call("/busy-always", "PUT", "{}");
        assertTrue(String.valueOf(result), String.valueOf(result).startsWith("problem 503: Not served"));
        assertEquals("sent twice, not more", 2, asked.get("/api/v1/busy-always").get());
    }

    /** Calls kit.api in the page; answers the title it got, or "problem STATUS: DETAIL" for a Problem thrown. */
    private Object call(String path, String method, String body) {
        return browser.executeAsyncScript("const [path, method, body, done] = arguments;"
                + "window.kit.api(path, { method, body: body === null ? undefined : JSON.parse(body) })"
                + ".then(data => done('created ' + data.title))"
                + ".catch(p => done(p instanceof window.kit.Problem ? 'problem ' + p.status + ': ' + p.message"
                + " : 'failed ' + p));", path, method, body);
    }

    private void api(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        int count = asked.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (!body.isEmpty()) {
            received.add(exchange.getRequestMethod() + " " + exchange.getRequestHeaders().getFirst("X-CSRF-Token")
                    + " " + body);
        }
        switch (path) {
            case "/api/v1/busy-once" -> {
                if (count == 1) {
                    problem(exchange, "Not served at the moment; try again in a moment.", Map.of("Retry-After", "1"));
                } else {
                    String title = body.isEmpty() ? "null" : body.replaceAll(".*\"title\":\"([^\"]*)\".*", "$1");
                    answer(exchange, 201, "application/json", "{\"title\":\"" + title + "\"}", Map.of());
                }
            }
            case "/api/v1/busy-always" -> problem(exchange, "Not served at the moment.", Map.of("Retry-After", "1"));
            case "/api/v1/busy-long" -> problem(exchange, "Try again later.", Map.of("Retry-After", "30"));
            case "/api/v1/stopped" -> problem(exchange, "The request was stopped at its deadline.", Map.of());
            default -> answer(exchange, 404, "application/problem+json", "{\"status\":404}", Map.of());
        }
    }

    private static void problem(HttpExchange exchange, String detail, Map<String, String> headers) throws IOException {
        answer(exchange, 503, "application/problem+json", "{\"title\":\"Service Unavailable\",\"status\":503,"
                + "\"detail\":\"" + detail + "\"}", headers);
    }

    private void script(HttpExchange exchange) throws IOException {
        Path file = SCRIPTS.resolve(exchange.getRequestURI().getPath().substring("/console/".length())).normalize();
        if (!file.startsWith(SCRIPTS) || !Files.isRegularFile(file)) {
            answer(exchange, 404, "text/plain", "no such script", Map.of());
            return;
        }
        answer(exchange, 200, "text/javascript", Files.readString(file), Map.of());
    }

    private static void answer(HttpExchange exchange, int status, String type, String body, Map<String, String> headers)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
