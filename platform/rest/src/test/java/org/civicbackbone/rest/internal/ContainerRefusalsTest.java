package org.civicbackbone.rest.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.concurrent.atomic.AtomicInteger;
import javax.servlet.DispatcherType;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.FilterHolder;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/**
 * The filter in front of the API in a real Jetty, before a servlet that answers as the JAX-RS runtime does while the
 * whiteboard rebuilds the application: its plain "No service was found" page, or a failure half-way (ADR 0007).
 */
public class ContainerRefusalsTest {

    private final HttpClient client = HttpClient.newHttpClient();
    private final AtomicInteger asked = new AtomicInteger();
    /** How many more requests the runtime answers as if it were being rebuilt. */
    private final AtomicInteger gapFor = new AtomicInteger();
    /** How many times the runtime is asked before the node counts as ready (health's verdict). */
    private final AtomicInteger startedAfter = new AtomicInteger();
    private volatile String gapAnswer = "no service";
    private volatile boolean tookRequest;
    private Server server;
    private String root;

    @Before
    public void startServer() throws Exception {
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        ContainerRefusals refusals = new ContainerRefusals();
        refusals.bindStart(() -> asked.get() > startedAfter.get()); // ready once the runtime was asked that often
        context.addFilter(new FilterHolder(refusals), "/api/*", EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(new ServletHolder(new Runtime()), "/api/*");
        server.setHandler(context);
        server.start();
        root = "http://127.0.0.1:" + connector.getLocalPort() + "/api/v1";
    }

    @After
    public void stopServer() throws Exception {
        server.stop();
    }

    /** The JAX-RS runtime as the filter meets it. */
    private final class Runtime extends HttpServlet {
        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
            asked.incrementAndGet();
            tookRequest = request.getAttribute(ContainerRefusals.TOOK_REQUEST) != null;
            if (gapFor.getAndDecrement() > 0) {
                if (gapAnswer.equals("fail")) {
                    throw new IllegalStateException("the bus was shut down half-way through a rebuild");
                }
                if (gapAnswer.equals("unlinked")) { // a class of a bundle the framework is replacing
                    throw new NoClassDefFoundError("org/apache/cxf/jaxrs/JAXRSInvoker");
                }
                if (gapAnswer.equals("flushed")) { // a stale application's 404, flushed as CXF does when done
                    request.setAttribute(ContainerRefusals.APPLICATION_BEHIND, Boolean.TRUE); // as ProblemMapper marks it
                    response.setStatus(404);
                    response.setContentType("application/problem+json");
                    response.setContentLength(14);
                    response.getOutputStream().write("{\"status\":404}".getBytes());
                    response.flushBuffer();
                    return;
                }
                if (gapAnswer.equals("no servlet")) {
                    response.sendError(404); // as the container answers before the runtime's servlet is registered
                    return;
                }
                response.setStatus(404); // as CXF's ServletController writes it
                response.setContentType("text/html");
                response.getWriter().write("<html><body>No service was found.</body></html>");
                return;
            }
            if (request.getRequestURI().endsWith("/missing")) {
                response.setStatus(404);
                response.setContentType("application/problem+json");
                response.getOutputStream().write("{\"status\":404,\"detail\":\"No such initiative\"}".getBytes());
                return;
            }
            response.setContentType("application/json");
            response.getWriter().write("{\"status\":\"UP\"}");
        }
    }

    private HttpResponse<String> send(String method, String path, String contentType) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(root + path));
        if (contentType == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofString("{}"));
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    public void aReadWaitsOutARebuild() throws Exception {
        gapFor.set(3);
        HttpResponse<String> answer = send("GET", "/health", null);
        assertEquals(answer.body(), 200, answer.statusCode());
        assertEquals("{\"status\":\"UP\"}", answer.body());
        assertEquals("asked again until the rebuild was over", 4, asked.get());
        assertTrue("the request is marked as taken by the API's filter", tookRequest);
    }

    @Test
    public void aReadWaitsOutARuntimeFailingHalfWayOrNotThereYet() throws Exception {
        for (String gap : java.util.List.of("fail", "unlinked", "no servlet", "flushed")) {
            asked.set(0);
            gapAnswer = gap;
            gapFor.set(2);
            HttpResponse<String> answer = send("GET", "/health", null);
            assertEquals(gap + ": " + answer.body(), 200, answer.statusCode());
            assertEquals(gap, "{\"status\":\"UP\"}", answer.body());
            assertTrue(gap, answer.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
            assertEquals(gap, 3, asked.get());
        }
    }

    @Test
    public void aWriteInARebuildIsRefusedForNowAndNotRepeated() throws Exception {
        gapFor.set(1);
        HttpResponse<String> answer = send("POST", "/initiatives", "application/json");
        assertEquals(503, answer.statusCode());
        assertEquals("1", answer.headers().firstValue("Retry-After").orElse(null));
        assertEquals("application/problem+json", answer.headers().firstValue("Content-Type").orElse(null));
        assertTrue(answer.body(), answer.body().contains("\"status\":503") && answer.body().contains("try again"));
        assertEquals("a write is never sent twice", 1, asked.get());
    }

    @Test
    public void aWriteThatMeetsABundleBeingReplacedIsRefusedNotAsBadInputAndNotAsSafeToResend() throws Exception {
        gapAnswer = "unlinked";
        gapFor.set(1);
        HttpResponse<String> answer = send("POST", "/initiatives", "application/json");
        assertEquals(answer.body(), 503, answer.statusCode());
        // it may have met the missing class after its commit: Retry-After would tell a client to send it again
        assertEquals(null, answer.headers().firstValue("Retry-After").orElse(null));
        assertTrue(answer.body(), answer.body().contains("whether it was done is not known"));
        assertEquals("application/problem+json", answer.headers().firstValue("Content-Type").orElse(null));
        assertEquals("a write is never sent twice", 1, asked.get());
    }

    @Test
    public void aRebuildThatDoesNotEndIsAnswered503AfterFiveSeconds() throws Exception {
        gapFor.set(Integer.MAX_VALUE);
        HttpResponse<String> answer = send("GET", "/health", null);
        assertEquals(503, answer.statusCode());
        assertEquals("1", answer.headers().firstValue("Retry-After").orElse(null));
        assertTrue("asked again and again in the meantime: " + asked.get(), asked.get() > 10);
    }

    @Test
    public void aRealNotFoundGoesOutAsTheApplicationWroteIt() throws Exception {
        HttpResponse<String> answer = send("GET", "/missing", null);
        assertEquals(404, answer.statusCode());
        assertEquals("application/problem+json", answer.headers().firstValue("Content-Type").orElse(null));
        assertEquals("{\"status\":404,\"detail\":\"No such initiative\"}", answer.body());
        assertEquals(1, asked.get());
    }

    @Test
    public void beforeTheNodeHasBeenReadyA404IsAskedAgainForTheApplicationMayLackTheResourceStill() throws Exception {
        startedAfter.set(2);
        HttpResponse<String> answer = send("GET", "/missing", null);
        assertEquals("held while starting, then the real one", 404, answer.statusCode());
        assertEquals("{\"status\":404,\"detail\":\"No such initiative\"}", answer.body());
        assertEquals(3, asked.get());
    }

    @Test
    public void aBodyInACharsetJavaDoesNotKnowIsRefusedBeforeTheApplication() throws Exception {
        HttpResponse<String> answer = send("POST", "/initiatives", "application/json; charset=klingon-8");
        assertEquals(415, answer.statusCode());
        assertTrue(answer.body(), answer.body().contains("UTF-8"));
        assertEquals(0, asked.get());
    }
}
