package org.civicbackbone.engagement.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.List;
import org.civicbackbone.api.decision.Proposal;
import org.civicbackbone.api.decision.ProposalState;
import org.civicbackbone.api.initiative.BodySpec;
import org.civicbackbone.api.initiative.GovernanceBody;
import org.civicbackbone.api.initiative.Membership;
import org.civicbackbone.api.initiative.MembershipSpec;
import org.civicbackbone.api.initiative.Sector;
import org.civicbackbone.api.module.AccountabilityRule;
import org.civicbackbone.api.module.ApprovalStep;
import org.civicbackbone.api.module.BodyRequirement;
import org.civicbackbone.api.module.DecisionRule;
import org.civicbackbone.api.module.DecisionType;
import org.civicbackbone.api.module.StructureModel;
import org.civicbackbone.api.problem.ProblemException;
import org.civicbackbone.api.store.BackboneStore;
import org.civicbackbone.engagement.internal.Engagement.Communication;
import org.civicbackbone.engagement.internal.Engagement.CommunicationSpec;
import org.civicbackbone.engagement.internal.Engagement.Kind;
import org.civicbackbone.engagement.internal.Engagement.StatementSpec;
import org.civicbackbone.engagement.internal.Engagement.Status;
import org.civicbackbone.testkit.InMemoryInitiatives;
import org.civicbackbone.testkit.ModelRuleBook;
import org.civicbackbone.testkit.RecordingAuditLog;
import org.civicbackbone.testkit.ScriptedDecisions;
import org.civicbackbone.testkit.TestStore;
import org.junit.Before;
import org.junit.Test;

/** Who may speak for an initiative, decided by its rules in force, on a real (in-memory) database. */
public class CommunityEngagementTest {

    /** A model in which the steering committee decides who speaks; the partners may be added by adjustment. */
    private static final StructureModel MODEL = new StructureModel() {
        public String id() {
            return "test-model";
        }

        public String name() {
            return "Test model";
        }

        public String description() {
            return "the steering committee speaks for the initiative";
        }

        public List<BodyRequirement> requiredBodies() {
            return List.of(new BodyRequirement("steering-committee", "Steering committee", "decides"),
                    new BodyRequirement("partners", "Partners", "do the work"));
        }

        public List<AccountabilityRule> accountabilityRules() {
            return List.of(new AccountabilityRule(DecisionType.SPEAK_ON_BEHALF,
                    List.of(new ApprovalStep("steering-committee", DecisionRule.MAJORITY)), "the committee speaks"));
        }
    };

    private CommunityEngagement engagement;
    private ScriptedDecisions decisions;
    private ModelRuleBook rules;
    private RecordingAuditLog audit;
    private BackboneStore store;
    private InMemoryInitiatives initiatives;

    @Before
    public void setUp() {
        store = TestStore.inMemory();
        audit = new RecordingAuditLog(store);
        decisions = new ScriptedDecisions(store);
        rules = new ModelRuleBook(MODEL, decisions);
        decisions.stepsFrom(rules);
        initiatives = InMemoryInitiatives.with("town", CommunityEngagement.FUNCTION_ID);
        long committee = initiatives.addBody("town", new BodySpec("steering-committee", "Steering committee"), "t").id();
        long partners = initiatives.addBody("town", new BodySpec("partners", "Partners"), "t").id();
        initiatives.addMember("town", committee, new MembershipSpec("Maria Alvarez", "maria", "United Way", "chair",
                Sector.NONPROFIT), "t");
        initiatives.addMember("town", partners, new MembershipSpec("Sam Okafor", "sam", "Library", "member",
                Sector.PUBLIC_AGENCY), "t");
        engagement = new CommunityEngagement(store, audit, initiatives, input -> { }, decisions, rules);
    }

    private CommunicationSpec speaking(String spokesperson) {
        return new CommunicationSpec(Kind.values()[0], "Reading week", "All of us read.", List.of("read"),
                spokesperson);
    }

    @Test
    public void onlyTheBodiesTheRulesInForceNameMaySpeakAndAnAdoptedAdjustmentAddsItsBody() {
        assertEquals(List.of("Maria Alvarez"), engagement.authorisedSpokespeople("town"));
        ProblemException refused = assertThrows(ProblemException.class,
                () -> engagement.draft("town", speaking("Sam Okafor"), "staff"));
        assertEquals("spokesperson", refused.problem().violations().get(0).field());
        assertTrue(engagement.communications("town").isEmpty());

        Proposal adjustment = rules.proposeRule("town", DecisionType.SPEAK_ON_BEHALF, List.of(
                new ApprovalStep("steering-committee", DecisionRule.MAJORITY),
                new ApprovalStep("partners", DecisionRule.MAJORITY)), "partners speak too", "staff");
        rules.decided(decisions.decide(adjustment.id(), ProposalState.APPROVED));
        assertEquals(List.of("Maria Alvarez", "Sam Okafor"), engagement.authorisedSpokespeople("town"));
        assertEquals("Sam Okafor", engagement.draft("town", speaking("Sam Okafor"), "staff").spokesperson());
    }

