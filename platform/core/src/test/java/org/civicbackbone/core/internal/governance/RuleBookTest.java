package org.civicbackbone.core.internal.governance;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.util.List;
import org.civicbackbone.api.decision.Proposal;
import org.civicbackbone.api.decision.ProposalState;
import org.civicbackbone.api.decision.RuleBook.ModelPeriod;
import org.civicbackbone.api.decision.VoteChoice;
import org.civicbackbone.api.decision.VoteSpec;
import org.civicbackbone.api.module.AccountabilityRule;
import org.civicbackbone.api.module.ApprovalStep;
import org.civicbackbone.api.module.BodyRequirement;
import org.civicbackbone.api.module.DecisionRule;
import org.civicbackbone.api.module.DecisionType;
import org.civicbackbone.api.module.DeclaredStructureModel;
import org.civicbackbone.api.module.StructureModel;
import org.civicbackbone.api.problem.ProblemException;
import org.civicbackbone.core.internal.JdbcInitiativeService;
import org.civicbackbone.core.internal.OtherRequest;
import org.junit.Before;
import org.junit.Test;

/** Rule adjustments and model changes, decided by the board, on the real core services and an in-memory H2. */
public class RuleBookTest {

    private static StructureModel model(String id) {
        return new DeclaredStructureModel(id, "Model " + id, "test", List.of(new BodyRequirement("board", "Board", "b")),
                List.of(new AccountabilityRule(DecisionType.HIRE_STAFF, List.of(new ApprovalStep("board",
                                DecisionRule.MAJORITY)), "the board hires"),
                        new AccountabilityRule(DecisionType.CHANGE_STRUCTURE, List.of(new ApprovalStep("board",
                                DecisionRule.MAJORITY)), "the board changes the rules"))) {
        };
    }

    private JdbcDecisionService decisions;
    private JdbcRuleBook rules;
    private JdbcInitiativeService initiatives;
    private BoardedInitiative town;

    @Before
    public void setUp() {
        town = BoardedInitiative.on(model("stand-alone"), model("nested"));
        initiatives = town.initiatives();
        decisions = new JdbcDecisionService(town.store(), town.audit(), initiatives, town.catalogue(),
                town.organisations());
        rules = new JdbcRuleBook(town.store(), town.audit(), decisions, initiatives, town.catalogue());
    }

    /** Two of the three approve; the rule book hears of it as the decision service's listeners do. */
    private void approve(Proposal proposal) {
        rules.decided(approvedUnheard(proposal));
    }

    /** Two of the three approve, and the process stops before the rule book hears of it (a crash after the commit). */
    private Proposal approvedUnheard(Proposal proposal) {
        decisions.vote("town", proposal.id(), new VoteSpec(VoteChoice.APPROVE, "yes"), "ann");
        Proposal decided = decisions.vote("town", proposal.id(), new VoteSpec(VoteChoice.APPROVE, "yes"), "ben");
        assertEquals(ProposalState.APPROVED, decided.state());
        return decided;
    }

    private DecisionRule hiring() {
        return rules.rulesInForce("town").stream().filter(r -> r.decisionType() == DecisionType.HIRE_STAFF)
                .findFirst().orElseThrow().steps().get(0).rule();
    }

    @Test
    public void anAdjustmentIsInForceOnlyOnceApprovedAndTheLatestVersionWins() {
        Proposal twoThirds = rules.proposeRule("town", DecisionType.HIRE_STAFF,
                List.of(new ApprovalStep("board", DecisionRule.TWO_THIRDS)), "hires matter", "ann");
        assertEquals("the members vote on what they can read", "Adopt a stricter rule for hiring staff: Board (two thirds)",
                twoThirds.title());
        assertEquals(DecisionRule.MAJORITY, hiring());
        approve(twoThirds);
        assertEquals(DecisionRule.TWO_THIRDS, hiring());

        approve(rules.proposeRule("town", DecisionType.HIRE_STAFF,
                List.of(new ApprovalStep("board", DecisionRule.CONSENSUS)), "hires matter more", "ann"));
        assertEquals(DecisionRule.CONSENSUS, hiring());
        assertEquals(List.of(1, 2), rules.ruleHistory("town").stream().map(v -> v.version()).toList());
        assertEquals(twoThirds.id(), rules.ruleHistory("town").get(0).proposalId());
    }

