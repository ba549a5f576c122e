package org.civicbackbone.structure.volunteer.internal;

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
 * An all-volunteer team of community leaders drives the effort collaboratively; one member acts as fiscal host for revenue and reporting; a larger advisory table meets monthly or quarterly. The rules are this model's defaults, as data; see this module's README for the reasoning.
 */
@Component(service = StructureModel.class)
public class VolunteerModel extends DeclaredStructureModel {

    static final String TEAM = "volunteer-team";
    static final String HOST = "fiscal-host";
    static final String ADVISORY = "advisory-table";

    private static final List<BodyRequirement> BODIES = List.of(
            new BodyRequirement(TEAM, "Volunteer backbone team",
                    "The all-volunteer team of community leaders who decide together."),
            new BodyRequirement(HOST, "Fiscal host",
                    "The team member organisation that holds revenue and reports on it."),
            new BodyRequirement(ADVISORY, "Advisory table",
                    "The larger table the team meets monthly or quarterly."));

    private static final List<AccountabilityRule> RULES = List.of(
            new AccountabilityRule(DecisionType.HIRE_STAFF, List.of(),
                    "An all-volunteer backbone has no paid staff: move to another model (for example nested) to hire."),
            new AccountabilityRule(DecisionType.ACCEPT_GRANT, List.of(new ApprovalStep(TEAM, DecisionRule.CONSENSUS), new ApprovalStep(HOST, DecisionRule.ACCOUNTABLE_OFFICER)),
                    "The team decides together; the fiscal host must agree to hold and report on the money."),
            new AccountabilityRule(DecisionType.ALLOCATE_FUNDS, List.of(new ApprovalStep(TEAM, DecisionRule.CONSENSUS)),
                    "The team works collaboratively and decides by consensus."),
            new AccountabilityRule(DecisionType.SPEAK_ON_BEHALF, List.of(new ApprovalStep(TEAM, DecisionRule.CONSENSUS)),
                    "No single volunteer speaks for the effort without the team's agreement."),
            new AccountabilityRule(DecisionType.ADOPT_POLICY_POSITION, List.of(new ApprovalStep(TEAM, DecisionRule.CONSENSUS), new ApprovalStep(ADVISORY, DecisionRule.MAJORITY)),
                    "Positions need the team's consensus and the wider table's support."),
            new AccountabilityRule(DecisionType.ADOPT_COMMON_AGENDA, List.of(new ApprovalStep(TEAM, DecisionRule.CONSENSUS), new ApprovalStep(ADVISORY, DecisionRule.MAJORITY)),
                    "The agenda is shaped with the advisory table, not by the team alone."),
            new AccountabilityRule(DecisionType.CHANGE_STRUCTURE, List.of(new ApprovalStep(TEAM, DecisionRule.CONSENSUS), new ApprovalStep(ADVISORY, DecisionRule.MAJORITY)),
                    "Growing into another model is the whole effort's decision."));

    public VolunteerModel() {
        super("volunteer", "Volunteer backbone",
                "An all-volunteer team of community leaders drives the effort collaboratively; one member acts as fiscal host for revenue and reporting; a larger advisory table meets monthly or quarterly.",
                BODIES, RULES);
    }
}
