package org.civicbackbone.rest.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;

import java.util.List;
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
import org.junit.Test;

/** What an address takes, read from resources shaped as the platform's are: a module's and the core's catch-all. */
public class AddressOfferTest {

    /** A module's resource: a list, its export, one item, a change of it and an import (read as declared). */
    @Path("/api/v1/initiatives/{initiativeId}/things")
    @Produces("application/json")
    @Consumes("application/json")
    public interface Things {
        @GET
        String list();

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

        @POST
        @Path("import")
        @Consumes({"text/csv", "application/json"})
        String load(String body);
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

    /** A variable its method reads as a number is named where the address holds something else there. */
    @Test
    public void aVariableThatIsNotTheNumberItsMethodReadsIsNamed() {
        assertEquals(List.of(new Violation("id", "must be a whole number; 'abc' is not one")),
                AddressOffer.unreadable(SERVED, THINGS + "/abc", "HEAD"));
        assertEquals(List.of(new Violation("id", "must be a whole number no larger than 2147483647; '2147483648' is "
                + "larger")), AddressOffer.unreadable(SERVED, THINGS + "/2147483648/status", "PUT"));
        assertEquals(List.of(), AddressOffer.unreadable(SERVED, THINGS + "/2147483648", "GET"));
        assertEquals(List.of(), AddressOffer.unreadable(SERVED, THINGS + "/export", "GET"));
        // text variables read whatever stands there, and a variable's own pattern's groups are not variables
        assertEquals(List.of(), AddressOffer.unreadable(SERVED, "api/v1/initiatives/i-1/absent/x/y", "GET"));
        assertEquals(List.of("initiativeId", "function", "rest"), AddressOffer.Template.of(
                "/api/v1/initiatives/{initiativeId}/{function}/{rest: (.+)}").names());
        assertEquals(List.of(), AddressOffer.unreadable(SERVED, "api/v2/nowhere/abc", "GET"));
    }
}
