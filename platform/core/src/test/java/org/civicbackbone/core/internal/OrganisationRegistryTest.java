package org.civicbackbone.core.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.sql.Statement;
import java.util.List;
import org.civicbackbone.api.initiative.BodySpec;
import org.civicbackbone.api.initiative.GovernanceBody;
import org.civicbackbone.api.initiative.InitiativeSpec;
import org.civicbackbone.api.initiative.Membership;
import org.civicbackbone.api.initiative.MembershipSpec;
import org.civicbackbone.api.initiative.Organisation;
import org.civicbackbone.api.initiative.OrganisationSpec;
import org.civicbackbone.api.initiative.Sector;
import org.civicbackbone.api.problem.ProblemException;
import org.civicbackbone.store.internal.JdbcBackboneStore;
import org.civicbackbone.store.internal.MemoryStore;
import org.junit.Before;
import org.junit.Test;

/** The organisation registry on a real store: one record per organisation, however its partners spell it. */
public class OrganisationRegistryTest {

    private JdbcBackboneStore store;
    private JdbcAuditLog audit;
    private JdbcOrganisationRegistry registry;
    private JdbcInitiativeService initiatives;

    @Before
    public void setUp() {
        store = MemoryStore.fresh();
        audit = new JdbcAuditLog(store);
        registry = new JdbcOrganisationRegistry(store, audit);
        initiatives = new JdbcInitiativeService(store, audit, new LiveModuleCatalogue(), registry, new JdbcPersonRegistry(store, audit));
        initiatives.create(new InitiativeSpec("town", "Town", null, null, "nested", List.of()), "admin");
        initiatives.create(new InitiativeSpec("city", "City", null, null, "nested", List.of()), "admin");
    }

    private static OrganisationSpec spec(String name, List<String> aliases, Sector... sectors) {
        return new OrganisationSpec(name, aliases, List.of(sectors));
    }

    @Test
    public void otherSpellingsAndAliasesResolveToTheOneRecord() {
        Organisation trust = registry.register("town", spec("Eastside Trust", List.of("EST", "Eastside Community Trust"),
                Sector.PHILANTHROPY, Sector.FUNDER), "ann");
        assertEquals(List.of(Sector.PHILANTHROPY, Sector.FUNDER).stream().sorted().toList(),
                trust.sectors().stream().sorted().toList());
        for (String spelling : List.of("Eastside Trust Inc.", "the eastside trust", "EST", "Eastside Community Trust, LLC")) {
            assertEquals(spelling, trust.id(), registry.resolve("town", spelling).orElseThrow().id());
        }
        assertFalse("registries are per initiative", registry.resolve("city", "Eastside Trust").isPresent());
        assertFalse(registry.resolve("town", "Westside Trust").isPresent());
        assertTrue(audit.recent("town", 10).stream().anyMatch(e -> e.action().equals("organisation.register")));
    }

    @Test
    public void aNameOrAliasTakenByAnotherOrganisationIsRefusedAndNothingIsWritten() {
        registry.register("town", spec("Eastside Trust", List.of("EST"), Sector.FUNDER), "ann");
        Organisation school = registry.register("town", spec("Eastside School", List.of(), Sector.EDUCATION), "ann");
        assertStatus(409, () -> registry.register("town", spec("Eastside Trust, Inc.", List.of(), Sector.FUNDER), "ann"));
        assertStatus(409, () -> registry.register("town", spec("Other", List.of("est"), Sector.FUNDER), "ann"));
        assertStatus(409, () -> registry.update("town", school.id(), spec("Eastside School", List.of("EST"),
                Sector.EDUCATION), "ann"));
        assertStatus(400, () -> registry.register("town", spec("Youth Hub", List.of("The Youth Hub"), Sector.YOUTH), "ann"));
        assertStatus(400, () -> registry.register("town", spec("Youth Hub", List.of("!!!"), Sector.YOUTH), "ann"));
        assertStatus(404, () -> registry.register("nowhere", spec("Youth Hub", List.of(), Sector.YOUTH), "ann"));
        assertStatus(404, () -> registry.organisation("city", school.id()));
        assertEquals(List.of("Eastside School", "Eastside Trust"),
                registry.organisations("town").stream().map(Organisation::name).toList());
        assertEquals("the refused update left the school as it was", List.of(),
                registry.organisation("town", school.id()).aliases());
    }

    @Test
    public void anUpdateRenamesAndTheOldNameNoLongerResolves() {
        Organisation hub = registry.register("town", spec("Youth Hub", List.of("YH"), Sector.YOUTH), "ann");
        Organisation renamed = registry.update("town", hub.id(), spec("Riverside Youth Hub", List.of("Youth Hub"),
                Sector.YOUTH, Sector.HEALTH), "ann");
        assertEquals("Riverside Youth Hub", renamed.name());
        assertEquals(List.of("Youth Hub"), renamed.aliases());
        assertEquals(hub.id(), registry.resolve("town", "youth hub").orElseThrow().id());
        assertFalse(registry.resolve("town", "YH").isPresent());
    }

    @Test
    public void aSeatPointsToItsOrganisationAndRegistersOneTheRegistryLacks() {
        Organisation library = registry.register("town", spec("Riverbend Public Library", List.of(), Sector.PUBLIC_AGENCY), "ann");
        GovernanceBody board = initiatives.addBody("town", new BodySpec("partners", "Partners"), "ann");
        Membership known = initiatives.addMember("town", board.id(), new MembershipSpec("Ann", "ann",
                "The Riverbend Public Library", "chair", Sector.PUBLIC_AGENCY), "ann");
        assertEquals(Long.valueOf(library.id()), known.organisationId());
        Membership fresh = initiatives.addMember("town", board.id(), new MembershipSpec("Ben", "ben",
                "Northside Housing Co-op", "member", Sector.HOUSING), "ann");
        Organisation coop = registry.resolve("town", "Northside Housing Co-op").orElseThrow();
        assertEquals(Long.valueOf(coop.id()), fresh.organisationId());
        assertEquals(List.of(Sector.HOUSING), coop.sectors());
        assertEquals(List.of(library.id(), coop.id()), initiatives.members("town", board.id()).stream()
                .map(Membership::organisationId).toList());
    }

    @Test
    public void seatsWrittenBeforeTheRegistryAreLinkedAtStart() {
        GovernanceBody board = initiatives.addBody("town", new BodySpec("partners", "Partners"), "ann");
        store.inTransaction(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO core_membership (body_id, person, username, organisation, role, sector) VALUES ("
                        + board.id() + ", 'Cat', 'cat', 'Old Mill Foundation', 'member', 'FUNDER'), (" + board.id()
                        + ", 'Dan', 'dan', 'Old Mill Foundation, Inc.', 'member', 'FUNDER')");
            }
            return null;
        });
        new JdbcOrganisationRegistry(store, audit);
        Organisation mill = registry.resolve("town", "Old Mill Foundation").orElseThrow();
        assertEquals(List.of(mill.id(), mill.id()), initiatives.members("town", board.id()).stream()
                .map(Membership::organisationId).toList());
        assertEquals(1, registry.organisations("town").size());
    }

    private static void assertStatus(int status, Runnable call) {
        try {
            call.run();
            fail("expected " + status);
        } catch (ProblemException e) {
            assertEquals(e.problem().detail(), status, e.problem().status());
        }
    }
}
