package org.civicbackbone.api.module;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import org.junit.Test;

/** The columns a function declares are checked when its announcing component is created, not at the first merge. */
public class FunctionNamingOrganisationsTest {

    private static final FunctionDescriptor POLICY = new FunctionDescriptor("policy", "Policy", FunctionKind.POLICY,
            "Advance policy.");

    private static final class Announcing extends FunctionNamingOrganisations {
        Announcing(String... columns) {
            super(POLICY, columns);
        }
    }

    @Test
    public void plainTableColumnsAreTaken() {
        assertEquals("policy", new Announcing("pol_stance.organisation_id", "pol_coalition.member2_id").id());
    }

    @Test
    public void anythingElseIsRefusedNamingIt() {
        for (String bad : new String[] {"pol_stance", "pol_stance.organisation_id; DROP TABLE x", "Pol.Id",
                "pol_stance.organisation_id = 1 OR 1", ".organisation_id"}) {
            IllegalArgumentException refused = assertThrows(bad, IllegalArgumentException.class, () -> new Announcing(bad));
            assertEquals("not a table.column in lower case: " + bad, refused.getMessage());
        }
        assertThrows(IllegalArgumentException.class, Announcing::new);
    }
}
