package org.civicbackbone.policy.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.civicbackbone.api.decision.Proposal;
import org.civicbackbone.api.decision.ProposalState;
import org.civicbackbone.api.initiative.OrganisationName;
import org.civicbackbone.policy.internal.PolicyAgenda.Item;
import org.civicbackbone.policy.internal.PolicyAgenda.Outcome;
import org.civicbackbone.policy.internal.PolicyAgenda.Overview;
import org.civicbackbone.policy.internal.PolicyAgenda.Stage;
import org.civicbackbone.policy.internal.PolicyAgenda.Stance;
import org.civicbackbone.policy.internal.PolicyAgenda.StanceKind;
import org.civicbackbone.policy.internal.PolicyAgenda.Statement;
import org.civicbackbone.policy.internal.PolicyAgenda.Status;
import org.civicbackbone.policy.internal.PolicyRecords.ItemRow;

/** What the policy agenda says about itself: an item as read, its status, public statements and the overview. No storage. */
final class PolicyReports {

    private PolicyReports() {
    }

    static Statement statement(Item item, List<Stance> current) {
        List<String> endorsed = names(current, StanceKind.ENDORSE);
        List<String> neutral = names(current, StanceKind.NEUTRAL);
        List<String> dissenting = names(current, StanceKind.DISSENT);
        int notNamed = (int) current.stream().filter(s -> !s.named()).count();
        return new Statement(item.id(), item.title(), item.proposedPosition(), item.target(), item.status(), endorsed,
                neutral, dissenting, notNamed);
    }

    private static List<String> names(List<Stance> current, StanceKind kind) {
        return current.stream().filter(s -> s.stance() == kind && s.named()).map(Stance::organisation).sorted().toList();
    }

    /** The latest stance of each organisation. */
    static List<Stance> current(List<Stance> history) {
        Map<String, Stance> latest = new LinkedHashMap<>();
        history.forEach(s -> latest.put(s.organisationId() != null ? "#" + s.organisationId()
                : OrganisationName.key(s.organisation()), s));
        return List.copyOf(latest.values());
    }

    static Overview overview(String initiativeId, List<Item> items, int partners) {
        Map<Status, Long> byStatus = new EnumMap<>(Status.class);
        items.forEach(i -> byStatus.merge(i.status(), 1L, Long::sum));
        List<String> attention = new ArrayList<>();
        for (Item i : items) {
            long stated = i.stances().values().stream().mapToLong(Long::longValue).sum();
            if (i.status() == Status.POSITION_PROPOSED && stated < partners) {
                attention.add("'" + i.title() + "': position being decided; " + (partners - stated) + " of " + partners
                        + " partners have not stated a stance");
            }
            long dissent = i.stances().getOrDefault(StanceKind.DISSENT, 0L);
            if (dissent > 0 && (i.status() == Status.POSITION_PROPOSED || i.status() == Status.POSITION_ADOPTED)) {
                attention.add("'" + i.title() + "': " + dissent + " partner" + (dissent == 1 ? " dissents" : "s dissent"));
            }
            if (i.lastDecision() != null && i.lastDecision() != ProposalState.OPEN
                    && i.lastDecision() != ProposalState.APPROVED && i.status() != Status.CLOSED) {
                attention.add("'" + i.title() + "': the position was not adopted ("
                        + i.lastDecision().name().toLowerCase(Locale.ROOT) + ")");
            }
        }
        return new Overview(initiativeId, items.size(), byStatus, attention);
    }

    /** An item as read: its status from its stage, its proposal's state and its outcome; its current stances counted. */
    static Item item(String initiativeId, ItemRow row, Map<Long, Proposal> proposals, List<Stance> current) {
        Long proposal = row.positionProposalId();
        ProposalState decision = proposal == null || !proposals.containsKey(proposal) ? null
                : proposals.get(proposal).state();
        Map<StanceKind, Long> counts = new EnumMap<>(StanceKind.class);
        for (StanceKind k : StanceKind.values()) {
            counts.put(k, 0L);
        }
        current.forEach(stance -> counts.merge(stance.stance(), 1L, Long::sum));
        return new Item(row.id(), initiativeId, row.title(), row.problem(), row.proposedPosition(), row.targetKind(),
                row.target(), status(row.stage(), decision, row.outcome()), proposal, decision, row.outcome(),
                row.outcomeNote(), counts, row.createdBy(), row.createdAt(), row.revision());
    }

    static Status status(Stage stage, ProposalState decision, Outcome outcome) {
        if (outcome != null) {
            return Status.CLOSED;
        }
        if (decision == ProposalState.OPEN) {
            return Status.POSITION_PROPOSED;
        }
        if (decision == ProposalState.APPROVED) {
            return Status.POSITION_ADOPTED;
        }
        return stage == Stage.RESEARCHING ? Status.RESEARCHING : Status.IDEA;
    }
}
