package org.civicbackbone.structure.seconded.internal;

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
 * Staff of an existing organisation are seconded part- or full-time; the employing organisation pays them, and they report to its CEO and to the collaborative table. The rules are this model's defaults, as data; see this module's README for the reasoning.
 */
@Component(service = StructureModel.class)
public class SecondedModel extends DeclaredStructureModel {

    static final String EMPLOYER = "employing-organisation";
    static final String CEO = "employing-ceo";
    static final String TABLE = "collaborative-table";

    private static final List<BodyRequirement> BODIES = List.of(
            new BodyRequirement(EMPLOYER, "Employing organisation",
                    "The organisation that employs and pays the seconded staff."),
            new BodyRequirement(CEO, "Employing organisation's CEO",
                    "The chief executive to whom seconded staff report inside their employer."),
            new BodyRequirement(TABLE, "Collaborative table",
                    "The cross-sector table to which the seconded staff are also accountable."));

    private static final List<AccountabilityRule> RULES = List.of(
            new AccountabilityRule(DecisionType.HIRE_STAFF, List.of(new ApprovalStep(CEO, DecisionRule.ACCOUNTABLE_OFFICER), new ApprovalStep(TABLE, DecisionRule.MAJORITY)),
                    "Staff are the employer's but report to its CEO AND the collaborative table: both must agree to a secondment."),
            new AccountabilityRule(DecisionType.ACCEPT_GRANT, List.of(new ApprovalStep(CEO, DecisionRule.ACCOUNTABLE_OFFICER), new ApprovalStep(TABLE, DecisionRule.MAJORITY)),
                    "The employer holds the money; the table decides whether it serves the agenda."),
            new AccountabilityRule(DecisionType.ALLOCATE_FUNDS, List.of(new ApprovalStep(TABLE, DecisionRule.CONSENSUS), new ApprovalStep(CEO, DecisionRule.ACCOUNTABLE_OFFICER)),
                    "Allocation among partners is the table's open decision; the employer confirms it can pay."),
            new AccountabilityRule(DecisionType.SPEAK_ON_BEHALF, List.of(new ApprovalStep(TABLE, DecisionRule.MAJORITY)),
                    "The initiative's voice is the table's, not the employer's."),
            new AccountabilityRule(DecisionType.ADOPT_POLICY_POSITION, List.of(new ApprovalStep(TABLE, DecisionRule.CONSENSUS)),
                    "Partners, the employer among them, are not committed to positions they do not share."),
            new AccountabilityRule(DecisionType.ADOPT_COMMON_AGENDA, List.of(new ApprovalStep(TABLE, DecisionRule.CONSENSUS)),
                    "The common agenda belongs to the collaborative."),
            new AccountabilityRule(DecisionType.CHANGE_STRUCTURE, List.of(new ApprovalStep(TABLE, DecisionRule.CONSENSUS), new ApprovalStep(CEO, DecisionRule.ACCOUNTABLE_OFFICER)),
                    "Ending a secondment binds both the table and the employer."));

    public SecondedModel() {
        super("seconded", "Seconded backbone",
                "Staff of an existing organisation are seconded part- or full-time; the employing organisation pays them, and they report to its CEO and to the collaborative table.",
                BODIES, RULES);
    }
}
