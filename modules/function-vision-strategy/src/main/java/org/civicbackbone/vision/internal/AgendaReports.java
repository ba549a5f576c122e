package org.civicbackbone.vision.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.LongPredicate;
import java.util.stream.Collectors;
import org.civicbackbone.api.csv.CsvTable;
import org.civicbackbone.api.decision.Proposal;
import org.civicbackbone.api.decision.ProposalState;
import org.civicbackbone.vision.internal.CommonAgenda.Goal;
import org.civicbackbone.vision.internal.CommonAgenda.Overview;
import org.civicbackbone.vision.internal.CommonAgenda.Status;
import org.civicbackbone.vision.internal.CommonAgenda.Strategy;
import org.civicbackbone.vision.internal.CommonAgenda.Version;

/** What the common agenda reports, from records and proposals alone: statuses, the overview, the CSV export. */
final class AgendaReports {

    private AgendaReports() {
    }

    /** Statuses from the adoption proposals: the latest approved version is in force, earlier approved ones superseded. */
    static List<Version> withStatus(List<Version> stored, Map<Long, Proposal> proposals) {
        Version inForce = stored.stream().filter(v -> v.proposalId() != null)
                .filter(v -> state(proposals, v) == ProposalState.APPROVED)
                .max(Comparator.comparing((Version v) -> proposals.get(v.proposalId()).decidedAt())
                        .thenComparingInt(Version::number)).orElse(null);
        List<Version> result = new ArrayList<>();
        for (Version v : stored) {
            ProposalState state = v.proposalId() == null ? null : state(proposals, v);
            Status status = state == ProposalState.OPEN ? Status.PROPOSED
                    : state == ProposalState.APPROVED ? (v == inForce ? Status.ADOPTED : Status.SUPERSEDED)
                    : Status.DRAFT;
            Instant adoptedAt = state == ProposalState.APPROVED ? proposals.get(v.proposalId()).decidedAt() : null;
            result.add(new Version(v.number(), v.initiativeId(), status, v.problemStatement(), v.vision(), v.goals(),
                    v.createdBy(), v.createdAt(), v.proposalId(), state, adoptedAt));
        }
        return result;
    }

    private static ProposalState state(Map<Long, Proposal> proposals, Version v) {
        Proposal p = proposals.get(v.proposalId());
        return p == null ? null : p.state();
    }

    /** The overview; {@code indicatorExists} is null when shared measurement is not installed. */
    static Overview overview(String initiativeId, List<Version> versions, LongPredicate indicatorExists) {
        List<String> attention = new ArrayList<>();
        Version adopted = versions.stream().filter(v -> v.status() == Status.ADOPTED).findFirst().orElse(null);
        Version proposed = versions.stream().filter(v -> v.status() == Status.PROPOSED).findFirst().orElse(null);
        long drafts = versions.stream().filter(v -> v.status() == Status.DRAFT).count();
        if (adopted == null) {
            attention.add(versions.isEmpty() ? "no common agenda yet: draft one"
                    : "no common agenda adopted yet" + (proposed == null ? ": put a draft to adoption"
                    : ": version " + proposed.number() + " awaits a decision"));
        }
        int strategies = 0;
        if (adopted != null) {
            for (Goal goal : adopted.goals()) {
                strategies += goal.strategies().size();
                if (goal.indicatorIds().isEmpty()) {
                    attention.add("goal " + goal.number() + " '" + goal.title() + "' has no indicator tracking it");
                }
                if (goal.strategies().isEmpty()) {
                    attention.add("goal " + goal.number() + " '" + goal.title() + "' has no strategy");
                }
                if (indicatorExists != null) {
                    goal.indicatorIds().stream().filter(id -> !indicatorExists.test(id)).forEach(id -> attention.add(
                            "goal " + goal.number() + " links indicator " + id + ", which no longer exists"));
                }
            }
        }
        return new Overview(initiativeId, adopted == null ? null : adopted.number(),
                adopted == null ? null : adopted.adoptedAt(), adopted == null ? 0 : adopted.goals().size(), strategies,
                (int) drafts, proposed == null ? null : proposed.number(),
                indicatorExists == null ? "not checked: shared measurement is not installed" : "checked", attention);
    }

    /** The goals and strategies of a version as CSV, one row per strategy; {@code names} names the indicators. */
    static String goals(Version version, Map<Long, String> names) {
        CsvTable csv = new CsvTable(List.of("version", "status", "goal", "goal_title", "outcome", "indicator_ids",
                "indicator_names", "strategy", "strategy_title", "strategy_description"));
        for (Goal goal : version.goals()) {
            String ids = goal.indicatorIds().stream().map(String::valueOf).collect(Collectors.joining(";"));
            String indicatorNames = goal.indicatorIds().stream().map(id -> names.getOrDefault(id, "?"))
                    .collect(Collectors.joining(";"));
            if (goal.strategies().isEmpty()) {
                csv.row(version.number(), version.status(), goal.number(), goal.title(), goal.outcome(), ids,
                        indicatorNames, null, null, null);
            }
            for (int s = 0; s < goal.strategies().size(); s++) {
                Strategy strategy = goal.strategies().get(s);
                csv.row(version.number(), version.status(), goal.number(), goal.title(), goal.outcome(), ids,
                        indicatorNames, s + 1, strategy.title(), strategy.description());
            }
        }
        return csv.toString();
    }
}
