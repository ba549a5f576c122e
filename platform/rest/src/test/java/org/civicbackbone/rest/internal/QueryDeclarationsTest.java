package org.civicbackbone.rest.internal;

import static org.junit.Assert.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.ws.rs.PathParam;
import javax.ws.rs.QueryParam;
import org.civicbackbone.api.problem.Violation;
import org.junit.Test;

public class QueryDeclarationsTest {

    /** A resource method as modules write them: path and query parameters taken as text. */
    public String log(@PathParam("initiativeId") String id, @QueryParam("state") String state,
                      @QueryParam("from") String from) {
        return id + state + from;
    }

    @Test
    public void aMethodTakesTheQueryParametersItDeclaresAndNoOthers() throws Exception {
        assertEquals(Set.of("from", "state"), QueryDeclarations.taken(getClass().getMethod("log", String.class,
                String.class, String.class)));
        assertEquals(Set.of(), QueryDeclarations.taken(getClass().getMethod("aMethodTakesTheQueryParametersItDeclaresAndNoOthers")));
    }

    @Test
    public void anUnknownOrRepeatedParameterIsAFaultOfItsOwnAndAKnownOneOnceIsNot() {
        Map<String, List<String>> query = new LinkedHashMap<>();
        query.put("state", List.of("OPEN"));
        assertEquals(List.of(), QueryDeclarations.faults(Set.of("from", "state"), query));
        query.put("stat", List.of("OPEN"));
        query.put("from", List.of("2026-01-01", "2026-02-01"));
        assertEquals(List.of(new Violation("stat", "unknown query parameter; expected one of [from, state]"),
                new Violation("from", "given 2 times; give it once")), QueryDeclarations.faults(
                        new java.util.TreeSet<>(Set.of("from", "state")), query));
        assertEquals(List.of(new Violation("state", "unknown query parameter; this address takes none")),
                QueryDeclarations.faults(Set.of(), Map.of("state", List.of("OPEN"))));
    }
}