    @Test
    public void aDraftNamingASpokespersonIsPublishedOnlyByTheBodiesDecision() {
        Communication speaking = engagement.draft("town", speaking("Maria Alvarez"), "staff");
        ProblemException refused = assertThrows(ProblemException.class, () -> engagement.publish("town", speaking.id(),
                "staff"));
        assertEquals(409, refused.problem().status());
        assertEquals("spokesperson", refused.problem().violations().get(0).field());
        assertEquals(Status.DRAFT, engagement.communication("town", speaking.id()).status());
        ProblemException twice = assertThrows(ProblemException.class, () -> engagement.draft("town",
                speaking("Maria Alvarez"), "staff"));
        assertEquals(409, twice.problem().status());
        assertEquals(List.of(new org.civicbackbone.api.problem.Violation("title", "is draft " + speaking.id()
                + " already")), twice.problem().violations());
        ProblemException repeated = assertThrows(ProblemException.class, () -> engagement.draft("town",
                new CommunicationSpec(Kind.values()[0], "Reading week 2", "All of us read.", List.of("Read", " read"),
                        null), "staff"));
        assertEquals(List.of(new org.civicbackbone.api.problem.Violation("keyMessages[1]",
                "'read' is a key message already")), repeated.problem().violations());
        // another text, or another spokesperson, is another draft
        Communication unnamed = engagement.draft("town", speaking(null), "staff");
        assertEquals(Status.PUBLISHED, engagement.publish("town", unnamed.id(), "staff").status());
        assertEquals(409, assertThrows(ProblemException.class, () -> engagement.publish("town", unnamed.id(), "staff"))
                .problem().status());
        assertEquals(List.of("staff communication.publish"), audit.actions().stream()
                .filter(a -> a.contains("publish")).toList());
    }

    @Test
    public void aStatementIsTheInitiativesVoiceOnlyOnceApprovedAndIsPutToOneProposalAtATime() {
        Communication draft = engagement.draft("town", speaking("Maria Alvarez"), "staff");
        Communication proposed = engagement.proposeStatement("town", draft.id(), new StatementSpec("for the week", 7),
                "staff");
        assertEquals(Status.STATEMENT_PROPOSED, proposed.status());
        assertThrows(ProblemException.class,
                () -> engagement.proposeStatement("town", draft.id(), new StatementSpec("again", 7), "staff"));
        assertEquals(1, decisions.proposals("town").size());

        decisions.decide(proposed.statementProposalId(), ProposalState.REJECTED);
        assertEquals(Status.DRAFT, engagement.communication("town", draft.id()).status());
        Communication again = engagement.proposeStatement("town", draft.id(), new StatementSpec("revised", 7), "staff");
        decisions.decide(again.statementProposalId(), ProposalState.APPROVED);
        assertEquals(Status.OFFICIAL_STATEMENT, engagement.communication("town", draft.id()).status());
        assertEquals(2, audit.actions().stream().filter("staff communication.statement"::equals).count());
    }

    /**
     * The spokesperson is authorised again in the proposal's transaction, as the seats are there: a seat retired after
     * the draft was checked, and before the proposal opened, leaves no proposal and the draft a draft.
     */
    @Test
    public void aSpokespersonWhoseSeatIsRetiredWhileTheStatementIsProposedIsRefused() {
        Communication draft = engagement.draft("town", speaking("Maria Alvarez"), "staff");
        GovernanceBody committee = initiatives.bodies("town").stream()
                .filter(b -> b.type().equals("steering-committee")).findFirst().orElseThrow();
        Membership maria = initiatives.members("town", committee.id()).get(0);
        decisions.meanwhile(() -> initiatives.retireMember("town", committee.id(), maria.id(), "secretary"));
        ProblemException refused = assertThrows(ProblemException.class, () -> engagement.proposeStatement("town",
                draft.id(), new StatementSpec("for the week", 7), "staff"));
        assertEquals(409, refused.problem().status());
        assertEquals("spokesperson", refused.problem().violations().get(0).field());
        assertTrue(refused.problem().detail(), refused.problem().detail().contains("no longer sits"));
        assertEquals(Status.DRAFT, engagement.communication("town", draft.id()).status());
        assertTrue(audit.actions().stream().noneMatch(a -> a.contains("communication.statement")));
        assertTrue("nothing was proposed", decisions.proposals("town").isEmpty());
    }

