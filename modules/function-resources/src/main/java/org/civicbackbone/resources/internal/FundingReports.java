package org.civicbackbone.resources.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.civicbackbone.api.csv.CsvTable;
import org.civicbackbone.api.decision.ProposalState;
import org.civicbackbone.resources.internal.Funding.Allocation;
import org.civicbackbone.resources.internal.Funding.Budget;
import org.civicbackbone.resources.internal.Funding.Deadline;
import org.civicbackbone.resources.internal.Funding.Funder;
import org.civicbackbone.resources.internal.Funding.Grant;
import org.civicbackbone.resources.internal.Funding.GrantStatus;
import org.civicbackbone.resources.internal.Funding.Overview;
import org.civicbackbone.resources.internal.Funding.Stage;
import org.civicbackbone.resources.internal.Funding.Totals;

/** What the resources function reports: statuses, money totals, the overview and the CSV exports, from records alone. */
final class FundingReports {

    static final int DUE_SOON_DAYS = 30;

    private FundingReports() {
    }

    /** A grant's status: its stage, or once awarded, what its acceptance proposal says. */
    static GrantStatus status(Stage stage, ProposalState acceptance) {
        if (stage != Stage.AWARDED || acceptance == null) {
            return GrantStatus.valueOf(stage.name());
        }
        return switch (acceptance) {
            case OPEN -> GrantStatus.ACCEPTING;
            case APPROVED -> GrantStatus.ACTIVE;
            default -> GrantStatus.NOT_ACCEPTED;
        };
    }

    /** SUBMITTED, OVERDUE, DUE_SOON (within 30 days) or UPCOMING. */
    static String deadlineState(LocalDate due, LocalDate submitted, LocalDate today) {
        if (submitted != null) {
            return "SUBMITTED";
        }
        if (due.isBefore(today)) {
            return "OVERDUE";
        }
        return due.isAfter(today.plusDays(DUE_SOON_DAYS)) ? "UPCOMING" : "DUE_SOON";
    }

    static Overview overview(String initiativeId, int funders, List<Grant> grants, List<Allocation> allocations,
                             List<Deadline> deadlines, Budget budget) {
        Map<GrantStatus, Long> byStatus = new EnumMap<>(GrantStatus.class);
        grants.forEach(g -> byStatus.merge(g.status(), 1L, Long::sum));
        Totals totals = totals(grants, allocations);
        List<Deadline> upcoming = deadlines.stream().filter(d -> d.state().equals("DUE_SOON")).toList();
        List<Deadline> overdue = deadlines.stream().filter(d -> d.state().equals("OVERDUE")).toList();
        List<String> attention = new ArrayList<>();
        overdue.forEach(d -> attention.add("report overdue since " + d.dueOn() + ": " + d.description() + " ("
                + d.funder() + ")"));
        upcoming.forEach(d -> attention.add("report due " + d.dueOn() + ": " + d.description() + " (" + d.funder() + ")"));
        grants.stream().filter(g -> g.status() == GrantStatus.AWARDED).forEach(g -> attention.add("award of "
                + Amounts.written(g.amountAwarded()) + " from " + g.funder() + " awaits a decision to accept it"));
        long pending = allocations.stream().filter(a -> a.state() == ProposalState.OPEN).count();
        if (pending > 0) {
            attention.add(pending + " allocation" + (pending == 1 ? "" : "s") + " awaiting approval");
        }
        if (budget.total().compareTo(totals.awarded()) > 0) {
            attention.add("the " + budget.year() + " budget (" + Amounts.written(budget.total())
                    + ") is more than the grants accepted (" + Amounts.written(totals.awarded()) + ")");
        }
        return new Overview(initiativeId, funders, byStatus, totals, budget.total(), upcoming, overdue, attention);
    }

    static Totals totals(List<Grant> grants, List<Allocation> allocations) {
        BigDecimal awarded = grants.stream().filter(g -> g.status() == GrantStatus.ACTIVE).map(Grant::amountAwarded)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal received = grants.stream().map(Grant::received).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal allocated = sum(allocations, ProposalState.APPROVED);
        BigDecimal pending = sum(allocations, ProposalState.OPEN);
        return new Totals(awarded, received, allocated, pending, received.subtract(allocated).subtract(pending));
    }

    /** What is allocated or pending: both count against the money received. */
    static BigDecimal committed(List<Allocation> allocations) {
        return sum(allocations, ProposalState.APPROVED).add(sum(allocations, ProposalState.OPEN));
    }

    private static BigDecimal sum(List<Allocation> allocations, ProposalState state) {
        return allocations.stream().filter(a -> a.state() == state).map(Allocation::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    static String grants(List<Grant> grants) {
        CsvTable csv = new CsvTable(List.of("id", "funder", "title", "status", "amount_requested", "amount_awarded",
                "received", "period_start", "period_end", "acceptance_proposal"));
        for (Grant g : grants) {
            csv.row(g.id(), g.funder(), g.title(), g.status(), g.amountRequested(), g.amountAwarded(), g.received(),
                    g.periodStart(), g.periodEnd(), g.acceptanceProposalId());
        }
        return csv.toString();
    }

    static String deadlines(List<Deadline> deadlines) {
        CsvTable csv = new CsvTable(List.of("id", "grant", "grant_title", "funder", "due_on", "description", "state",
                "submitted_on"));
        for (Deadline d : deadlines) {
            csv.row(d.id(), d.grantId(), d.grant(), d.funder(), d.dueOn(), d.description(), d.state(), d.submittedOn());
        }
        return csv.toString();
    }

    static String funders(List<Funder> funders) {
        CsvTable csv = new CsvTable(List.of("id", "name", "sector", "contact"));
        for (Funder f : funders) {
            csv.row(f.id(), f.name(), f.sector(), f.contact());
        }
        return csv.toString();
    }

    static String allocations(List<Allocation> allocations) {
        CsvTable csv = new CsvTable(List.of("id", "grant", "recipient_kind", "recipient", "partner_organisation",
                "amount", "purpose", "proposal", "state", "proposed_by", "proposed_at"));
        for (Allocation a : allocations) {
            csv.row(a.id(), a.grantId(), a.recipientKind(), a.recipient(), a.partnerOrganisation(), a.amount(),
                    a.purpose(), a.proposalId(), a.state(), a.proposedBy(), a.proposedAt());
        }
        return csv.toString();
    }
}
