package org.civicbackbone.rest.internal;

import static org.junit.Assert.assertEquals;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.core.MediaType;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/**
 * Answers given again by {@link KeptAnswers}, in a real Jetty and CXF with the platform's JSON writer: the same bytes
 * and type as the first time, until the version moves; long lists are read each time.
 */
public class KeptAnswersTest {

    /** An answer with what the platform's JSON writes in its own way: a plain decimal and an instant. */
    public record Overview(String name, BigDecimal total, Instant at, List<String> partners) {
    }

    private static final Overview OVERVIEW = new Overview("Kindergarten readiness", new BigDecimal("1E+3"),
            Instant.parse("2026-12-05T10:15:30Z"), List.of("Riverbend Library", "Eastside \"Trust\""));

    private final AtomicInteger reads = new AtomicInteger();
    private final AtomicLong data = new AtomicLong();
    private RestRuntime runtime;

    /** Reads as a module's resource answers them; each counts as a read of the database. */
    @Path("/reads")
    @Produces(MediaType.APPLICATION_JSON)
    public class Reads {
        @GET
        @Path("overview")
        public Overview overview() {
            reads.incrementAndGet();
            return OVERVIEW;
        }

        @GET
        @Path("fresh")
        public Overview fresh() {
            return OVERVIEW;
        }

        @GET
        @Path("values")
        public List<Integer> values() {
            reads.incrementAndGet();
            return IntStream.range(0, KeptAnswers.LARGEST_LIST + 1).boxed().toList();
        }
    }

    /** {@link ReadCache}'s part for this test: every read but {@code fresh} goes through one set of kept answers. */
    private final class Keeping implements ContainerRequestFilter, ContainerResponseFilter {
        private final KeptAnswers kept = new KeptAnswers(() -> new KeptAnswers.Version(data.get(), 0),
                TimeUnit.MINUTES.toNanos(1), 10);

        @Override
        public void filter(ContainerRequestContext request) {
            if (!request.getUriInfo().getPath().endsWith("fresh")) {
                kept.filter(request, Received.of(request).query());
            }
        }

        @Override
        public void filter(ContainerRequestContext request, ContainerResponseContext response) {
            kept.filter(request, response);
        }
    }

    @Before
    public void start() throws Exception {
        runtime = new RestRuntime(new Reads(), new Keeping(), new JsonProvider());
    }

    @After
    public void stop() throws Exception {
        runtime.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        HttpResponse<String> answer = runtime.send("GET", "/api/reads/" + path, null);
        assertEquals(answer.body(), 200, answer.statusCode());
        return answer;
    }

    private static String type(HttpResponse<String> answer) {
        return answer.headers().firstValue("Content-Type").orElse(null);
    }

    @Test
    public void anAnswerIsGivenAgainAsItWasWrittenUntilTheVersionMoves() throws Exception {
        HttpResponse<String> written = get("fresh"); // written by the platform's JSON writer, never kept
        HttpResponse<String> first = get("overview");
        HttpResponse<String> again = get("overview");
        assertEquals(1, reads.get());
        assertEquals(written.body(), first.body());
        assertEquals(first.body(), again.body());
        assertEquals("{\"name\":\"Kindergarten readiness\",\"total\":1000,\"at\":\"2026-12-05T10:15:30Z\","
                + "\"partners\":[\"Riverbend Library\",\"Eastside \\\"Trust\\\"\"]}", again.body());
        assertEquals(type(written), type(first));
        assertEquals(type(first), type(again));

        data.incrementAndGet(); // a write committed
        assertEquals(first.body(), get("overview").body());
        assertEquals("read again after the write", 2, reads.get());
        get("overview?partner=1");
        assertEquals("another query is another answer", 3, reads.get());
    }

    @Test
    public void aLongListIsReadEachTime() throws Exception {
        String first = get("values").body();
        assertEquals(first, get("values").body());
        assertEquals(2, reads.get());
    }
}
