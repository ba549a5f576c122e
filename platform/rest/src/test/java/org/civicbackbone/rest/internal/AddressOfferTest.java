package org.civicbackbone.rest.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.civicbackbone.api.problem.Violation;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import org.junit.Test;

/** What an address takes, read from resources shaped as the platform's are: a module's and the core's catch-all. */
public class AddressOfferTest {

    /** A module's resource: a list, its export, one item, a change of it and an import (read as declared). */
    @Path("/api/v1/initiatives/{initiativeId}/things")
    @Produces("application/json")
    @Consumes("application/json")
    public interface Things {
        @GET
        String list(@QueryParam("limit") int limit, @QueryParam("after") Long after, @QueryParam("q") String q);

        @POST
        String add(String body);

        @GET
        @Path("export")
        @Produces("text/csv")
        String export();

        @GET
        @Path("{id}")
        String one(@PathParam("initiativeId") String initiativeId, @PathParam("id") long id);

        @PUT
        @Path("{id}/status")
        String status(@PathParam("id") Integer id, String body);

        @GET
        @Path("by-state/{state}")
        String byState(@PathParam("state") State state, @QueryParam("tone") Tone tone);

        @POST
        @Path("import")
        @Consumes({"text/csv", "application/json"})
        String load(String body);
    }

    /** An enum read by its constants' names. */
    public enum State { OPEN, CLOSED }

    /** An enum that reads its values its own way, as CXF asks first. */
    public enum Tone {
        WARM, COOL;

        public static Tone fromString(String text) {
            return text.startsWith("w") ? WARM : COOL;
        }
    }

    /** The core's answers for a function that is not installed, under any address of an initiative. */
    @Path("/api/v1/initiatives")
    public interface Initiatives {
        @GET
        @Path("{initiativeId}/{function}/{rest: (.+)}")
        String absent(@PathParam("initiativeId") String initiativeId, @PathParam("rest") String rest);

        @DELETE
        @Path("{initiativeId}/{function}/{rest: .*}")
        String absentDelete();
    }

    private static final List<AddressOffer.Operation> SERVED = Stream.of(Things.class, Initiatives.class)
            .flatMap(resource -> AddressOffer.Operation.of(resource).stream()).toList();
    private static final String THINGS = "api/v1/initiatives/i-1/things";

    @Test
    public void aListTakesWhatItsOwnMethodsTakeNotTheCatchAll() {
        AddressOffer offer = AddressOffer.at(SERVED, THINGS, "DELETE");
        assertEquals(List.of("GET", "HEAD", "POST"), List.copyOf(offer.methods()));
        assertEquals(List.of(), List.copyOf(offer.consumed()));
        assertEquals(List.of("application/json"), List.copyOf(AddressOffer.at(SERVED, "/" + THINGS + "/", "POST")
                .consumed()));
    }

    @Test
    public void aLiteralAddressIsNotAlsoTheTemplateBesideIt() {
        AddressOffer export = AddressOffer.at(SERVED, THINGS + "/export", "GET");
        assertEquals(List.of("GET", "HEAD"), List.copyOf(export.methods()));
        assertEquals(List.of("text/csv"), List.copyOf(export.produced()));
        assertEquals(List.of("application/json"), List.copyOf(AddressOffer.at(SERVED, THINGS + "/7", "HEAD")
                .produced()));
        assertEquals(List.of("application/json", "text/csv"), List.copyOf(AddressOffer.at(SERVED, THINGS + "/import",
                "POST").consumed()));
    }

    @Test
    public void eachAddressHasItsOwnMethods() {
        assertEquals(List.of("PUT"), List.copyOf(AddressOffer.at(SERVED, THINGS + "/7/status", "GET").methods()));
        assertEquals(List.of("DELETE", "GET", "HEAD"), List.copyOf(AddressOffer.at(SERVED,
                "api/v1/initiatives/i-1/absent/x", "POST").methods()));
    }

    @Test
    public void anAddressNothingServesIsUnknown() {
        assertSame(AddressOffer.UNKNOWN, AddressOffer.at(SERVED, "api/v2/nowhere", "GET"));
        assertSame(AddressOffer.UNKNOWN, AddressOffer.at(List.of(), THINGS, "GET"));
    }

    /** A variable or query parameter its method reads as a number is named where the request holds something else. */
    @Test
    public void aValueThatIsNotTheNumberItsMethodReadsIsNamed() {
        assertEquals(new AddressOffer.Unreadable(List.of(new Violation("id", "'abc' is not a whole number")),
                List.of()), unreadable(THINGS + "/abc", "HEAD", Map.of()));
        assertEquals(List.of(new Violation("id", "'2147483648' is not a whole number from -2147483648 to 2147483647")),
                unreadable(THINGS + "/2147483648/status", "PUT", Map.of()).variables());
        assertEquals(List.of(), unreadable(THINGS + "/2147483648", "GET", Map.of()).variables());
        assertEquals(List.of(), unreadable(THINGS + "/export", "GET", Map.of()).variables());
        // each query value of each parameter the method reads as a number; text reads whatever it is
        assertEquals(List.of(new Violation("limit", "'ten' is not a whole number"), new Violation("limit",
                "'-99999999999' is not a whole number from -2147483648 to 2147483647")), unreadable(THINGS, "GET",
                Map.of("limit", new String[] {"ten", "-99999999999", "5"}, "after", new String[] {"7"},
                        "q", new String[] {"x"})).queryParameters());
        assertEquals(List.of(), unreadable(THINGS, "POST", Map.of("limit", new String[] {"ten"})).queryParameters());
        // text variables read whatever stands there, and a variable's own pattern's groups are not variables
        assertEquals(new AddressOffer.Unreadable(List.of(), List.of()),
                unreadable("api/v1/initiatives/i-1/absent/x/y", "GET", Map.of()));
        assertEquals(List.of("initiativeId", "function", "rest"), AddressOffer.Template.of(
                "/api/v1/initiatives/{initiativeId}/{function}/{rest: (.+)}").names());
        assertEquals(new AddressOffer.Unreadable(List.of(), List.of()), unreadable("api/v2/nowhere/abc", "GET",
                Map.of()));
    }

    /** A value none of its enum's constants is named with them, case counting; an enum's own reading is its own. */
    @Test
    public void aValueThatIsNoneOfItsEnumsConstantsIsNamedWithThem() {
        assertEquals(List.of(new Violation("state", "'open' is not one of OPEN, CLOSED")),
                unreadable(THINGS + "/by-state/open", "GET", Map.of()).variables());
        assertEquals(new AddressOffer.Unreadable(List.of(), List.of()),
                unreadable(THINGS + "/by-state/OPEN", "GET", Map.of("tone", new String[] {"anything"})));
    }

    private static AddressOffer.Unreadable unreadable(String path, String method, Map<String, String[]> query) {
        return AddressOffer.unreadable(SERVED, path, method, query::get);
    }
}
