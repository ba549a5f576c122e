package org.civicbackbone.rest.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.ws.rs.PathParam;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;
import org.civicbackbone.api.problem.Violation;
import org.junit.Test;

public class InputDeclarationsTest {

    /** A resource method as modules write them: path and query parameters taken as text. */
    public String log(@PathParam("initiativeId") String id, @QueryParam("state") String state,
                      @QueryParam("from") String from) {
        return id + state + from;
    }

    @Test
    public void aMethodTakesTheQueryParametersItDeclaresAndNoOthers() throws Exception {
        assertEquals(Set.of("from", "state"), InputDeclarations.declared(getClass().getMethod("log", String.class,
                String.class, String.class)).query());
        assertEquals(Set.of(), InputDeclarations.declared(getClass().getMethod("aMethodTakesTheQueryParametersItDeclaresAndNoOthers")).query());
    }

    @Test
    public void anUnknownOrRepeatedParameterIsAFaultOfItsOwnAndAKnownOneOnceIsNot() {
        Map<String, List<String>> query = new LinkedHashMap<>();
        query.put("state", List.of("OPEN"));
        assertEquals(List.of(), InputDeclarations.faults(Set.of("from", "state"), query));
        query.put("stat", List.of("OPEN"));
        query.put("from", List.of("2026-01-01", "2026-02-01"));
        assertEquals(List.of(new Violation("stat", "unknown query parameter; expected one of [from, state]"),
                new Violation("from", "given 2 times; give it once")), InputDeclarations.faults(
                        new java.util.TreeSet<>(Set.of("from", "state")), query));
        assertEquals(List.of(new Violation("state", "unknown query parameter; this address takes none")),
                InputDeclarations.faults(Set.of(), Map.of("state", List.of("OPEN"))));
    }

    /** A query value is one line of text: a control character (a NUL PostgreSQL cannot compare) is a fault. */
    @Test
    public void aQueryValueWithAControlCharacterIsAFault() {
        assertEquals(List.of(new Violation("name", "must not contain control characters: U+0000 at character 2")),
                InputDeclarations.faults(Set.of("name"), Map.of("name", List.of("a\u0000b"))));
        assertEquals(List.of(new Violation("name", "must not contain control characters: U+000A at character 2")),
                InputDeclarations.faults(Set.of("name"), Map.of("name", List.of("a\nb"))));
        assertEquals(List.of(), InputDeclarations.faults(Set.of("name"), Map.of("name", List.of("Riverbend Café"))));
    }

    /** An action as modules write it: the acting user from the security context, no body. */
    public String withdraw(@PathParam("proposalId") long id, @Context SecurityContext security) {
        return id + security.toString();
    }

    /** A write that takes a body, checked by the validator: its annotations do not make it injected. */
    public String propose(@PathParam("initiativeId") String id, @Valid @NotNull Map<String, Object> spec,
                          @Context UriInfo uri) {
        return id + spec + uri;
    }

    @Test
    public void aMethodReadsABodyOnlyThroughAParameterThatIsNotInjected() throws Exception {
        assertFalse(InputDeclarations.declared(getClass().getMethod("withdraw", long.class, SecurityContext.class))
                .body());
        assertTrue(InputDeclarations.declared(getClass().getMethod("propose", String.class, Map.class, UriInfo.class))
                .body());
        assertFalse(InputDeclarations.declared(getClass().getMethod("log", String.class, String.class, String.class))
                .body());
    }

    @Test
    public void aBodySentWhereNoneIsTakenIsRefusedFieldByFieldUnlessItIsEmpty() throws Exception {
        InputDeclarations declarations = new InputDeclarations();
        assertEquals(List.of(), declarations.untakenBody(body("")));
        assertEquals(List.of(), declarations.untakenBody(body("  {} \n")));
        assertEquals(List.of(new Violation("reason", "unknown field; this address takes no body"),
                new Violation("submittedOn", "unknown field; this address takes no body")),
                declarations.untakenBody(body("{\"reason\":\"changed my mind\",\"submittedOn\":\"2020-01-01\"}")));
        Violation whole = new Violation("body", "this address takes no body; send none");
        assertEquals(List.of(whole), declarations.untakenBody(body("[1,2]")));
        assertEquals(List.of(whole), declarations.untakenBody(body("person,role\nAnn,chair")));
        assertEquals(List.of(whole), declarations.untakenBody(body("{\"a\":\"" + "x".repeat(20_000) + "\"}")));
    }

    private static java.io.InputStream body(String text) {
        return new java.io.ByteArrayInputStream(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
