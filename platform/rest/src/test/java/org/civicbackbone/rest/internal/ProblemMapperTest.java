package org.civicbackbone.rest.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.util.List;
import java.util.TreeSet;
import javax.ws.rs.NotAcceptableException;
import javax.ws.rs.NotAllowedException;
import javax.ws.rs.NotFoundException;
import javax.ws.rs.NotSupportedException;
import javax.ws.rs.core.Response;
import org.civicbackbone.api.problem.Problem;
import org.civicbackbone.api.problem.ProblemException;
import org.civicbackbone.api.problem.Violation;
import org.junit.Test;

public class ProblemMapperTest {

    @Test
    public void anUnmatchedAddressIsAbsentOnceTheFrontFilterIsInPlace() {
        Response answer = ProblemMapper.answer(new NotFoundException(), true);
        assertEquals(404, answer.getStatus());
        assertEquals("There is nothing at this address.", ((Problem) answer.getEntity()).detail());
        assertNull(answer.getHeaderString("Retry-After"));
    }

    /** The start of a platform: the JAX-RS servlet answers before the web server put the front filter in front. */
    @Test
    public void anUnmatchedAddressOrMethodBeforeTheFrontFilterIsNotServedYet() {
        for (RuntimeException unmatched : new RuntimeException[] {new NotFoundException(),
                new NotAllowedException("GET")}) {
            Response answer = ProblemMapper.answer(unmatched, false);
            assertEquals(unmatched.toString(), 503, answer.getStatus());
            assertEquals("1", answer.getHeaderString("Retry-After"));
            assertEquals(Problem.MEDIA_TYPE, answer.getMediaType().toString());
            assertEquals(ContainerRefusals.NOT_SERVED, ((Problem) answer.getEntity()).detail());
        }
    }

    /**
     * A write that waited too long for a row another transaction held (a real H2's lock timeout, wrapped as the store
     * wraps it) changed nothing: 503 to send again, not the platform's own fault; any other database error stays 500.
     */
    @Test
    public void aWriteThatCouldNotWaitForAnotherOnTheSameRowIsToBeSentAgain() throws Exception {
        String url = "jdbc:h2:mem:contended;LOCK_TIMEOUT=100;DB_CLOSE_DELAY=-1";
        try (java.sql.Connection first = java.sql.DriverManager.getConnection(url);
             java.sql.Connection second = java.sql.DriverManager.getConnection(url);
             java.sql.Statement one = first.createStatement(); java.sql.Statement two = second.createStatement()) {
            one.execute("CREATE TABLE funder (id INT PRIMARY KEY, name VARCHAR(40))");
            one.execute("INSERT INTO funder VALUES (1, 'Eastside Trust')");
            first.setAutoCommit(false);
            second.setAutoCommit(false);
            one.executeUpdate("UPDATE funder SET name = 'Eastside Community Trust' WHERE id = 1");
            java.sql.SQLException refused = org.junit.Assert.assertThrows(java.sql.SQLException.class,
                    () -> two.executeUpdate("UPDATE funder SET name = 'Westside Trust' WHERE id = 1"));
            Response answer = ProblemMapper.answer(new IllegalStateException("Database error", refused), true);
            assertEquals(503, answer.getStatus());
            assertEquals("1", answer.getHeaderString("Retry-After"));
            assertEquals("urn:civicbackbone:problem:busy", ((Problem) answer.getEntity()).type());
            Response syntax = ProblemMapper.answer(new IllegalStateException(assertThrowsSql(two)), true);
            assertEquals(500, syntax.getStatus());
            assertNull(syntax.getHeaderString("Retry-After"));
        }
    }

    /**
     * A request the guard stopped at its deadline (it interrupts the request's thread) fails with whatever its wait
     * threw: not an unexpected failure of the platform, logged at ERROR, but the 503 the guard answers.
     */
    @Test
    public void aFailureOfARequestStoppedAtItsDeadlineIsNoFaultOfThePlatform() {
        Thread.currentThread().interrupt();
        try {
            Response answer = ProblemMapper.answer(new IllegalStateException("Interrupted while waiting for the lock "
                    + "'core:organisation:7'", new InterruptedException()), true);
            assertEquals(503, answer.getStatus());
            assertEquals("urn:civicbackbone:problem:stopped", ((Problem) answer.getEntity()).type());
        } finally {
            Thread.interrupted();
        }
        assertEquals(500, ProblemMapper.answer(new IllegalStateException("a fault"), true).getStatus());
    }

    private static java.sql.SQLException assertThrowsSql(java.sql.Statement statement) {
        return org.junit.Assert.assertThrows(java.sql.SQLException.class, () -> statement.execute("SELEC 1"));
    }

