package org.civicbackbone.rest.internal;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.core.Response;
import org.civicbackbone.api.rest.Live;
import org.civicbackbone.api.rest.RestExtensions;
import org.junit.Test;

/** Which resource methods' answers may be given again: decided on the matched method, never on an address. */
public class ReadCacheTest {

    @Path(RestExtensions.INITIATIVE + "example")
    static class InitiativeData {
        @GET
        public List<String> items() {
            return List.of();
        }

        @GET
        @Live
        public String progress() {
            return "";
        }

        @GET
        public Response export() {
            return Response.ok().build();
        }

        @POST
        public String add() {
            return "";
        }
    }

    @Path(RestExtensions.API + "/initiatives")
    static class Initiatives {
        @GET
        public List<String> list() {
            return List.of();
        }
    }

    @Path(RestExtensions.API + "/health")
    static class Health {
        @GET
        public String health() {
            return "";
        }
    }

    private static boolean repeatable(Class<?> resource, String method) throws NoSuchMethodException {
        return ReadCache.repeatable(resource, resource.getMethod(method));
    }

    @Test
    public void readsOfInitiativesThatReturnTheirEntityAreRepeatable() throws Exception {
        assertTrue(repeatable(InitiativeData.class, "items"));
        assertTrue(repeatable(Initiatives.class, "list"));
    }

    @Test
    public void liveAnswersResponsesWritesAndThePlatformsOwnAddressesAreNot() throws Exception {
        assertFalse("held in memory", repeatable(InitiativeData.class, "progress"));
        assertFalse("may carry headers of its own", repeatable(InitiativeData.class, "export"));
        assertFalse("a write", repeatable(InitiativeData.class, "add"));
        assertFalse("health tells the modules' state", repeatable(Health.class, "health"));
        assertFalse("no resource class matched", ReadCache.repeatable(null, Health.class.getMethod("health")));
    }
}
