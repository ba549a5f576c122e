package org.civicbackbone.structure.nested.internal;

import static org.civicbackbone.api.module.DecisionRule.CONSENSUS;
import static org.civicbackbone.api.module.DecisionRule.MAJORITY;

import java.util.List;
import org.civicbackbone.api.module.AccountabilityRule;
import org.civicbackbone.api.module.ApprovalStep;
import org.civicbackbone.api.module.BodyRequirement;
import org.civicbackbone.api.module.DecisionType;
import org.civicbackbone.api.module.DeclaredStructureModel;
import org.civicbackbone.api.module.StructureModel;
import org.osgi.service.component.annotations.Component;

/**
 * The nested backbone: a staff team of three to six housed in a partner organisation that acts as fiscal host; the
 * staff are accountable to both the fiscal host's board and the Collective Impact leadership group. Where both
 * hold a stake, both must approve (the host board for legal and financial liability, the leadership group for
 * the collective's ownership of the work). See this module's README for the reasoning per decision.
 */
@Component(service = StructureModel.class)
public class NestedModel extends DeclaredStructureModel {

    static final String FISCAL_HOST = "fiscal-host";
    static final String HOST_BOARD = "host-board";
    static final String LEADERSHIP_GROUP = "leadership-group";

    private static final List<BodyRequirement> BODIES = List.of(
            new BodyRequirement(FISCAL_HOST, "Fiscal host",
                    "The partner organisation that houses the backbone staff, holds the funds and reports on them."),
            new BodyRequirement(HOST_BOARD, "Fiscal host's board",
                    "The board of directors of the fiscal host; legally responsible for staff and money it holds."),
            new BodyRequirement(LEADERSHIP_GROUP, "Leadership group",
                    "The cross-sector Collective Impact leadership group that owns the common agenda."));

    private static final List<AccountabilityRule> RULES = List.of(
            new AccountabilityRule(DecisionType.HIRE_STAFF,
                    List.of(new ApprovalStep(HOST_BOARD, MAJORITY), new ApprovalStep(LEADERSHIP_GROUP, MAJORITY)),
                    "Staff are employed by the fiscal host but accountable to both its board and the leadership group."),
            new AccountabilityRule(DecisionType.ACCEPT_GRANT,
                    List.of(new ApprovalStep(HOST_BOARD, MAJORITY), new ApprovalStep(LEADERSHIP_GROUP, MAJORITY)),
                    "The fiscal host holds and reports on the funds; the leadership group decides whether they serve the agenda."),
            new AccountabilityRule(DecisionType.ALLOCATE_FUNDS,
                    List.of(new ApprovalStep(LEADERSHIP_GROUP, CONSENSUS), new ApprovalStep(HOST_BOARD, MAJORITY)),
                    "Allocation among partners is the collective's decision, made openly and by consensus; the host board confirms it can be paid."),
            new AccountabilityRule(DecisionType.SPEAK_ON_BEHALF,
                    List.of(new ApprovalStep(LEADERSHIP_GROUP, MAJORITY)),
                    "The voice of the initiative belongs to the collective, not to the host organisation."),
            new AccountabilityRule(DecisionType.ADOPT_POLICY_POSITION,
                    List.of(new ApprovalStep(LEADERSHIP_GROUP, CONSENSUS)),
                    "Partners must not be committed to positions they do not share; consensus protects them."),
            new AccountabilityRule(DecisionType.ADOPT_COMMON_AGENDA,
                    List.of(new ApprovalStep(LEADERSHIP_GROUP, CONSENSUS)),
                    "The common agenda is the collective's shared understanding and vision; the backbone does not set it."),
            new AccountabilityRule(DecisionType.CHANGE_STRUCTURE,
                    List.of(new ApprovalStep(LEADERSHIP_GROUP, CONSENSUS), new ApprovalStep(HOST_BOARD, MAJORITY)),
                    "Leaving or changing the host arrangement affects both the collective and the host's obligations."));

    public NestedModel() {
        super("nested", "Nested backbone",
                "A staff team of 3 to 6 housed in a partner organisation that acts as fiscal host; staff are "
                + "accountable to both the fiscal host's board and the Collective Impact leadership group.",
                BODIES, RULES);
    }
}