    /** A resource that was matched and answered 404 itself (no such initiative) says what is true, filter or not. */
    @Test
    public void aMatchedResourcesOwnNotFoundStands() {
        Response answer = ProblemMapper.answer(new ProblemException(Problem.notFound("No initiative 'x'.")), false);
        assertEquals(404, answer.getStatus());
        assertEquals(400, ProblemMapper.answer(new javax.ws.rs.BadRequestException(), false).getStatus());
    }

    /** A method, body type or answer type the address does not take: the answer says what it takes (RFC 9110). */
    @Test
    public void anUnmatchedMethodOrTypeIsAnsweredWithWhatTheAddressTakes() {
        AddressOffer offer = new AddressOffer(new TreeSet<>(List.of("GET", "HEAD", "POST")),
                new TreeSet<>(List.of("application/json")), new TreeSet<>(List.of("text/csv")));
        Response wrongMethod = ProblemMapper.answer(new NotAllowedException("GET"), true, "DELETE", offer);
        assertEquals(405, wrongMethod.getStatus());
        assertEquals("GET, HEAD, POST", wrongMethod.getHeaderString("Allow"));
        assertEquals("This address does not take DELETE; it takes GET, HEAD or POST.",
                ((Problem) wrongMethod.getEntity()).detail());
        assertEquals("This address takes application/json with POST; send the body as that (Content-Type).",
                ((Problem) ProblemMapper.answer(new NotSupportedException(), true, "POST", offer).getEntity()).detail());
        assertEquals("This address answers GET with text/csv only; ask for that (Accept) or for any type (*/*).",
                ((Problem) ProblemMapper.answer(new NotAcceptableException(), true, "GET", offer).getEntity()).detail());
    }

    /**
     * A value its method cannot read as the number it declares: in the address, a 404 naming the variable (an address
     * that cannot exist); in the query, a 400 naming the parameter, as the platform's own query parameters are.
     */
    @Test
    public void anUnreadableValueIsNamed() {
        Violation variable = new Violation("indicatorId", "'abc' is not a whole number");
        Violation parameter = new Violation("limit", "'ten' is not a whole number");
        Problem address = ProblemMapper.unreadableInput(new AddressOffer.Unreadable(List.of(variable),
                List.of(parameter)));
        assertEquals(404, address.status());
        assertEquals("There is nothing at this address: indicatorId 'abc' is not a whole number.", address.detail());
        assertEquals(List.of(variable), address.violations());
        Problem query = ProblemMapper.unreadableInput(new AddressOffer.Unreadable(List.of(), List.of(parameter)));
        assertEquals(400, query.status());
        assertEquals("limit: 'ten' is not a whole number", query.detail());
        assertEquals(List.of(parameter), query.violations());
        assertEquals(2, ProblemMapper.unreadableInput(new AddressOffer.Unreadable(List.of(), List.of(parameter,
                new Violation("before", "'x' is not a whole number")))).violations().size());
        assertNull(ProblemMapper.unreadableInput(new AddressOffer.Unreadable(List.of(), List.of())));
    }

    /** Where nothing is known of the address, the answers stay general, and a 405 has no made-up Allow. */
    @Test
    public void withNothingKnownTheAnswersStayGeneral() {
        Response wrongMethod = ProblemMapper.answer(new NotAllowedException("GET"), true);
        assertEquals("This address does not accept that method.", ((Problem) wrongMethod.getEntity()).detail());
        assertNull(wrongMethod.getHeaderString("Allow"));
        Response module = ProblemMapper.answer(new ProblemException(new Problem("about:blank", "Method Not Allowed",
                405, "the module's own words", List.of())), true, "PUT", new AddressOffer(new TreeSet<>(List.of("GET")),
                new TreeSet<>(), new TreeSet<>()));
        assertEquals("the module's own words", ((Problem) module.getEntity()).detail());
    }

    /** Only a caller that asks for particular types has its 404 read further (is it a 406?); any other costs nothing. */
    @Test
    public void anAcceptHeaderCountsOnlyWhenItAsksForParticularTypes() {
        assertEquals(List.of(), ProblemMapper.accepted(null));
        assertEquals(List.of(), ProblemMapper.accepted("text/csv, */*;q=0.1"));
        assertEquals(List.of(), ProblemMapper.accepted("text/csv, not a type/"));
        assertEquals(List.of("text/csv", "application/json"), ProblemMapper.accepted("text/csv, application/json;q=0.5")
                .stream().map(t -> t.getType() + "/" + t.getSubtype()).toList());
    }
}
