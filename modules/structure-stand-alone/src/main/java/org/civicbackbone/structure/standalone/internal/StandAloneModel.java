package org.civicbackbone.structure.standalone.internal;

import java.util.List;
import org.civicbackbone.api.module.AccountabilityRule;
import org.civicbackbone.api.module.ApprovalStep;
import org.civicbackbone.api.module.BodyRequirement;
import org.civicbackbone.api.module.DecisionRule;
import org.civicbackbone.api.module.DecisionType;
import org.civicbackbone.api.module.DeclaredStructureModel;
import org.civicbackbone.api.module.StructureModel;
import org.osgi.service.component.annotations.Component;

/**
 * A backbone that is its own charitable organisation: its board of directors oversees it, and a larger advisory committee of community partners guides the work. The rules are this model's defaults, as data; see this module's README for the reasoning.
 */
@Component(service = StructureModel.class)
public class StandAloneModel extends DeclaredStructureModel {

    static final String BOARD = "board-of-directors";
    static final String ADVISORY = "advisory-committee";

    private static final List<BodyRequirement> BODIES = List.of(
            new BodyRequirement(BOARD, "Board of directors",
                    "The backbone organisation's own board; legally and financially responsible."),
            new BodyRequirement(ADVISORY, "Advisory committee",
                    "The larger committee of community partners that guides the collective work."));

    private static final List<AccountabilityRule> RULES = List.of(
            new AccountabilityRule(DecisionType.HIRE_STAFF, List.of(new ApprovalStep(BOARD, DecisionRule.MAJORITY)),
                    "The backbone is its own employer: its board hires and oversees staff."),
            new AccountabilityRule(DecisionType.ACCEPT_GRANT, List.of(new ApprovalStep(BOARD, DecisionRule.MAJORITY)),
                    "The board is legally responsible for the money the organisation receives."),
            new AccountabilityRule(DecisionType.ALLOCATE_FUNDS, List.of(new ApprovalStep(ADVISORY, DecisionRule.CONSENSUS), new ApprovalStep(BOARD, DecisionRule.MAJORITY)),
                    "Partners decide openly how shared funds serve the agenda; the board confirms it can pay."),
            new AccountabilityRule(DecisionType.SPEAK_ON_BEHALF, List.of(new ApprovalStep(ADVISORY, DecisionRule.MAJORITY)),
                    "The initiative speaks for its partners, not for the backbone organisation alone."),
            new AccountabilityRule(DecisionType.ADOPT_POLICY_POSITION, List.of(new ApprovalStep(ADVISORY, DecisionRule.CONSENSUS), new ApprovalStep(BOARD, DecisionRule.MAJORITY)),
                    "No partner is committed to a position it does not share; the board answers for the organisation's advocacy."),
            new AccountabilityRule(DecisionType.ADOPT_COMMON_AGENDA, List.of(new ApprovalStep(ADVISORY, DecisionRule.CONSENSUS)),
                    "The common agenda belongs to the partners; the backbone does not set it."),
            new AccountabilityRule(DecisionType.CHANGE_STRUCTURE, List.of(new ApprovalStep(BOARD, DecisionRule.TWO_THIRDS), new ApprovalStep(ADVISORY, DecisionRule.CONSENSUS)),
                    "Dissolving or reshaping the organisation needs a board supermajority and the partners' agreement."));

    public StandAloneModel() {
        super("stand-alone", "Stand-alone backbone",
                "A backbone that is its own charitable organisation: its board of directors oversees it, and a larger advisory committee of community partners guides the work.",
                BODIES, RULES);
    }
}
