package org.civicbackbone.rest.internal;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
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
        ProposalFilter filter = new ProposalFilter(value("state", state, ProposalState.class),
                value("type", type, DecisionType.class), day("from", from), day("until", until));
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

    private static <E extends Enum<E>> E value(String field, String text, Class<E> kind) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(kind, text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(field, "'" + text + "' is not one of " + Arrays.toString(kind.getEnumConstants()));
        }
    }

    private static LocalDate day(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, "'" + text + "' is not a day (YYYY-MM-DD)");
        }
    }
}
