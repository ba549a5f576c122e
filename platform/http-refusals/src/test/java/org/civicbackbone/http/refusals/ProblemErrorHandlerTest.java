package org.civicbackbone.http.refusals;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.AbstractHandler;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.junit.After;
import org.junit.Test;

/** The error handler in a real Jetty, answering real HTTP requests on the loopback interface. */
public class ProblemErrorHandlerTest {

    private static final Duration READ_WAIT = Duration.ofMillis(300);

    private final HttpClient client = HttpClient.newHttpClient();
    private Server server;

    @After
    public void stopServer() throws Exception {
        if (server != null) {
            server.stop();
        }
    }

    /** A server as Pax Web's is before the platform's context exists, or after it is gone. */
    private String startWithNoContext() throws Exception {
        return start(null);
    }

    private String start(ContextHandler context) throws Exception {
        return start(context, false);
    }

    private String start(Handler handler, boolean wrapped) throws Exception {
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setErrorHandler(new ProblemErrorHandler());
        if (handler != null) {
            server.setHandler(handler);
        }
        if (wrapped) {
            // as jetty.xml does, after Pax Web set its handlers; a read waits out a shorter gap than 5 s here
            server.insertHandler(new ApiBeforeItIsServed(READ_WAIT));
        }
        server.start();
        return "http://127.0.0.1:" + connector.getLocalPort();
    }

    private HttpResponse<String> get(String url) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    public void theApiWhileNoContextServesItIsUnavailableNotMissing() throws Exception {
        String root = startWithNoContext();
        for (String path : new String[] {"/api/v1/health", "/api/v1/initiatives/demo-riverbend-reads", "/api"}) {
            assertNotServedYet(get(root + path));
        }
        // a path outside the API is not the platform's at all: it stays a plain 404
        HttpResponse<String> elsewhere = get(root + "/apix/v1/health");
        assertEquals(404, elsewhere.statusCode());
        assertNull(elsewhere.headers().firstValue("Retry-After").orElse(null));
        assertTrue(elsewhere.body(), elsewhere.body().contains("Nothing is served at this path"));
    }

    @Test
    public void aContextThatFindsNothingAnswersNotFound() throws Exception {
        // while the platform runs, its context takes every request under /api; what it does not serve is a real 404
        ContextHandler context = new ContextHandler("/");
        context.setHandler(new AbstractHandler() {
            @Override
            public void handle(String target, Request baseRequest, HttpServletRequest request,
                    HttpServletResponse response) throws java.io.IOException {
                baseRequest.setHandled(true);
                response.sendError(404);
            }
        });
        String root = start(context);
        HttpResponse<String> answer = get(root + "/api/v1/nothing-here");
        assertEquals(404, answer.statusCode());
        assertNull(answer.headers().firstValue("Retry-After").orElse(null));
        assertTrue(answer.body(), answer.body().contains("\"status\":404,"));
    }

    /** A context as Pax Web makes one (with Jetty's stock error handler) that serves only the console's files. */
    private static ContextHandler consoleOnly() {
        return paxWebContext((target, request, response) -> {
            if (target.startsWith("/console/")) {
                response.setContentType("text/plain");
                response.getWriter().write("console");
            } else {
                response.sendError(404);
            }
        });
    }

    /** What a context's only handler does with a request. */
    private interface Answering {
        void answer(String target, HttpServletRequest request, HttpServletResponse response) throws java.io.IOException;
    }

    /** A context as Pax Web makes one, with Jetty's stock error handler, whose one handler answers every request. */
    private static ContextHandler paxWebContext(Answering answering) {
        ContextHandler context = new ContextHandler("/");
        context.setErrorHandler(new org.eclipse.jetty.server.handler.ErrorHandler());
        context.setHandler(new AbstractHandler() {
            @Override
            public void handle(String target, Request baseRequest, HttpServletRequest request,
                    HttpServletResponse response) throws java.io.IOException {
                baseRequest.setHandled(true);
                answering.answer(target, request, response);
            }
        });
        return context;
    }

