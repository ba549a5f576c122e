package org.civicbackbone.policy.internal;

import java.time.Instant;
import java.util.List;
import org.civicbackbone.api.audit.AuditLog;
import org.civicbackbone.api.audit.Changes;
import org.civicbackbone.api.initiative.SameName;
import org.civicbackbone.api.problem.Problem;
import org.civicbackbone.api.problem.ProblemException;
import org.civicbackbone.api.problem.Violation;
import org.civicbackbone.api.store.BackboneStore;
import org.civicbackbone.api.store.GeneratedKey;
import org.civicbackbone.policy.internal.PolicyAgenda.Item;
import org.civicbackbone.policy.internal.PolicyAgenda.ItemSpec;
import org.civicbackbone.policy.internal.PolicyAgenda.Stage;
import org.civicbackbone.policy.internal.PolicyRecords.ItemRow;

/**
 * The rules of policy items as written: one open item an issue (partners' stances would split between two), and an
 * item's text changed only while it is being worked out. Its position and target are what partners take their stance
 * on and the bodies decide on, so they stay as they are once a partner has recorded a stance; each change counts a
 * revision, and the position is put to the bodies only as it was read.
 */
record PolicyItems(BackboneStore store, AuditLog audit) {

    /** Puts an item on the agenda as an idea; returns its id. */
    long add(String initiativeId, ItemSpec spec, String actor) {
        return store.inTurn(Policy.MODULE, initiativeId, c -> {
            PolicyRecords records = store.mapper(c, PolicyRecords.class);
            refuseOpenNamesake(records, initiativeId, spec.title(), null);
            GeneratedKey key = new GeneratedKey();
            records.insertItem(key, initiativeId, spec.title().strip(), spec.problem().strip(),
                    spec.proposedPosition().strip(), spec.targetKind(), spec.target().strip(), Stage.IDEA, actor,
                    Instant.now());
            audit.record(c, actor, initiativeId, Policy.MODULE, "item.add", "policy item " + key.id() + " '"
                    + spec.title().strip() + "'");
            return key.id();
        });
    }

    /**
     * Changes an item being worked out (an idea, or being researched) to what {@code spec} says; the audit log says
     * what changed. Returns whether anything did.
     */
    boolean change(String initiativeId, Item item, ItemSpec spec, String actor) {
        Changes changes = new Changes().quoted("title", item.title(), spec.title().strip())
                .named("problem", item.problem(), spec.problem().strip())
                .named("proposedPosition", item.proposedPosition(), spec.proposedPosition().strip())
                .named("target", item.targetKind() + " " + item.target(), spec.targetKind() + " " + spec.target().strip());
        if (changes.none()) {
            return false;
        }
        store.inTurn(Policy.MODULE, initiativeId, c -> {
            PolicyRecords records = store.mapper(c, PolicyRecords.class);
            refuseOpenNamesake(records, initiativeId, spec.title(), item.id());
            int stances = records.stancesOf(item.id()).size();
            for (String field : List.of("proposedPosition", "target")) {
                if (stances > 0 && changes.changed(field)) {
                    throw new ProblemException(Problem.conflict("Partners recorded " + stances + " stance(s) on policy "
                            + "item " + item.id() + " as it is: they would count for a "
                            + (field.equals("target") ? "target" : "position") + " they did not see.",
                            List.of(new Violation(field, "partners have taken their stance on it; put a new item on "
                                    + "the agenda to change it"))));
                }
            }
            if (records.updateItem(item.id(), spec.title().strip(), spec.problem().strip(),
                    spec.proposedPosition().strip(), spec.targetKind(), spec.target().strip(), item.positionProposalId(),
                    item.revision()) == 0) {
                throw new ProblemException(Problem.conflict("Policy item " + item.id() + " was put to the bodies, "
                        + "closed or changed meanwhile: look at it again."));
            }
            audit.record(c, actor, initiativeId, Policy.MODULE, "item.change", "policy item " + item.id() + ": "
                    + changes);
            return null;
        });
        return true;
    }

    /** Refuses a title an open item other than {@code self} has (409 naming {@code title}); a closed one may return. */
    private static void refuseOpenNamesake(PolicyRecords records, String initiativeId, String title, Long self) {
        for (ItemRow open : records.items(initiativeId)) {
            if (open.outcome() == null && !Long.valueOf(open.id()).equals(self) && SameName.of(open.title(), title)) {
                throw new ProblemException(Problem.conflict("Policy item " + open.id() + " is '" + open.title()
                        + "' (stage " + open.stage() + ", no outcome yet).",
                        List.of(new Violation("title", "is open item " + open.id()))));
            }
        }
    }
}
