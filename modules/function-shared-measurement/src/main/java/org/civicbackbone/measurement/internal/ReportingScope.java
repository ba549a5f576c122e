package org.civicbackbone.measurement.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.LongFunction;
import java.util.stream.Collectors;
import org.civicbackbone.api.initiative.AccessRole;
import org.civicbackbone.api.initiative.InitiativeAccess;
import org.civicbackbone.api.initiative.InitiativeService;
import org.civicbackbone.api.initiative.Membership;
import org.civicbackbone.api.initiative.Organisation;
import org.civicbackbone.api.problem.Problem;
import org.civicbackbone.api.problem.ProblemException;
import org.civicbackbone.api.problem.Violation;

/**
 * The organisations a login may report values for: any (staff, body members, admins), or, for a partner of the
 * initiative, only the organisations it sits for, so one partner cannot put figures in another's name.
 *
 * @param organisations the names of the organisations allowed, or null for any
 * @param ids           their ids in the initiative's organisation registry, or null for any
 */
public record ReportingScope(Set<String> organisations, Set<Long> ids) {

    /** Any organisation. */
    public static final ReportingScope ANY = new ReportingScope(null, null);

    boolean allows(Organisation partner) {
        return ids == null || ids.contains(partner.id());
    }

    /**
     * This scope as it is in a write's transaction: each organisation held there by {@code hold}
     * ({@code OrganisationRegistry.hold}), so its merge waits for the write, and one merged away since the scope was
     * read allowed as the organisation kept (a partner's seat moves to it). The ids read stay allowed: a row naming one
     * merged away is refused by the write's own hold, as merged.
     */
    ReportingScope heldIn(LongFunction<Organisation> hold) {
        if (ids == null) {
            return this;
        }
        List<Organisation> now = ids.stream().sorted().map(hold::apply).toList();
        Set<String> names = new HashSet<>(organisations);
        Set<Long> held = new HashSet<>(ids);
        now.forEach(o -> {
            names.add(o.name());
            held.add(o.id());
        });
        return new ReportingScope(names, held);
    }

    /** The scope of a login in an initiative: a partner's own organisations, anyone else's any. */
    static ReportingScope of(InitiativeAccess access, InitiativeService initiatives, String initiativeId, String login,
                             boolean platformAdmin) {
        if (access.role(initiativeId, login, platformAdmin).orElse(null) != AccessRole.PARTNER) {
            return ANY;
        }
        List<Membership> seats = initiatives.members(initiativeId).stream().filter(m -> login.equals(m.username()))
                .toList();
        return new ReportingScope(seats.stream().map(Membership::organisation).collect(Collectors.toSet()),
                seats.stream().map(Membership::organisationId).filter(Objects::nonNull).collect(Collectors.toSet()));
    }

    /** The 403 for a value in the name of an organisation out of scope, naming the field. */
    ProblemException refusal(String field, String partner) {
        return new ProblemException(new Problem("urn:civicbackbone:problem:forbidden", "Forbidden", 403,
                "Partners report values for their own organisation only.", List.of(new Violation(field, "'" + partner
                + "' is not an organisation you sit for; you may report for " + describe()))));
    }

    String describe() {
        return organisations == null ? "any organisation" : organisations.isEmpty() ? "no organisation (no seat names one)"
                : String.join(", ", new java.util.TreeSet<>(organisations));
    }
}
