package org.civicbackbone.vision.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.civicbackbone.api.decision.ProposalState;
import org.civicbackbone.api.initiative.SameName;
import org.civicbackbone.api.problem.Violation;

/** The common agenda's records: versions, goals, strategies, and what callers send to draft one. */
public final class CommonAgenda {

    private CommonAgenda() {
    }

    /** Where a version stands. */
    public enum Status {
        /** Not (or not yet successfully) put to a decision. */
        DRAFT,
        /** Its adoption is being decided. */
        PROPOSED,
        /** The agenda in force: the most recently adopted version. */
        ADOPTED,
        /** Adopted once, since replaced by a later adopted version. */
        SUPERSEDED
    }

    /** A strategy under a goal. */
    public record Strategy(String title, String description) {
    }

    /** A goal (outcome) with the shared indicators that track it. */
    public record Goal(int number, String title, String outcome, List<Long> indicatorIds, List<Strategy> strategies) {
        public Goal {
            indicatorIds = List.copyOf(indicatorIds);
            strategies = List.copyOf(strategies);
        }
    }

    /**
     * One version of the common agenda. Versions are never edited: a revision is a new version.
     *
     * @param proposalId          the adoption proposal, or null while never proposed
     * @param proposalState       that proposal's state, or null
     * @param adoptedAt           when its adoption was decided, or null
     */
    public record Version(int number, String initiativeId, Status status, String problemStatement, String vision,
                          List<Goal> goals, String createdBy, Instant createdAt, Long proposalId,
                          ProposalState proposalState, Instant adoptedAt) {
        public Version {
            goals = List.copyOf(goals);
        }
    }

    /** A strategy to draft. */
    public record StrategySpec(@NotBlank @Size(max = 200) String title, @Size(max = 2000) String description) {
    }

    /** A goal to draft; indicators are shared-measurement indicator ids of the same initiative. */
    public record GoalSpec(@NotBlank @Size(max = 200) String title, @NotBlank @Size(max = 2000) String outcome,
                           @Size(max = 20) List<@NotNull Long> indicatorIds,
                           @Size(max = 30) List<@Valid @NotNull StrategySpec> strategies) {
        List<Long> indicators() {
            return indicatorIds == null ? List.of() : indicatorIds;
        }

        List<StrategySpec> strategyList() {
            return strategies == null ? List.of() : strategies;
        }
    }

    /** A new version of the agenda, complete. */
    public record VersionSpec(@NotBlank @Size(max = 4000) String problemStatement,
                              @NotBlank @Size(max = 2000) String vision,
                              @NotEmpty @Size(max = 30) List<@Valid @NotNull GoalSpec> goals) {

        /**
         * Each goal whose title an earlier goal has, and each strategy whose title an earlier strategy of its goal has
         * (case and spaces aside): one agenda, one goal a title; one goal, one strategy a title.
         */
        List<Violation> repeatedTitles() {
            List<Violation> repeated = new ArrayList<>();
            repeats(goals.stream().map(GoalSpec::title).toList(), (later, earlier) -> repeated.add(new Violation(
                    "goals[" + later + "].title", "is the title of goal " + (earlier + 1) + " too")));
            for (int g = 0; g < goals.size(); g++) {
                String goal = "goals[" + g + "]";
                repeats(goals.get(g).strategyList().stream().map(StrategySpec::title).toList(), (later, earlier) ->
                        repeated.add(new Violation(goal + ".strategies[" + later + "].title", "is the title of "
                                + "strategy " + (earlier + 1) + " of this goal too")));
            }
            return repeated;
        }

        /** Whether a stored version says word for word what this one would (as it is stored: stripped). */
        boolean sameAs(Version stored) {
            if (!problemStatement.strip().equals(stored.problemStatement()) || !vision.strip().equals(stored.vision())
                    || goals.size() != stored.goals().size()) {
                return false;
            }
            for (int g = 0; g < goals.size(); g++) {
                GoalSpec goal = goals.get(g);
                Goal kept = stored.goals().get(g);
                List<Strategy> strategies = goal.strategyList().stream()
                        .map(p -> new Strategy(p.title().strip(), p.description())).toList();
                if (!goal.title().strip().equals(kept.title()) || !goal.outcome().strip().equals(kept.outcome())
                        || !goal.indicators().stream().distinct().toList().equals(kept.indicatorIds())
                        || !strategies.equals(kept.strategies())) {
                    return false;
                }
            }
            return true;
        }

        /** Calls {@code each} with the index of every title an earlier one has, and that earlier one's index. */
        private static void repeats(List<String> titles, BiConsumer<Integer, Integer> each) {
            Map<String, Integer> first = new HashMap<>();
            for (int i = 0; i < titles.size(); i++) {
                Integer earlier = first.putIfAbsent(SameName.key(titles.get(i)), i);
                if (earlier != null) {
                    each.accept(i, earlier);
                }
            }
        }
    }

    /** A request to put a version to adoption. */
    public record AdoptionSpec(@Size(max = 4000) String reason, @Min(1) @Max(90) Integer expiresInDays) {
    }

    /**
     * What {@code GET .../vision-strategy} answers.
     *
     * @param adoptedVersion  the version in force, or null when none is adopted yet
     * @param indicatorLinks  "checked" when shared measurement is installed, "not checked" otherwise
     */
    public record Overview(String initiativeId, Integer adoptedVersion, Instant adoptedAt, int goals, int strategies,
                           int drafts, Integer proposedVersion, String indicatorLinks, List<String> needsAttention) {
        public Overview {
            needsAttention = List.copyOf(needsAttention);
        }
    }
}
