package org.civicbackbone.policy.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.List;
import org.civicbackbone.api.initiative.BodySpec;
import org.civicbackbone.api.initiative.MembershipSpec;
import org.civicbackbone.api.initiative.Sector;
import org.civicbackbone.api.module.RememberedDemo;
import org.civicbackbone.api.store.BackboneStore;
import org.civicbackbone.testkit.InMemoryInitiatives;
import org.civicbackbone.testkit.InMemoryOrganisations;
import org.civicbackbone.testkit.RecordingAuditLog;
import org.civicbackbone.testkit.ScriptedDecisions;
import org.civicbackbone.testkit.TestStore;
import org.junit.Before;
import org.junit.Test;

/** The demo is loaded through the function's rules and remembered in the module's own table, once it is whole. */
public class PolicyDemoTest {

    private final BackboneStore store = TestStore.inMemory();
    private final InMemoryOrganisations organisations = new InMemoryOrganisations();
    private final InMemoryInitiatives initiatives = InMemoryInitiatives.with("town", Policy.FUNCTION_ID)
            .withOrganisations(organisations);
    private final Policy policy = new Policy(store, new RecordingAuditLog(store), initiatives, input -> { },
            new ScriptedDecisions(store), organisations);

    /** The demo's stances are the library's and the school district's: partners, each with a seat. */
    @Before
    public void seatTheDemoPartners() {
        long table = initiatives.addBody("town", new BodySpec("collaborative-table", "Table"), "test").id();
        for (String partner : List.of("Riverbend Public Library", "Riverbend Unified School District")) {
            initiatives.addMember("town", table, new MembershipSpec("Someone", null, partner, "member",
                    Sector.PUBLIC_AGENCY), "test");
        }
    }

    @Test
    public void aLoadedDemoIsRememberedForItsInitiativeOnly() {
        PolicyDemo demo = new PolicyDemo(policy);
        assertEquals(Policy.FUNCTION_ID, demo.functionId());
        assertFalse(demo.loadedInto("town"));
        demo.loadInto("town");
        assertEquals(2, policy.items("town").size());
        assertTrue(demo.loadedInto("town"));
        assertFalse(demo.loadedInto("elsewhere"));
        assertTrue("remembered in the module's table, read by a new component too",
                new PolicyDemo(policy).loadedInto("town"));
    }

    @Test
    public void aDemoThatFailsHalfWayIsNotRemembered() {
        RememberedDemo failing = new RememberedDemo(store, Policy.FUNCTION_ID, "pol_demo_loaded") {
            @Override
            protected void load(String initiativeId) {
                throw new IllegalStateException("the database went away");
            }
        };
        assertThrows(IllegalStateException.class, () -> failing.loadInto("town"));
        assertFalse(failing.loadedInto("town"));
    }

    @Test
    public void aTableNameThatIsNotPlainIsRefused() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> new RememberedDemo(
                store, Policy.FUNCTION_ID, "pol_demo_loaded; DROP TABLE pol_item") {
            @Override
            protected void load(String initiativeId) {
            }
        });
        assertTrue(refused.getMessage(), refused.getMessage().contains("not a table name"));
    }
}
