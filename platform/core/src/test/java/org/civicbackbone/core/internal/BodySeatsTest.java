package org.civicbackbone.core.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.civicbackbone.api.initiative.BodySpec;
import org.civicbackbone.api.initiative.GovernanceBody;
import org.civicbackbone.api.initiative.InitiativeSpec;
import org.civicbackbone.api.initiative.Membership;
import org.civicbackbone.api.initiative.MembershipSpec;
import org.civicbackbone.api.initiative.Person;
import org.civicbackbone.api.initiative.PersonSpec;
import org.civicbackbone.api.initiative.Sector;
import org.civicbackbone.api.module.AccountabilityRule;
import org.civicbackbone.api.module.BodyRequirement;
import org.civicbackbone.api.module.DeclaredStructureModel;
import org.civicbackbone.api.module.DescribedFunction;
import org.civicbackbone.api.module.FunctionDescriptor;
import org.civicbackbone.api.module.FunctionKind;
import org.civicbackbone.api.problem.ProblemException;
import org.civicbackbone.store.internal.JdbcBackboneStore;
import org.civicbackbone.store.internal.MemoryStore;
import org.junit.Before;
import org.junit.Test;

/**
 * Initiatives, their bodies and seats on a real store: names their own, types checked against the model, changes
 * audited, retirement keeps the record.
 */
public class BodySeatsTest {

    private JdbcBackboneStore store;
    private JdbcAuditLog audit;
    private JdbcInitiativeService initiatives;
    private JdbcPersonRegistry people;

    @Before
    public void setUp() {
        store = MemoryStore.fresh();
        audit = new JdbcAuditLog(store);
        LiveModuleCatalogue catalogue = new LiveModuleCatalogue();
        catalogue.addModel(new DeclaredStructureModel("nested", "Nested", "test",
                List.of(new BodyRequirement("host-board", "Host board", "the host's board")),
                List.<AccountabilityRule>of()) {
        }, null);
        catalogue.addFunction(new DescribedFunction(new FunctionDescriptor("policy", "Policy", FunctionKind.POLICY,
                "test")) {
        }, null);
        people = new JdbcPersonRegistry(store, audit);
        initiatives = new JdbcInitiativeService(store, audit, catalogue, new JdbcOrganisationRegistry(store, audit),
                people);
        initiatives.create(new InitiativeSpec("town", "Town", null, null, "nested", List.of()), "admin");
        initiatives.create(new InitiativeSpec("village", "Village", null, null, "volunteer", List.of()), "admin");
    }

    @Test
    public void bodyTypesAreTheModelsThePlatformsOrDeclaredCustom() {
        assertEquals("host-board", initiatives.addBody("town", new BodySpec("host-board", "Board"), "ann").type());
        assertEquals("partners", initiatives.addBody("town", new BodySpec("partners", "Partners"), "ann").type());
        assertRefused(400, "type", () -> initiatives.addBody("town", new BodySpec("host-bord", "Typo"), "ann"));
        GovernanceBody youth = initiatives.addBody("town", new BodySpec("youth-council", "Youth council", true), "ann");
        assertTrue(youth.custom());
        assertRefused(400, "type", () -> initiatives.updateBody("town", youth.id(), new BodySpec("youth-council",
                "Youth council"), "ann"));
        assertRefused(400, "cannot be checked", () -> initiatives.addBody("village", new BodySpec("volunteer-team",
                "Team"), "ann"));
        assertEquals(3, initiatives.bodies("town").size());
        // a sitting body's name is its own; a retired one's may be taken again
        assertRefused(409, "field=name, message=is the name of body " + youth.id(), () -> initiatives.addBody("town",
                new BodySpec("partners", " YOUTH  council"), "ann"));
        assertRefused(409, "field=name", () -> initiatives.updateBody("town", youth.id(), new BodySpec("partners",
                "Partners"), "ann"));
        initiatives.retireBody("town", youth.id(), "ann");
        assertEquals("partners", initiatives.addBody("town", new BodySpec("partners", "Youth council"), "ann").type());
    }

