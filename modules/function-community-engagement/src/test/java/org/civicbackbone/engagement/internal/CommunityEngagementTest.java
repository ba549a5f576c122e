package org.civicbackbone.engagement.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.List;
import org.civicbackbone.api.decision.Proposal;
import org.civicbackbone.api.decision.ProposalState;
import org.civicbackbone.api.initiative.BodySpec;
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

    @Before
    public void setUp() {
        BackboneStore store = TestStore.inMemory();
        audit = new RecordingAuditLog(store);
        decisions = new ScriptedDecisions(store);
        rules = new ModelRuleBook(MODEL, decisions);
        InMemoryInitiatives initiatives = InMemoryInitiatives.with("town", CommunityEngagement.FUNCTION_ID);
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
}