    /**
     * A draft is edited while it is one, checked as a new one is; the bodies decide on the text they were given, so
     * neither an edit nor a publication takes a draft that changed after it was read.
     */
    @Test
    public void aDraftIsEditedWhileItIsOneAndADecisionTakesTheTextThatWasRead() {
        Communication draft = engagement.draft("town", speaking(null), "staff");
        Communication edited = engagement.editDraft("town", draft.id(), new CommunicationSpec(Kind.NEWSLETTER,
                " Reading week, all week ", "All of us read, every day.", List.of("read", "every day"), "Maria Alvarez"),
                "editor");
        assertEquals("Reading week, all week", edited.title());
        assertEquals(List.of("read", "every day"), edited.keyMessages());
        assertEquals("Maria Alvarez", edited.spokesperson());
        assertEquals(1, edited.revision());
        assertEquals("communication " + draft.id() + ": kind " + Kind.values()[0] + " to NEWSLETTER; title 'Reading "
                + "week' to 'Reading week, all week'; text; key messages; spokesperson none to Maria Alvarez",
                audit.recent("town", 1).get(0).detail());
        int recorded = audit.actions().size();
        assertEquals(edited, engagement.editDraft("town", draft.id(), new CommunicationSpec(Kind.NEWSLETTER,
                "Reading week, all week", "All of us read, every day.", List.of("read", "every day"), "Maria Alvarez"),
                "editor"));
        assertEquals("nothing changed, nothing recorded", recorded, audit.actions().size());
        ProblemException stranger = assertThrows(ProblemException.class, () -> engagement.editDraft("town", draft.id(),
                speaking("Sam Okafor"), "editor"));
        assertEquals("spokesperson", stranger.problem().violations().get(0).field());
        Communication other = engagement.draft("town", speaking(null), "staff");
        ProblemException alike = assertThrows(ProblemException.class, () -> engagement.editDraft("town", draft.id(),
                speaking(null), "editor"));
        assertEquals("two plain drafts alike", List.of(new org.civicbackbone.api.problem.Violation("title", "is draft "
                + other.id() + " already")), alike.problem().violations());

        // read before an edit, put to the bodies after it: refused, and nothing is proposed
        Communication stale = engagement.communication("town", draft.id());
        engagement.editDraft("town", draft.id(), new CommunicationSpec(Kind.NEWSLETTER, "Reading week, all week",
                "All of us read, every day, all year.", List.of("read"), "Maria Alvarez"), "editor");
        assertEquals("publishing what was read finds it changed", 0, (int) store.inTransaction(c -> store.mapper(c,
                EngagementRecords.class).setPublished(stale.id(), java.time.Instant.now(), stale.statementProposalId(),
                stale.revision())));
        assertEquals("so does putting it to the bodies", 0, (int) store.inTransaction(c -> store.mapper(c,
                EngagementRecords.class).setStatementProposal(stale.id(), 99, stale.statementProposalId(),
                stale.revision())));
        Communication proposed = engagement.proposeStatement("town", draft.id(), new StatementSpec("week", 7), "staff");
        assertEquals(1, decisions.proposals("town").size());
        ProblemException put = assertThrows(ProblemException.class, () -> engagement.editDraft("town", draft.id(),
                speaking("Maria Alvarez"), "editor"));
        assertEquals("the bodies decide on the text they were given", 409, put.problem().status());
        assertEquals("All of us read, every day, all year.", engagement.communication("town", proposed.id()).body());
    }

    /** The reports add up every event's participants: one event recorded twice would count its people twice. */
    @Test
    public void anEventIsRecordedOnceOnItsDay() {
        java.time.LocalDate day = java.time.LocalDate.now().minusDays(3);
        List<Engagement.Participation> people = List.of(new Engagement.Participation(Sector.COMMUNITY_MEMBER, 40));
        Engagement.Event recorded = engagement.recordEvent("town", new Engagement.EventSpec(" Listening session", day,
                "Library", people, 100), "staff");
        assertEquals("the answer is the event as it is read", engagement.events("town").get(0), recorded);
        ProblemException twice = assertThrows(ProblemException.class, () -> engagement.recordEvent("town",
                new Engagement.EventSpec(" listening  Session ", day, "Library", people, 100), "other"));
        assertEquals(409, twice.problem().status());
        assertEquals("title", twice.problem().violations().get(0).field());
        assertTrue(twice.problem().detail(), twice.problem().detail().contains("by staff"));
        // the same title another day is another session
        engagement.recordEvent("town", new Engagement.EventSpec("Listening session", day.minusDays(7), "Library", people,
                100), "staff");
        ProblemException typed = assertThrows(ProblemException.class, () -> engagement.recordEvent("town",
                new Engagement.EventSpec("Listening session", java.time.LocalDate.of(1026, 12, 1), "Library", people,
                        100), "staff"));
        assertEquals(List.of(new org.civicbackbone.api.problem.Violation("heldOn",
                "must be in a year between 2000 and 2100")), typed.problem().violations());
        assertEquals(2, engagement.events("town").size());
        assertEquals(80, engagement.overview("town").participantsLastYear().get(Sector.COMMUNITY_MEMBER).intValue());
    }