    @Test
    public void retiringABodyRetiresItsSeatsAndKeepsBothOnRecord() throws Exception {
        GovernanceBody board = initiatives.addBody("town", new BodySpec("host-board", "Board"), "ann");
        Membership ann = initiatives.addMember("town", board.id(), new MembershipSpec("Ann", "ann", "Library", "chair",
                Sector.PUBLIC_AGENCY), "admin");
        initiatives.addMember("town", board.id(), new MembershipSpec("Ben", "ben", "School", "member",
                Sector.EDUCATION), "admin");
        Membership renamed = initiatives.updateMember("town", board.id(), ann.id(), new MembershipSpec("Ann Lee", "ann",
                "Library", "co-chair", Sector.PUBLIC_AGENCY), "admin");
        assertEquals("co-chair", renamed.role());
        GovernanceBody retired = initiatives.retireBody("town", board.id(), "admin");
        assertNotNull(retired.retiredAt());
        assertEquals(List.of(), initiatives.bodies("town"));
        assertEquals(List.of(), initiatives.members("town"));
        assertRefused(409, "retired", () -> initiatives.retireBody("town", board.id(), "admin"));
        assertRefused(409, "retired", () -> initiatives.addMember("town", board.id(), new MembershipSpec("Cy", null,
                "Bank", "member", Sector.BUSINESS), "admin"));
        assertEquals("both seats are kept, retired", 2, (int) store.read(c -> {
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                    "SELECT COUNT(*) FROM core_membership WHERE retired_at IS NOT NULL AND body_id = " + board.id())) {
                r.next();
                return r.getInt(1);
            }
        }));
        List<String> actions = audit.recent("town", 20).stream().map(e -> e.action()).toList();
        assertTrue(actions.toString(), actions.containsAll(List.of("membership.update", "body.retire")));
    }

    /**
     * A rule of another module that stands on who sits where reads the seats held ({@code heldSeats}): a seat retired
     * at that moment waits for the rule's transaction to end, so what the rule read is still so when it commits.
     */
    @Test
    public void aSeatRetiredWhileARuleHoldsTheSeatsWaitsForItsCommit() throws Exception {
        GovernanceBody board = initiatives.addBody("town", new BodySpec("host-board", "Board"), "ann");
        GovernanceBody partners = initiatives.addBody("town", new BodySpec("partners", "Partners"), "ann");
        Membership maria = initiatives.addMember("town", board.id(), new MembershipSpec("Maria Alvarez", "maria",
                "United Way", "chair", Sector.NONPROFIT), "ann");
        initiatives.addMember("town", partners.id(), new MembershipSpec("Sam Okafor", "sam", "Library", "member",
                Sector.PUBLIC_AGENCY), "ann");
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            java.util.concurrent.atomic.AtomicReference<java.util.concurrent.Future<Membership>> retire =
                    new java.util.concurrent.atomic.AtomicReference<>();
            List<Membership> read = store.inTransaction(c -> {
                List<Membership> held = initiatives.heldSeats(c, "town", List.of("host-board"));
                retire.set(threads.submit(() -> initiatives.retireMember("town", board.id(), maria.id(), "sec")));
                OtherRequest.giveTwoSeconds(retire.get());
                assertFalse("the retirement waits for the transaction that holds the seats", retire.get().isDone());
                return held;
            });
            assertEquals("the seats of the types asked", List.of(maria.id()), read.stream().map(Membership::id).toList());
            assertNotNull(retire.get().get(30, java.util.concurrent.TimeUnit.SECONDS).retiredAt());
            assertTrue(store.inTransaction(c -> initiatives.heldSeats(c, "town", List.of("host-board"))).isEmpty());
            assertRefused(404, "village2", () -> store.inTransaction(c -> initiatives.heldSeats(c, "village2",
                    List.of("host-board"))));
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    public void aRetiredSeatLeavesItsBodyAndTakesNoChanges() {
        GovernanceBody board = initiatives.addBody("town", new BodySpec("host-board", "Board"), "ann");
        Membership ann = initiatives.addMember("town", board.id(), new MembershipSpec("Ann", "ann", "Library", "chair",
                Sector.PUBLIC_AGENCY), "admin");
        assertNotNull(initiatives.retireMember("town", board.id(), ann.id(), "admin").retiredAt());
        assertEquals(List.of(), initiatives.members("town", board.id()));
        assertRefused(409, "retired", () -> initiatives.retireMember("town", board.id(), ann.id(), "admin"));
        assertRefused(404, "no seat", () -> initiatives.retireMember("town", board.id(), 999, "admin"));
    }

    /** A seat on the backbone team grants staff access: only a hire makes one, whoever calls the core's service. */
    @Test
    public void seatsOnTheBackboneTeamAreHiresAndNoBodyBecomesTheTeamWithItsMembers() {
        GovernanceBody team = initiatives.addBody("town", new BodySpec("backbone-team", "Team"), "ann");
        MembershipSpec pat = new MembershipSpec("Pat", "pat", "Host", "director", Sector.NONPROFIT);
        assertRefused(409, "is a hire", () -> initiatives.addMember("town", team.id(), pat, "ann"));
        Membership hired = store.inTransaction(c -> initiatives.seatOnce(c, "town", team.id(), pat, "system"));
        assertRefused(409, "is a hire", () -> initiatives.updateMember("town", team.id(), hired.id(),
                new MembershipSpec("Someone Else", "else", "Host", "director", Sector.NONPROFIT), "ann"));
        assertEquals(List.of("Pat"), initiatives.members("town", team.id()).stream().map(Membership::person).toList());

        GovernanceBody partners = initiatives.addBody("town", new BodySpec("partners", "Partners"), "ann");
        Membership bob = initiatives.addMember("town", partners.id(), new MembershipSpec("Bob", "bob", "Library",
                "member", Sector.PUBLIC_AGENCY), "ann");
        assertRefused(409, "field=type, message=would make the 1 member(s) of 'Partners' backbone staff",
                () -> initiatives.updateBody("town", partners.id(), new BodySpec("backbone-team", "Partners"), "ann"));
        assertEquals("partners", initiatives.bodies("town").stream().filter(b -> b.id() == partners.id())
                .findFirst().orElseThrow().type());
        // once its seats are retired it may; the team may become another type, its members then no longer staff
        initiatives.retireMember("town", partners.id(), bob.id(), "ann");
        assertEquals("backbone-team", initiatives.updateBody("town", partners.id(),
                new BodySpec("backbone-team", "Second team"), "ann").type());
        assertEquals("partners", initiatives.updateBody("town", team.id(), new BodySpec("partners", "Team"), "ann")
                .type());
    }

    @Test
    public void aPersonSittingOnTwoBodiesIsOnRecordOnceAndARenameReachesEverySeat() {
        TwoBodies bodies = new TwoBodies(initiatives.addBody("town", new BodySpec("host-board", "Board"), "a"),
                initiatives.addBody("town", new BodySpec("partners", "Partners"), "a"));
        Membership onBoard = initiatives.addMember("town", bodies.first().id(), new MembershipSpec("Ann Lee", "ann",
                "Library", "chair", Sector.PUBLIC_AGENCY), "admin");
        Membership asPartner = initiatives.addMember("town", bodies.second().id(), new MembershipSpec("A. Lee", "ann",
                "Library", "partner", Sector.PUBLIC_AGENCY), "admin");
        assertEquals("one login, one person", onBoard.personId(), asPartner.personId());
        assertEquals("the seat takes the name on record", "Ann Lee", asPartner.person());
        Person ann = people.person("town", onBoard.personId());
        Person ben = people.register("town", new PersonSpec("Ben Okafor", null), "admin");
        Membership byId = initiatives.addMember("town", bodies.first().id(), new MembershipSpec(null, null, "School",
                "member", Sector.EDUCATION, ben.id()), "admin");
        assertEquals("Ben Okafor", byId.person());
        assertRefused(409, "field=username, message=is person " + ann.id() + "'s login", () -> people.update("town",
                ben.id(), new PersonSpec("Ben Okafor", "ann"), "admin"));
        people.update("town", ann.id(), new PersonSpec("Ann Lee-Marsh", "alee"), "admin");
        assertEquals(List.of("Ann Lee-Marsh", "Ann Lee-Marsh"), people.seats("town", ann.id()).stream()
                .map(Membership::person).toList());
        assertEquals(List.of("alee", "alee"), people.seats("town", ann.id()).stream().map(Membership::username).toList());
        assertEquals(2, people.people("town").size());
        // the body names a person the initiative does not have: the request is at fault, not its address
        assertRefused(400, "personId", () -> initiatives.addMember("town", bodies.first().id(), new MembershipSpec(null,
                null, "School", "member", Sector.EDUCATION, 999L), "admin"));
        assertRefused(400, "has no person 999 on record", () -> initiatives.updateMember("town", bodies.first().id(),
                byId.id(), new MembershipSpec(null, null, "School", "member", Sector.EDUCATION, 999L), "admin"));
        assertEquals("Ben Okafor", initiatives.members("town", bodies.first().id()).stream()
                .filter(m -> m.id() == byId.id()).findFirst().orElseThrow().person());
    }

    @Test
    public void aPersonHoldsOneSeatOfABodyWhicheverWayTheyAreNamed() {
        GovernanceBody board = initiatives.addBody("town", new BodySpec("host-board", "Board"), "ann");
        Membership ann = initiatives.addMember("town", board.id(), new MembershipSpec("Ann Lee", "ann", "Library",
                "chair", Sector.PUBLIC_AGENCY), "admin");
        Membership ben = initiatives.addMember("town", board.id(), new MembershipSpec("Ben Okafor", null, "School",
                "member", Sector.EDUCATION), "admin");
        assertRefused(409, "already holds seat " + ann.id() + " of this body (as chair)", () -> initiatives.addMember(
                "town", board.id(), new MembershipSpec("A. Lee", "ann", "Library", "member", Sector.PUBLIC_AGENCY),
                "admin"));
        assertRefused(409, "field=personId, message=already holds seat " + ben.id(), () -> initiatives.addMember("town", board.id(),
                new MembershipSpec(null, null, "School", "member", Sector.EDUCATION, ben.personId()), "admin"));
        assertRefused(409, "field=person, message=already holds seat " + ann.id(), () -> initiatives.updateMember("town", board.id(),
                ben.id(), new MembershipSpec("Ann Lee", "ann", "Library", "member", Sector.PUBLIC_AGENCY), "admin"));
        assertEquals("a seat changed for its own holder is no second seat", "co-chair", initiatives.updateMember("town",
                board.id(), ann.id(), new MembershipSpec(null, null, "Library", "co-chair", Sector.PUBLIC_AGENCY,
                        ann.personId()), "admin").role());
        initiatives.retireMember("town", board.id(), ben.id(), "admin");
        assertEquals("a retired seat is no longer held", "member", initiatives.addMember("town", board.id(),
                new MembershipSpec(null, null, "School", "member", Sector.EDUCATION, ben.personId()), "admin").role());
        // an approved hire of a person already on the body keeps their one seat: the decision applies all the same
        Membership again = store.inTransaction(c -> initiatives.seatOnce(c, "town", board.id(), new MembershipSpec(
                "Ann Lee", "ann", "Library", "director", Sector.NONPROFIT), "system"));
        assertEquals(ann.id(), again.id());
        assertEquals(2, initiatives.members("town", board.id()).size());
    }

    @Test
    public void aPersonWithoutALoginIsToldApartByNameAndNotEnteredTwice() {
        GovernanceBody board = initiatives.addBody("town", new BodySpec("host-board", "Board"), "ann");
        Person ann = people.register("town", new PersonSpec("Ann Lee", "ann"), "admin");
        assertRefused(409, "field=name, message=is person " + ann.id() + "'s name already", () -> people.register(
                "town", new PersonSpec(" ann lee", null), "admin"));
        assertEquals("a login tells a namesake apart", "ann.lee", people.register("town", new PersonSpec("Ann Lee",
                "ann.lee"), "admin").username());
        Person ben = people.register("town", new PersonSpec("Ben Okafor", null), "admin");
        assertRefused(409, "field=name", () -> people.update("town", ben.id(), new PersonSpec("Ann Lee", null),
                "admin"));
        assertRefused(409, "field=person", () -> initiatives.addMember("town", board.id(), new MembershipSpec("Ann Lee",
                null, "Library", "member", Sector.PUBLIC_AGENCY), "admin"));
        assertEquals("a seat by name finds the one without a login", ben.id(), (long) initiatives.addMember("town",
                board.id(), new MembershipSpec("ben okafor", null, "School", "member", Sector.EDUCATION), "admin")
                .personId());
        assertEquals(3, people.people("town").size());
    }

    @Test
    public void aLoginNamedForAPersonOrASeatIsOneTheRealmCouldHave() {
        GovernanceBody board = initiatives.addBody("town", new BodySpec("host-board", "Board"), "ann");
        assertRefused(400, "username", () -> people.register("town", new PersonSpec("Ann Lee", "ann lee"), "admin"));
        assertRefused(400, "'Ann' must be 2 to 64 lower-case letters", () -> initiatives.addMember("town", board.id(),
                new MembershipSpec("Ann Lee", "Ann", "Library", "chair", Sector.PUBLIC_AGENCY), "admin"));
        assertEquals("nothing was recorded", List.of(), people.people("town"));
        Person ann = people.register("town", new PersonSpec("Ann Lee", " ann.lee "), "admin");
        assertEquals("ann.lee", ann.username());
        assertRefused(400, "username", () -> people.update("town", ann.id(), new PersonSpec("Ann Lee", "ann@lee"),
                "admin"));
        assertEquals("blank is no login", null, people.update("town", ann.id(), new PersonSpec("Ann Lee", " "), "admin")
                .username());
    }

    @Test
    public void aPersonsEmailAddressIsKeptChangedAndFoundByLogin() {
        Person ann = people.register("town", new PersonSpec("Ann Lee", "ann", " ann@town.example "), "admin");
        assertEquals("stripped", "ann@town.example", ann.email());
        people.register("village", new PersonSpec("Ann Lee", "ann", "ann@village.example"), "admin");
        people.register("village", new PersonSpec("Ben Okafor", "ben", "ben@village.example"), "admin");
        assertEquals("every initiative's record of the login, by initiative",
                List.of("ann@town.example", "ann@village.example"),
                people.withLogin("ann").stream().map(Person::email).toList());
        people.register("village", new PersonSpec("Cy Dunn", null, "cy@village.example"), "admin");
        assertEquals("every login's records in one read, by login and then initiative; none without a login",
                List.of("ann@town.example", "ann@village.example", "ben@village.example"),
                people.withAnyLogin().stream().map(Person::email).toList());
        // a change replaces the address; blank is none
        assertEquals("ann.lee@town.example", people.update("town", ann.id(),
                new PersonSpec("Ann Lee", "ann", "ann.lee@town.example"), "admin").email());
        assertEquals(null, people.update("town", ann.id(), new PersonSpec("Ann Lee", "ann", " "), "admin").email());
        assertEquals(null, people.person("town", ann.id()).email());
        assertTrue("the audit log says the address went", audit.recent("town", 10).stream()
                .anyMatch(e -> e.detail().contains("no e-mail address")));
        assertEquals(List.of(), people.withLogin("nobody"));
    }

    /** Two bodies of a test. */
    private record TwoBodies(GovernanceBody first, GovernanceBody second) {
    }

    private static void assertRefused(int status, String words, Runnable call) {
        try {
            call.run();
            fail("expected " + status);
        } catch (ProblemException e) {
            assertEquals(e.problem().toString(), status, e.problem().status());
            String text = e.problem().detail() + e.problem().violations();
            assertTrue(text, text.contains(words));
        }
    }

    /** A second click seats nobody twice: a person by any spelling of their name, an organisation by any of its. */
    @Test
    public void aSecondClickSeatsNobodyTwice() {
        GovernanceBody board = initiatives.addBody("town", new BodySpec("host-board", "Board"), "ann");
        initiatives.addMember("town", board.id(), new MembershipSpec("Linh Tran", null, "Library", "member",
                Sector.PUBLIC_AGENCY), "ann");
        assertRefused(409, "already holds seat", () -> initiatives.addMember("town", board.id(), new MembershipSpec(
                " linh  TRAN", null, "Library", "member", Sector.PUBLIC_AGENCY), "ann"));
        new JdbcOrganisationRegistry(store, audit).register("town", new org.civicbackbone.api.initiative
                .OrganisationSpec("Riverbend Community Foundation", List.of("RCF"), List.of(Sector.PHILANTHROPY)), "ann");
        Membership host = initiatives.addMember("town", board.id(), new MembershipSpec(null, null,
                "Riverbend Community Foundation", "fiscal host", Sector.PHILANTHROPY), "ann");
        assertRefused(409, "holds seat " + host.id() + " of this body as fiscal host already", () ->
                initiatives.addMember("town", board.id(), new MembershipSpec(null, null, "RCF", "Fiscal  host",
                        Sector.PHILANTHROPY), "ann"));
        assertEquals("another role is another seat", "funder", initiatives.addMember("town", board.id(),
                new MembershipSpec(null, null, "RCF", "funder", Sector.PHILANTHROPY), "ann").role());
        assertEquals(3, initiatives.members("town").size());
    }

    /** People pick an initiative by its name: two of one name would be told apart by their ids only. */
    @Test
    public void anInitiativesNameIsItsOwn() {
        assertRefused(409, "is the name of initiative 'town'", () -> initiatives.create(new InitiativeSpec("town-2",
                " town ", null, null, "nested", List.of()), "admin"));
        assertRefused(409, "is the name of initiative 'village'", () -> initiatives.update("town",
                new InitiativeSpec(null, "VILLAGE", null, null, "nested", List.of()), "admin"));
        assertEquals("a new spelling of its own name", "TOWN", initiatives.update("town", new InitiativeSpec(null,
                "TOWN", null, null, "nested", List.of()), "admin").name());
        assertEquals(2, initiatives.list().size());
    }

    @Test
    public void oneSeatForOnePersonSeatedByEightClicksAtOnce() throws Exception {
        GovernanceBody board = initiatives.addBody("town", new BodySpec("host-board", "Board"), "ann");
        List<String> spellings = List.of("Zoe Park", "zoe park", "ZOE PARK", " Zoe Park", "Zoe  Park", "zoe Park",
                "Zoe park", "ZOE  park");
        java.util.concurrent.atomic.AtomicInteger click = new java.util.concurrent.atomic.AtomicInteger();
        assertEquals(AtOneMoment.oneCreatedTheRestConflicting(8), AtOneMoment.answers(8, () -> initiatives.addMember(
                "town", board.id(), new MembershipSpec(spellings.get(click.getAndIncrement()), null, "Library",
                        "member", Sector.NONPROFIT), "ann")));
        assertEquals("one person recorded, one seat", 1, people.people("town").size());
        assertEquals(1, initiatives.members("town", board.id()).size());
    }

    /** A retirement sent eight times at once retires once: one answer, seven 409s, one entry in the audit log each. */
    @Test
    public void aSeatAndABodyRetiredByEightClicksAtOnceAreRetiredOnce() throws Exception {
        GovernanceBody board = initiatives.addBody("town", new BodySpec("host-board", "Board"), "ann");
        Membership ann = initiatives.addMember("town", board.id(), new MembershipSpec("Ann", "ann", "Library", "chair",
                Sector.PUBLIC_AGENCY), "admin");
        assertEquals(AtOneMoment.oneCreatedTheRestConflicting(8), AtOneMoment.answers(8,
                () -> initiatives.retireMember("town", board.id(), ann.id(), "admin")));
        assertEquals(AtOneMoment.oneCreatedTheRestConflicting(8), AtOneMoment.answers(8,
                () -> initiatives.retireBody("town", board.id(), "admin")));
        List<String> actions = audit.recent("town", 50).stream().map(e -> e.action()).toList();
        assertEquals(1, actions.stream().filter("membership.retire"::equals).count());
        assertEquals(1, actions.stream().filter("body.retire"::equals).count());
    }

    /**
     * A function enabled, or an initiative renamed, by eight requests at once: found over HTTP on PostgreSQL, where
     * three of sixteen enables answered 500 on the functions' key and sixteen renames were logged sixteen times. Each
     * is done and logged once; the others find nothing left to change.
     */
    @Test
    public void aFunctionEnabledOrAnInitiativeRenamedByEightClicksAtOnceIsDoneOnce() throws Exception {
        assertEquals(List.of(201, 201, 201, 201, 201, 201, 201, 201), AtOneMoment.answers(8,
                () -> initiatives.enableFunction("town", "policy", "admin")));
        InitiativeSpec renamed = new InitiativeSpec(null, "Town Reads", null, null, "nested", List.of("policy"));
        assertEquals(List.of(201, 201, 201, 201, 201, 201, 201, 201), AtOneMoment.answers(8,
                () -> initiatives.update("town", renamed, "admin")));
        List<String> logged = audit.recent("town", 50).stream().filter(e -> !e.action().startsWith("initiative.create"))
                .map(e -> e.action() + ": " + e.detail()).toList();
        assertEquals(List.of("initiative.update: name 'Town' to 'Town Reads'", "function.enable: policy"), logged);
    }
}
