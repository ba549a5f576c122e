package org.civicbackbone.rest.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.QueryParam;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/**
 * What {@link ProblemMapper} answers for values a method could not read, in a real Jetty and CXF: the runtime's own
 * failure (a 404 caused by the conversion, as JAX-RS has it for the address and the query alike) is read against the
 * resources served. The platform's resources take query parameters as text; a plugin's may declare numbers.
 */
public class ProblemMapperOverHttpTest {

    private RestRuntime runtime;

    /** A plugin's resource that reads a number from its address and another from its query. */
    @Path("/questions")
    public static class Questions {
        @GET
        public String list(@QueryParam("limit") int limit, @QueryParam("q") String text) {
            return "[" + limit + "]";
        }

        @GET
        @Path("{questionId}")
        public String one(@PathParam("questionId") long id) {
            return "{\"id\":" + id + "}";
        }

        @GET
        @Path("{questionId}/answers")
        public String answers(@PathParam("questionId") long id, @QueryParam("state") State state) {
            return "\"" + state + "\"";
        }
    }

    /** What a plugin may read a query parameter as: JAX-RS reads an enum's constant by its name. */
    public enum State { OPEN, CLOSED }

    /**
     * A resource that takes any address below a first segment, as the stand-in for an absent module takes any below
     * an initiative: JAX-RS chooses a root resource by its own path first, so it never answers below /questions.
     */
    @Path("/{area}")
    public static class Elsewhere {
        @GET
        @Path("{rest: .+}")
        public String anything() {
            return "\"elsewhere\"";
        }
    }

    @Before
    public void start() throws Exception {
        runtime = new RestRuntime(new Questions(), new Elsewhere(), new JsonProvider(),
                new ProblemMapper(() -> List.of(Questions.class, Elsewhere.class,
                        ReceivedTest.Items.class), () -> { }));
    }

    @After
    public void stop() throws Exception {
        runtime.close();
    }

    @Test
    public void anAddressWhoseNumberIsNotOneNamesTheVariable() throws Exception {
        String body = answered("/api/questions/abc", 404);
        assertTrue(body, body.contains("\"detail\":\"There is nothing at this address: questionId 'abc' is not a "
                + "whole number.\""));
        assertTrue(body, body.contains("{\"field\":\"questionId\",\"message\":\"'abc' is not a whole number\"}"));
        assertEquals("{\"id\":7}", answered("/api/questions/7", 200));
    }

    @Test
    public void aQueryParameterThatIsNotTheNumberItsMethodReadsIsA400NamingIt() throws Exception {
        String body = answered("/api/questions?limit=ten&q=x", 400);
        assertTrue(body, body.contains("{\"field\":\"limit\",\"message\":\"'ten' is not a whole number\"}"));
        assertEquals("[5]", answered("/api/questions?limit=5&q=x", 200));
    }

    @Test
    public void aQueryParameterThatIsNoneOfItsEnumsConstantsIsA400NamingThem() throws Exception {
        String body = answered("/api/questions/7/answers?state=opened", 400);
        assertTrue(body, body.contains("{\"field\":\"state\",\"message\":\"'opened' is not one of OPEN, CLOSED\"}"));
        // CXF reads a constant by its name exactly: case counts
        body = answered("/api/questions/7/answers?state=open", 400);
        assertTrue(body, body.contains("{\"field\":\"state\",\"message\":\"'open' is not one of OPEN, CLOSED\"}"));
        assertEquals("\"CLOSED\"", answered("/api/questions/7/answers?state=CLOSED", 200));
        assertEquals("\"null\"", answered("/api/questions/7/answers", 200));
    }

    @Test
    public void anAddressNothingServesIsStillOnlyAbsent() throws Exception {
        // a resource beside the one chosen would take it, but the runtime never asks it: absent, not a gap
        assertEquals("\"elsewhere\"", answered("/api/answers/7/nothing", 200));
        String body = answered("/api/questions/7/nothing", 404);
        assertTrue(body, body.contains("\"detail\":\"There is nothing at this address.\""));
    }

    /**
     * Seen once at a busy start: health was registered and the node ready, but the servlet answering was the application
     * built before health came, whose 404 went out as the answer. It is a gap: a read is asked again and, the gap lasting
     * here, answered 503 to try again; a write 503 at once.
     */
    @Test
    public void anAddressARegisteredResourceTakesIsNotServedYetRatherThanAbsent() throws Exception {
        for (String method : List.of("GET", "POST")) {
            // registered, and not in the application the runtime serves (built before it came)
            HttpResponse<String> answer = runtime.send(method, "/api/items", method.equals("GET") ? null : "{}");
            assertEquals(method + " " + answer.body(), 503, answer.statusCode());
            assertEquals(method, "1", answer.headers().firstValue("Retry-After").orElse(null));
            assertTrue(answer.body(), answer.body().contains(ContainerRefusals.NOT_SERVED));
        }
        // a method the registered resource does not take there is not waited for
        assertEquals(404, runtime.send("DELETE", "/api/items", null).statusCode());
    }

    private String answered(String path, int status) throws Exception {
        HttpResponse<String> answer = runtime.send("GET", path, null);
        assertEquals(answer.body(), status, answer.statusCode());
        return answer.body();
    }
}
