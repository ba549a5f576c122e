package org.civicbackbone.rest.internal;

import static org.civicbackbone.api.rest.QueryParameters.day;
import static org.civicbackbone.api.rest.QueryParameters.oneOf;

import java.time.LocalDate;
import java.time.ZoneOffset;
import org.civicbackbone.api.decision.Proposal;
import org.civicbackbone.api.decision.ProposalState;
import org.civicbackbone.api.module.DecisionType;
import org.civicbackbone.api.problem.ProblemException;

/**
 * The filters of a list of proposals or of the decision log ({@code ?state=&type=&from=&until=}): each absent one lets
 * everything through; a value that is not one of the kind is refused with 400 naming the query parameter, so a typo
 * never looks like an empty log. {@code from} and {@code until} are days (UTC) the proposal was made on, both included.
 */
record ProposalFilter(ProposalState state, DecisionType type, LocalDate from, LocalDate until) {

    static ProposalFilter of(String state, String type, String from, String until) {
        ProposalFilter filter = new ProposalFilter(oneOf("state", state, ProposalState.class).orElse(null),
                oneOf("type", type, DecisionType.class).orElse(null), day("from", from).orElse(null),
                day("until", until).orElse(null));
        if (filter.from != null && filter.until != null && filter.until.isBefore(filter.from)) {
            throw ProblemException.invalid("until", "must not be before 'from' (" + filter.from + ")");
        }
        return filter;
    }

    boolean test(Proposal proposal) {
        LocalDate made = proposal.createdAt().atZone(ZoneOffset.UTC).toLocalDate();
        return (state == null || proposal.state() == state) && (type == null || proposal.type() == type)
                && (from == null || !made.isBefore(from)) && (until == null || !made.isAfter(until));
    }
}