    @Test
    public void aLooseningOrTheRuleInForceIsRefusedAndOpensNoProposal() {
        approve(rules.proposeRule("town", DecisionType.HIRE_STAFF,
                List.of(new ApprovalStep("board", DecisionRule.TWO_THIRDS)), "hires matter", "ann"));
        int before = decisions.proposals("town").size();
        ProblemException refused = assertThrows(ProblemException.class, () -> rules.proposeRule("town",
                DecisionType.HIRE_STAFF, List.of(), "fewer rules", "ann"));
        assertEquals(400, refused.problem().status());
        ProblemException same = assertThrows(ProblemException.class, () -> rules.proposeRule("town",
                DecisionType.HIRE_STAFF, List.of(new ApprovalStep("board", DecisionRule.TWO_THIRDS)), "again", "ann"));
        assertEquals("are the rule in force for HIRE_STAFF; propose a stricter one",
                same.problem().violations().get(0).message());
        assertEquals(before, decisions.proposals("town").size());
    }

    @Test
    public void aModelChangeTakesEffectWhenApprovedAndIsKeptInTheHistory() {
        Proposal move = rules.proposeModel("town", "nested", "we joined the county", "ann");
        assertEquals("stand-alone", initiatives.find("town").orElseThrow().structureModelId());
        approve(move);
        assertEquals("nested", initiatives.find("town").orElseThrow().structureModelId());
        List<ModelPeriod> history = rules.modelHistory("town");
        assertEquals(List.of("stand-alone", "nested"), history.stream().map(ModelPeriod::modelId).toList());
        assertEquals(history.get(1).from(), history.get(0).until());
        assertEquals(Long.valueOf(move.id()), history.get(1).proposalId());
    }

    @Test
    public void anApprovedChangeWhoseAnnouncementWasLostIsPutInForceByTheSweepOnce() {
        Proposal stricter = approvedUnheard(rules.proposeRule("town", DecisionType.HIRE_STAFF,
                List.of(new ApprovalStep("board", DecisionRule.TWO_THIRDS)), "hires matter", "ann"));
        Proposal move = approvedUnheard(rules.proposeModel("town", "nested", "we joined the county", "ann"));
        assertEquals("not in force before the sweep", DecisionRule.MAJORITY, hiring());
        assertEquals(2, rules.sweep());
        // the stricter rule adopted (under the model it was made for, which the move then leaves), the model moved
        assertEquals(List.of(stricter.id()), rules.ruleHistory("town").stream().map(v -> v.proposalId()).toList());
        assertEquals("nested", initiatives.find("town").orElseThrow().structureModelId());
        // heard late, or swept again: nothing is applied twice
        rules.decided(stricter);
        rules.decided(move);
        assertEquals(0, rules.sweep());
        assertEquals(List.of(1), rules.ruleHistory("town").stream().map(v -> v.version()).toList());
        assertEquals(List.of("stand-alone", "nested"), rules.modelHistory("town").stream().map(ModelPeriod::modelId)
                .toList());
    }

    /**
     * A rule adopted while a proposal is being prepared: the proposal reads the rule in its transaction, after the
     * lock the adoption holds, so it stands under the rule in force when it opens (it read the rule before its
     * transaction, and stood under the one replaced).
     */
    @Test
    public void aProposalOpenedAsARuleIsAdoptedStandsUnderTheAdoptedRule() throws Exception {
        Proposal stricter = approvedUnheard(rules.proposeRule("town", DecisionType.HIRE_STAFF,
                List.of(new ApprovalStep("board", DecisionRule.TWO_THIRDS)), "hires matter", "ann"));
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(1);
        try {
            java.util.concurrent.Future<?>[] hire = new java.util.concurrent.Future<?>[1];
            town.store().inTransaction(c -> { // the adoption, committing after the proposal has started
                town.store().holdUntilCommit(c, org.civicbackbone.core.internal.CoreSchema.proposalsLock("town"));
                town.store().mapper(c, RuleRecords.class).adopt("town", stricter.id(), java.time.Instant.now());
                hire[0] = threads.submit(() -> decisions.propose("town", new org.civicbackbone.api.decision.ProposalSpec(
                        DecisionType.HIRE_STAFF, "Hire a coordinator", "half time", null, 7), "core", "ann"));
                OtherRequest.giveTwoSeconds(hire[0]);
                return null;
            });
            Proposal opened = (Proposal) hire[0].get(30, java.util.concurrent.TimeUnit.SECONDS);
            assertEquals(DecisionRule.TWO_THIRDS, opened.steps().get(0).rule());
        } finally {
            threads.shutdownNow();
        }
    }
}
