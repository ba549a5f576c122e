package org.civicbackbone.core.internal.governance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.civicbackbone.api.initiative.GovernanceBody;
import org.civicbackbone.api.initiative.Initiative;
import org.civicbackbone.api.initiative.Membership;
import org.civicbackbone.api.module.AccountabilityRule;
import org.civicbackbone.api.module.BodyRequirement;
import org.civicbackbone.api.module.StructureModel;

/**
 * What keeps an initiative's structure model from being enforced, in words: its module is not installed, a required
 * body is missing, empty or has nobody who can vote, or a seat names a login that does not exist.
 */
final class SetupProblems {

    private SetupProblems() {
    }

    /** The problems; {@code model} null when its module is not installed, {@code logins} null when unknown. */
    static List<String> of(Initiative initiative, StructureModel model, List<GovernanceBody> bodies,
                           List<Membership> members, RealmLogins logins) {
        if (model == null) {
            return List.of(initiative.structureModelId() + ": the module 'structure-" + initiative.structureModelId()
                    + "' is not installed");
        }
        List<String> problems = new ArrayList<>();
        Set<String> voting = new LinkedHashSet<>();
        for (AccountabilityRule rule : model.accountabilityRules()) {
            rule.steps().forEach(s -> voting.add(s.bodyType()));
        }
        for (BodyRequirement required : model.requiredBodies()) {
            List<GovernanceBody> ofType = bodies.stream().filter(b -> b.type().equals(required.bodyType())).toList();
            if (ofType.isEmpty()) {
                problems.add(model.id() + ": no " + required.name().toLowerCase(Locale.ROOT) + " designated"
                        + " (a body of type '" + required.bodyType() + "')");
            } else if (ofType.stream().noneMatch(b -> members.stream().anyMatch(m -> m.bodyId() == b.id()))) {
                problems.add(model.id() + ": the " + required.name().toLowerCase(Locale.ROOT) + " has no members");
            } else if (voting.contains(required.bodyType()) && ofType.stream().noneMatch(b -> members.stream()
                    .anyMatch(m -> m.bodyId() == b.id() && m.username() != null))) {
                problems.add(model.id() + ": no member of the " + required.name().toLowerCase(Locale.ROOT)
                        + " has a login, so it cannot vote");
            }
        }
        Set<String> known = logins == null ? null : logins.names();
        if (known != null) {
            Map<Long, String> bodyNames = new LinkedHashMap<>();
            bodies.forEach(b -> bodyNames.put(b.id(), b.name()));
            for (Membership m : members) {
                if (m.username() != null && !known.contains(m.username())) {
                    problems.add("the seat of " + (m.person() == null ? m.organisation() : m.person()) + " in "
                            + bodyNames.getOrDefault(m.bodyId(), "body " + m.bodyId()) + " names the login '"
                            + m.username() + "', which does not exist: that seat can never vote");
                }
            }
        }
        return problems;
    }
}
