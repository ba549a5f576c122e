package org.civicbackbone.rest.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import org.junit.Test;

/**
 * Which function a request belongs to: read from the matched resource's address template, never from the address
 * (the resource classes of {@link ReadCacheTest} stand for a function's, the initiatives' and the health resource).
 */
public class FunctionRequestGuardTest {

    /** A plugin declaring its addresses on the methods, under the initiatives' root. */
    @Path("api/v1/initiatives/")
    static class UnderTheRoot {
        @GET
        @Path("/{initiativeId}//learning/reports")
        public String reports() {
            return "";
        }

        @GET
        @Path("{initiativeId}")
        public String initiative() {
            return "";
        }
    }

    @Test
    public void aFunctionIsNamedByItsResourceClassOrByTheMethodUnderTheInitiativesRoot() throws Exception {
        assertEquals("example", functionOf(ReadCacheTest.InitiativeData.class, "items"));
        assertEquals("example", functionOf(ReadCacheTest.InitiativeData.class, "add"));
        assertEquals("learning", functionOf(UnderTheRoot.class, "reports"));
    }

    @Test
    public void thePlatformsOwnAddressesNameNoFunction() throws Exception {
        assertNull(functionOf(UnderTheRoot.class, "initiative"));
        assertNull(functionOf(ReadCacheTest.Initiatives.class, "list"));
        assertNull(functionOf(ReadCacheTest.Health.class, "health"));
        assertNull("no resource class matched", FunctionRequestGuard.functionOf(null,
                ReadCacheTest.Health.class.getMethod("health")));
    }

    /** The function of a resource class's method, found by its name. */
    private static String functionOf(Class<?> resource, String method) throws NoSuchMethodException {
        return FunctionRequestGuard.functionOf(resource, resource.getMethod(method));
    }
}
