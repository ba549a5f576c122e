package org.civicbackbone.rest.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/**
 * What the API's filters read of the servlet container, in a real Jetty and CXF: kept by {@link ContainerRefusals}
 * under {@code /api} and read as a property of the JAX-RS request; worked out from JAX-RS alone where the request did
 * not pass that filter.
 */
public class ReceivedTest {

    private volatile Received seen;
    private RestRuntime runtime;

    /** A resource with a read and a write, as the runtime serves them. */
    @Path("/items")
    public static class Items {
        @GET
        public String list() {
            return "[]";
        }

        @POST
        public String add(String body) {
            return body;
        }
    }

    /** A filter of the API's kind: it records what it was given. */
    private final class Recording implements ContainerRequestFilter {
        @Override
        public void filter(ContainerRequestContext request) {
            seen = Received.of(request);
        }
    }

    @Before
    public void start() throws Exception {
        runtime = new RestRuntime(new Items(), new Recording());
    }

    @After
    public void stop() throws Exception {
        runtime.close();
    }

    private int send(String method, String path, String body) throws Exception {
        return runtime.send(method, path, body).statusCode();
    }

    @Test
    public void behindTheFilterTheFiltersReadTheCallerTheRawQueryAndTheFramingAsJettyReceivedThem() throws Exception {
        assertEquals(200, send("GET", "/api/items?state=OPEN&name=a%20b", null));
        assertEquals(new Received("127.0.0.1", "state=OPEN&name=a%20b", false), seen);
        assertTrue(seen.hasQuery());

        assertEquals(200, send("POST", "/api/items", "a body"));
        assertEquals(new Received("127.0.0.1", null, true), seen);
        assertFalse(seen.hasQuery());
    }

    @Test
    public void withoutTheFilterTheQueryComesFromTheRequestsAddressAndABodyCountsAsPossible() throws Exception {
        for (String method : List.of("GET", "POST")) {
            assertEquals(200, send(method, "/bare/items?state=OPEN&name=a%20b", method.equals("GET") ? null : "x"));
            assertEquals(method, new Received("unknown", "state=OPEN&name=a%20b", true), seen);
        }
        assertEquals(200, send("GET", "/bare/items", null));
        assertFalse(seen.hasQuery());
    }
}
