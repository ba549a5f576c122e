package org.civicbackbone.core.internal.governance;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.civicbackbone.api.module.AccountabilityRule;
import org.civicbackbone.api.module.ApprovalStep;
import org.civicbackbone.api.module.BodyRequirement;
import org.civicbackbone.api.module.DecisionRule;
import org.civicbackbone.api.module.DecisionType;
import org.civicbackbone.api.problem.Violation;

/** Approval chains as stored ({@code host-board:MAJORITY;leadership-group:CONSENSUS}) and the limits of adjusting them. */
public final class RuleSteps {

    private RuleSteps() {
    }

    static String write(List<ApprovalStep> steps) {
        return steps.stream().map(s -> s.bodyType() + ":" + s.rule().name()).collect(Collectors.joining(";"));
    }

    /**
     * A proposal's title for an adjusted rule, as the members who vote on it read it: "Adopt a stricter rule for
     * hiring staff: Fiscal host's board (accountable officer), then Leadership group (two thirds)".
     */
    static String title(DecisionType decisionType, List<ApprovalStep> steps, List<BodyRequirement> bodies) {
        Map<String, String> names = bodies.stream().collect(Collectors.toMap(BodyRequirement::bodyType,
                BodyRequirement::name, (a, b) -> a));
        return "Adopt a stricter rule for " + matter(decisionType) + ": " + steps.stream()
                .map(s -> names.getOrDefault(s.bodyType(), s.bodyType()) + " ("
                        + s.rule().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ")")
                .collect(Collectors.joining(", then "));
    }

    private static String matter(DecisionType decisionType) {
        return switch (decisionType) {
            case HIRE_STAFF -> "hiring staff";
            case ACCEPT_GRANT -> "accepting a grant";
            case ALLOCATE_FUNDS -> "allocating funds";
            case SPEAK_ON_BEHALF -> "speaking on behalf of the initiative";
            case ADOPT_POLICY_POSITION -> "adopting a policy position";
            case ADOPT_COMMON_AGENDA -> "adopting the common agenda";
            case CHANGE_STRUCTURE -> "changing the structure";
        };
    }

    static List<ApprovalStep> read(String text) {
        List<ApprovalStep> steps = new ArrayList<>();
        for (String part : text.split(";")) {
            if (!part.isBlank()) {
                String[] kv = part.split(":");
                steps.add(new ApprovalStep(kv[0], DecisionRule.valueOf(kv[1])));
            }
        }
        return steps;
    }

    /** How strict a voting rule is; an officer's rule is not comparable and must stay as it is. */
    private static int strictness(DecisionRule rule) {
        return switch (rule) {
            case MAJORITY -> 1;
            case TWO_THIRDS -> 2;
            case CONSENSUS -> 3;
            default -> -1;
        };
    }

    /**
     * Checks an adjustment against the default: only tightening. Every default step stays (same body, same order
     * among them) with a rule at least as strict; added steps must be bodies the model requires, and never the body
     * of the step before.
     */
    public static List<Violation> checkTightening(AccountabilityRule defaults, List<ApprovalStep> proposed,
                                                  Set<String> requiredBodies) {
        List<Violation> violations = new ArrayList<>();
        if (defaults.steps().isEmpty()) {
            violations.add(new Violation("decisionType", defaults.decisionType()
                    + " is not permitted by this model and cannot be adjusted into existence"));
            return violations;
        }
        if (proposed.isEmpty()) {
            violations.add(new Violation("steps", "must keep at least the default steps"));
            return violations;
        }
        int at = 0;
        for (ApprovalStep step : defaults.steps()) {
            int found = -1;
            for (int i = at; i < proposed.size(); i++) {
                if (proposed.get(i).bodyType().equals(step.bodyType())) {
                    found = i;
                    break;
                }
            }
            if (found < 0) {
                violations.add(new Violation("steps", "the default step of '" + step.bodyType()
                        + "' must stay, in its order"));
                continue;
            }
            DecisionRule now = proposed.get(found).rule();
            if (step.rule() == DecisionRule.ACCOUNTABLE_OFFICER ? now != DecisionRule.ACCOUNTABLE_OFFICER
                    : strictness(now) < strictness(step.rule())) {
                violations.add(new Violation("steps[" + found + "].rule", "'" + step.bodyType() + "' decides by "
                        + step.rule() + " by default; an adjustment may only make it stricter"));
            }
            at = found + 1;
        }
        for (int i = 0; i < proposed.size(); i++) {
            if (!requiredBodies.contains(proposed.get(i).bodyType())) {
                violations.add(new Violation("steps[" + i + "].bodyType", "'" + proposed.get(i).bodyType()
                        + "' is not a body of this model; use one of " + requiredBodies));
            }
            if (proposed.get(i).rule() == DecisionRule.NOT_PERMITTED) {
                violations.add(new Violation("steps[" + i + "].rule", "NOT_PERMITTED is the model's to say"));
            }
            // the same people asked twice in a row decide nothing new: a stricter rule is how to ask more of them
            if (i > 0 && proposed.get(i).bodyType().equals(proposed.get(i - 1).bodyType())) {
                violations.add(new Violation("steps[" + i + "].bodyType", "'" + proposed.get(i).bodyType()
                        + "' decides at step " + i + " already; make that step's rule stricter instead"));
            }
        }
        return violations;
    }
}
