package org.civicbackbone.resources.internal;

import java.time.LocalDate;
import java.util.List;
import org.civicbackbone.api.audit.AuditLog;
import org.civicbackbone.api.initiative.SameName;
import org.civicbackbone.api.problem.Problem;
import org.civicbackbone.api.problem.ProblemException;
import org.civicbackbone.api.problem.RecordDays;
import org.civicbackbone.api.problem.Violation;
import org.civicbackbone.api.store.BackboneStore;
import org.civicbackbone.api.store.GeneratedKey;
import org.civicbackbone.resources.internal.Funding.Deadline;
import org.civicbackbone.resources.internal.Funding.DeadlineSpec;

/** The reports grants owe their funders: due, due soon, overdue or submitted (once). */
record ReportingDeadlines(BackboneStore store, AuditLog audit) {

    List<Deadline> all(String initiativeId) {
        LocalDate today = LocalDate.now();
        return store.read(c -> store.mapper(c, FundingRecords.class).deadlines(initiativeId)).stream()
                .map(d -> new Deadline(d.id(), d.grantId(), d.grant(), d.funder(), d.dueOn(), d.description(),
                        d.submittedOn(), FundingReports.deadlineState(d.dueOn(), d.submittedOn(), today))).toList();
    }

    /** The reports overdue or due soon in each of these initiatives, by initiative, in one query. */
    java.util.Map<String, List<Deadline>> owed(java.util.Collection<String> initiativeIds) {
        LocalDate today = LocalDate.now();
        java.util.Map<String, List<Deadline>> owed = new java.util.LinkedHashMap<>();
        String[] ids = initiativeIds.stream().distinct().toArray(String[]::new);
        if (ids.length == 1) { // by equality: on PostgreSQL about half the time of the query for several
            List<Deadline> due = all(ids[0]).stream()
                    .filter(d -> d.state().equals("OVERDUE") || d.state().equals("DUE_SOON")).toList();
            return due.isEmpty() ? owed : java.util.Map.of(ids[0], due);
        }
        for (FundingRecords.OwedRow d : store.read(c -> store.mapper(c, FundingRecords.class).owed(ids,
                today.plusDays(FundingReports.DUE_SOON_DAYS)))) {
            owed.computeIfAbsent(d.initiativeId(), k -> new java.util.ArrayList<>()).add(new Deadline(d.id(),
                    d.grantId(), d.grant(), d.funder(), d.dueOn(), d.description(), null,
                    FundingReports.deadlineState(d.dueOn(), null, today)));
        }
        return owed;
    }

    /**
     * A report owed on a grant, due in a year a grant may run in; one report of one description due on one day once
     * (a second click would list it twice among the reports owed). Read in the writing transaction.
     */
    Deadline add(String initiativeId, long grantId, DeadlineSpec spec, String actor) {
        ProblemException.refuseIfAny(RecordDays.outsideYears("dueOn", spec.dueOn()));
        String description = spec.description().strip();
        GeneratedKey key = new GeneratedKey();
        store.inTurn(ResourcesSchema.MODULE, initiativeId, c -> {
            FundingRecords records = store.mapper(c, FundingRecords.class);
            for (FundingRecords.DeadlineRow owed : records.deadlines(initiativeId)) {
                if (owed.grantId() == grantId && owed.dueOn().equals(spec.dueOn())
                        && SameName.of(owed.description(), description)) {
                    throw new ProblemException(Problem.conflict("'" + owed.description() + "' is due on "
                            + owed.dueOn() + " already (deadline " + owed.id() + ").", List.of(new Violation(
                            "description", "is deadline " + owed.id() + " of the grant already"))));
                }
            }
            records.insertDeadline(key, grantId, spec.dueOn(), description);
            audit.record(c, actor, initiativeId, ResourcesSchema.MODULE, "deadline.add", "report due " + spec.dueOn()
                    + " on grant " + grantId);
            return null;
        });
        return one(initiativeId, key.id());
    }

    Deadline markSubmitted(String initiativeId, long grantId, long deadlineId, String actor) {
        Deadline deadline = all(initiativeId).stream().filter(d -> d.id() == deadlineId && d.grantId() == grantId)
                .findFirst().orElseThrow(() -> new ProblemException(Problem.notFound("Grant " + grantId
                        + " has no reporting deadline " + deadlineId + ".")));
        if (deadline.submittedOn() != null) {
            throw new ProblemException(Problem.conflict("The report was already submitted on " + deadline.submittedOn()
                    + "."));
        }
        store.inTransaction(c -> {
            if (store.mapper(c, FundingRecords.class).markSubmitted(deadlineId, LocalDate.now()) == 0) {
                throw new ProblemException(Problem.conflict("The report was marked submitted while this was sent."));
            }
            audit.record(c, actor, initiativeId, ResourcesSchema.MODULE, "deadline.submitted", "report " + deadlineId
                    + " on grant " + grantId);
            return null;
        });
        return one(initiativeId, deadlineId);
    }

    private Deadline one(String initiativeId, long deadlineId) {
        return all(initiativeId).stream().filter(d -> d.id() == deadlineId).findFirst().orElseThrow();
    }
}
