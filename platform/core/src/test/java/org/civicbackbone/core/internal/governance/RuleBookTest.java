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

    @Before
    public void setUp() {
        BoardedInitiative town = BoardedInitiative.on(model("stand-alone"), model("nested"));
        initiatives = town.initiatives();
        decisions = new JdbcDecisionService(town.store(), town.audit(), initiatives, town.catalogue(),
                town.organisations());
        rules = new JdbcRuleBook(town.store(), town.audit(), decisions, initiatives, town.catalogue());
    }

    /** Two of the three approve; the rule book hears of it as the decision service's listeners do. */
    private void approve(Proposal proposal) {
        decisions.vote("town", proposal.id(), new VoteSpec(VoteChoice.APPROVE, "yes"), "ann");
        Proposal decided = decisions.vote("town", proposal.id(), new VoteSpec(VoteChoice.APPROVE, "yes"), "ben");
        assertEquals(ProposalState.APPROVED, decided.state());
        rules.decided(decided);
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
}