    /** A count mistyped or a day misremembered is corrected under the rules the event was recorded by. */
    @Test
    public void anEventIsCorrectedAsItWasRecorded() {
        java.time.LocalDate day = java.time.LocalDate.now().minusDays(3);
        Engagement.Event forum = engagement.recordEvent("town", new Engagement.EventSpec("Forum", day, "Library",
                List.of(new Engagement.Participation(Sector.COMMUNITY_MEMBER, 400)), 100), "staff");
        engagement.recordEvent("town", new Engagement.EventSpec("Listening session", day, null, List.of(), 10), "staff");
        Engagement.Event corrected = engagement.correctEvent("town", forum.id(), new Engagement.EventSpec(" Forum ",
                day, "Library", List.of(new Engagement.Participation(Sector.COMMUNITY_MEMBER, 40),
                        new Engagement.Participation(Sector.BUSINESS, 3)), 100), "editor");
        assertEquals(43, corrected.participants());
        assertEquals(corrected, engagement.events("town").stream().filter(e -> e.id() == forum.id()).findFirst()
                .orElseThrow());
        assertEquals("event " + forum.id() + ": participants 400 to 43; participation by sector", audit.recent("town", 1).get(0).detail());
        assertEquals(43, engagement.overview("town").participantsLastYear().values().stream().mapToLong(Number::longValue)
                .sum());
        int recorded = audit.actions().size();
        engagement.correctEvent("town", forum.id(), new Engagement.EventSpec("Forum", day, "Library", List.of(
                new Engagement.Participation(Sector.BUSINESS, 3), new Engagement.Participation(Sector.COMMUNITY_MEMBER,
                        40)), 100), "editor");
        assertEquals("the same, in another order: nothing recorded", recorded, audit.actions().size());
        ProblemException clash = assertThrows(ProblemException.class, () -> engagement.correctEvent("town",
                forum.id(), new Engagement.EventSpec("listening  session", day, null, List.of(), 10), "editor"));
        assertEquals("title", clash.problem().violations().get(0).field());
        ProblemException ahead = assertThrows(ProblemException.class, () -> engagement.correctEvent("town",
                forum.id(), new Engagement.EventSpec("Forum", java.time.LocalDate.now().plusDays(9), null, List.of(), 10),
                "editor"));
        assertEquals("heldOn", ahead.problem().violations().get(0).field());
        assertEquals("refused corrections change nothing", corrected, engagement.events("town").stream()
                .filter(e -> e.id() == forum.id()).findFirst().orElseThrow());
        assertEquals(404, assertThrows(ProblemException.class, () -> engagement.correctEvent("town", 999,
                new Engagement.EventSpec("Forum", day, null, List.of(), 10), "editor")).problem().status());
    }

    /** A correction sent eight times at once: all served, logged once, from what the event really said. */
    @Test
    public void anEventCorrectedEightTimesAtOnceIsLoggedOnce() {
        java.time.LocalDate day = java.time.LocalDate.now().minusDays(3);
        Engagement.Event forum = engagement.recordEvent("town", new Engagement.EventSpec("Forum", day, "Library",
                List.of(new Engagement.Participation(Sector.COMMUNITY_MEMBER, 40)), 100), "staff");
        Engagement.EventSpec reached = new Engagement.EventSpec("Forum", day, "Library",
                List.of(new Engagement.Participation(Sector.COMMUNITY_MEMBER, 40)), 181);
        assertEquals(8, org.civicbackbone.testkit.SameMoment.run(8, i -> engagement.correctEvent("town", forum.id(),
                reached, "editor")).served());
        assertEquals(List.of("event " + forum.id() + ": community members reached 100 to 181"), audit.find(
                new org.civicbackbone.api.audit.AuditQuery(null, null, null, null, null, null, null, 100)).stream()
                .filter(e -> e.action().equals("event.correct")).map(e -> e.detail()).toList());
    }
}