    @Test
    public void theApiInAContextWithoutItsServletIsUnavailableToo() throws Exception {
        // a restart where the console's servlet was taken up before the API's filter and servlet
        String root = start(consoleOnly(), true);
        assertNotServedYet(get(root + "/api/v1/health"));
        assertEquals("console", get(root + "/console/index.html").body());
        // outside the API the context's own answer stands
        HttpResponse<String> elsewhere = get(root + "/elsewhere");
        assertEquals(404, elsewhere.statusCode());
        assertTrue(elsewhere.body(), elsewhere.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
    }

    @Test
    public void withoutTheWrapperTheContextsStockPageAnswers() throws Exception {
        // what the wrapper is for: the same server without it answers the API with the context's HTML page
        String root = start(consoleOnly(), false);
        HttpResponse<String> answer = get(root + "/api/v1/health");
        assertEquals(404, answer.statusCode());
        assertTrue(answer.body(), answer.body().contains("<html>"));
    }

    /**
     * A context whose handler answers as the JAX-RS runtime does before the API's filter is in front of it, or as that
     * filter does once it is ({@code took}: it marks the request).
     */
    private static ContextHandler runtime(boolean took, String does) {
        return paxWebContext((target, request, response) -> {
            if (took) {
                request.setAttribute(ApiBeforeItIsServed.API_TOOK_REQUEST, Boolean.TRUE);
            }
            switch (does) {
                case "no service" -> { // CXF's ServletController when the application has no such resource yet
                    response.setStatus(404);
                    response.setContentType("text/html");
                    response.getWriter().write("<html><body>No service was found.</body></html>");
                }
                case "problem" -> {
                    response.setStatus(404);
                    response.setContentType(ProblemBody.MEDIA_TYPE);
                    response.getWriter().write("{\"status\":404}");
                }
                case "fail" -> throw new IllegalStateException("the bus was shut down half-way");
                // a class of a bundle the framework is replacing, met half-way through
                case "unlinked" -> throw new NoClassDefFoundError("org/apache/cxf/jaxrs/JAXRSInvoker");
                default -> response.getWriter().write("UP");
            }
        });
    }

    private void assertNotServedYet(HttpResponse<String> answer) {
        assertEquals(answer.body(), 503, answer.statusCode());
        assertEquals("1", answer.headers().firstValue("Retry-After").orElse(null));
        assertEquals(ProblemBody.MEDIA_TYPE, answer.headers().firstValue("Content-Type").orElse(null));
        assertTrue(answer.body(), answer.body().contains("\"status\":503,")
                && answer.body().contains("The platform is starting or stopping"));
    }

    /** Asks for the API's health of a server whose only context answers as {@link #runtime} says. */
    private HttpResponse<String> askRuntime(boolean took, String does, boolean wrapped) throws Exception {
        stopServer();
        return get(start(runtime(took, does), wrapped) + "/api/v1/health");
    }

    @Test
    public void theRuntimesPageOrFailureBeforeTheApisFilterIsInFrontIsUnavailable() throws Exception {
        assertNotServedYet(askRuntime(false, "no service", true));
        assertNotServedYet(askRuntime(false, "fail", true));
        assertNotServedYet(askRuntime(false, "unlinked", true));
        // what the wrapper is for: without it, the runtime's page goes out
        HttpResponse<String> unwrapped = askRuntime(false, "no service", false);
        assertEquals(404, unwrapped.statusCode());
        assertTrue(unwrapped.body(), unwrapped.body().contains("No service was found"));
    }

    @Test
    public void answersThatAreNotAStartStand() throws Exception {
        // the API's filter took the request: its own 404 stands
        HttpResponse<String> missing = askRuntime(true, "problem", true);
        assertEquals(404, missing.statusCode());
        assertEquals("{\"status\":404}", missing.body());
        // the filter answers every failure itself; one it let through is a fault, an error of the server, not a start
        for (String failure : List.of("fail", "unlinked")) {
            HttpResponse<String> failed = askRuntime(true, failure, true);
            assertEquals(failed.body(), 500, failed.statusCode());
            assertNull(failed.headers().firstValue("Retry-After").orElse(null));
            // never the context's own page, which Jetty writes for what escapes to it
            assertEquals(ProblemBody.MEDIA_TYPE, failed.headers().firstValue("Content-Type").orElse(null));
            assertTrue(failed.body(), failed.body().contains("\"status\":500,"));
        }
        // a success before the filter is in front is a success
        HttpResponse<String> up = askRuntime(false, "up", true);
        assertEquals(200, up.statusCode());
        assertEquals("UP", up.body());
    }

    /**
     * A context whose runtime answers as it does while the application is rebuilt ({@code gap}: "no service", or
     * "fail") for its first {@code gapAnswers} requests, and then through the API's filter.
     */
    private String rebuilding(String gap, int gapAnswers, AtomicInteger asked) throws Exception {
        ContextHandler before = runtime(false, gap);
        ContextHandler after = runtime(true, "up");
        return start(paxWebContext((target, request, response) -> {
            Request base = Request.getBaseRequest(request);
            try {
                (asked.incrementAndGet() <= gapAnswers ? before : after).getHandler()
                        .handle(target, base, request, response);
            } catch (javax.servlet.ServletException e) {
                throw new java.io.IOException(e);
            }
        }), true);
    }

    @Test
    public void aReadThatMeetsARebuildIsAskedAgainUntilTheApiIsInPlace() throws Exception {
        for (String gap : new String[] {"no service", "fail"}) {
            stopServer();
            AtomicInteger asked = new AtomicInteger();
            String root = rebuilding(gap, 3, asked);
            HttpResponse<String> read = get(root + "/api/v1/health");
            assertEquals(gap + ": " + read.body(), 200, read.statusCode());
            assertEquals("UP", read.body());
            assertEquals(4, asked.get());
        }
    }

    @Test
    public void aWriteThatMeetsARebuildIsAnsweredAtOnce() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        String root = rebuilding("no service", 3, asked);
        assertNotServedYet(client.send(HttpRequest.newBuilder(URI.create(root + "/api/v1/initiatives"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString()));
        assertEquals("a write is handed on once", 1, asked.get());
    }

    @Test
    public void aReadGivesUpWhenTheGapLasts() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        String root = rebuilding("no service", Integer.MAX_VALUE, asked);
        assertNotServedYet(get(root + "/api/v1/health"));
        assertTrue("asked " + asked.get() + " times", asked.get() > 1);
    }

    @Test
    public void aReadTheContextFoundNoServletForIsAskedAgainUntilTheApiIsInPlace() throws Exception {
        // as Pax Web's context is while the runtime's servlet is replaced: its default servlet sends 404 three times
        AtomicInteger asked = new AtomicInteger();
        ContextHandler after = runtime(true, "up");
        String root = start(paxWebContext((target, request, response) -> {
            if (asked.incrementAndGet() <= 3) {
                response.sendError(404);
            } else {
                try {
                    after.getHandler().handle(target, Request.getBaseRequest(request), request, response);
                } catch (javax.servlet.ServletException e) {
                    throw new java.io.IOException(e);
                }
            }
        }), true);
        HttpResponse<String> read = get(root + "/api/v1/health");
        assertEquals(read.body(), 200, read.statusCode());
        assertEquals("UP", read.body());
        assertEquals(4, asked.get());
        // a write cannot be asked again: the container's 404 becomes "not served yet" at once
        asked.set(-10);
        assertNotServedYet(client.send(HttpRequest.newBuilder(URI.create(root + "/api/v1/initiatives"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString()));
        assertEquals(-9, asked.get());
    }

    @Test
    public void aReadThatNoContextTookIsAskedAgainUntilOneDoes() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        ContextHandler after = runtime(true, "up");
        // as the server is while the platform's context is replaced: no handler takes the first three requests
        String root = start(new AbstractHandler() {
            @Override
            public void handle(String target, Request baseRequest, HttpServletRequest request,
                    HttpServletResponse response) throws java.io.IOException, javax.servlet.ServletException {
                if (asked.incrementAndGet() > 3) {
                    baseRequest.setHandled(true);
                    after.getHandler().handle(target, baseRequest, request, response);
                }
            }
        }, true);
        HttpResponse<String> read = get(root + "/api/v1/health");
        assertEquals(read.body(), 200, read.statusCode());
        assertEquals(4, asked.get());
        // a write is not asked again: the server answers that the API is not served yet
        asked.set(-10);
        assertNotServedYet(client.send(HttpRequest.newBuilder(URI.create(root + "/api/v1/initiatives"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString()));
        assertEquals(-9, asked.get());
    }
}
