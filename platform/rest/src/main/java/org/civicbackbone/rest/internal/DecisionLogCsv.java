package org.civicbackbone.rest.internal;

import java.util.List;
import java.util.stream.Collectors;
import org.civicbackbone.api.decision.Proposal;
import org.civicbackbone.api.decision.Vote;

/** The decision log as CSV: one row per vote, and one row for a proposal nobody voted on. */
final class DecisionLogCsv {

    static final String HEADER = "proposal,type,title,proposed_by,created_at,model,rule,outcome,decided_at,"
            + "step,voter,organisation,choice,reason,cast_at\r\n";

    private DecisionLogCsv() {
    }

    static void append(StringBuilder csv, Proposal p, List<Vote> votes) {
        String rule = p.steps().stream().map(s -> s.bodyType() + " " + s.rule()).collect(Collectors.joining(" then "));
        List<String> head = List.of(Long.toString(p.id()), p.type().name(), p.title(), p.proposedBy(),
                p.createdAt().toString(), p.modelId(), rule, p.state().name(),
                p.decidedAt() == null ? "" : p.decidedAt().toString());
        if (votes.isEmpty()) {
            line(csv, head, List.of("", "", "", "", "", ""));
        }
        for (Vote v : votes) {
            line(csv, head, List.of(Integer.toString(v.stepIndex() + 1), v.voter(),
                    v.organisation() == null ? "" : v.organisation(), v.choice().name(), v.reason(), v.castAt().toString()));
        }
    }

    private static void line(StringBuilder csv, List<String> head, List<String> tail) {
        String joined = java.util.stream.Stream.concat(head.stream(), tail.stream()).map(DecisionLogCsv::field)
                .collect(Collectors.joining(","));
        csv.append(joined).append("\r\n");
    }

    static String field(String value) {
        String v = value == null ? "" : value;
        // a leading = + - @ would be run as a formula by spreadsheets
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        return v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")
                ? '"' + v.replace("\"", "\"\"") + '"' : v;
    }
}
