package org.civicbackbone.resources.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.civicbackbone.api.audit.AuditLog;
import org.civicbackbone.api.initiative.SameName;
import org.civicbackbone.api.problem.ProblemException;
import org.civicbackbone.api.problem.RecordDays;
import org.civicbackbone.api.problem.Violation;
import org.civicbackbone.api.store.BackboneStore;
import org.civicbackbone.resources.internal.Funding.Budget;
import org.civicbackbone.resources.internal.Funding.BudgetLine;
import org.civicbackbone.resources.internal.Funding.BudgetSpec;

/** The initiative's budget per year: its lines replaced whole, each category once. */
record Budgets(BackboneStore store, AuditLog audit) {

    /**
     * A year's budget; a year records may not fall in ({@link RecordDays}) is refused naming it, as a write of it is.
     */
    Budget of(String initiativeId, int year) {
        ProblemException.refuseIfAny(RecordDays.outsideYears("year", year));
        List<BudgetLine> lines = store.read(c -> store.mapper(c, FundingRecords.class).budget(initiativeId, year));
        return new Budget(initiativeId, year, lines, lines.stream().map(BudgetLine::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    /** Refuses a year out of range and a category given twice, naming each. */
    void check(int year, BudgetSpec spec) {
        List<Violation> violations = new ArrayList<>(RecordDays.outsideYears("year", year));
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < spec.lines().size(); i++) {
            if (!seen.add(SameName.key(spec.lines().get(i).category()))) {
                violations.add(new Violation("lines[" + i + "].category", "'" + spec.lines().get(i).category()
                        + "' appears twice"));
            }
        }
        ProblemException.refuseIfAny(violations);
    }

    Budget set(String initiativeId, int year, BudgetSpec spec, String actor) {
        // in turn: two sets of one year at the same moment would each clear, then insert the same lines twice
        store.inTurn(ResourcesSchema.MODULE, initiativeId, c -> {
            FundingRecords records = store.mapper(c, FundingRecords.class);
            if (amounts(records.budget(initiativeId, year)).equals(amounts(spec.lines()))) {
                return null; // set as it is: nothing to write or log
            }
            records.clearBudget(initiativeId, year);
            spec.lines().forEach(line -> records.insertBudgetLine(initiativeId, year, line.category().strip(),
                    line.amount()));
            audit.record(c, actor, initiativeId, ResourcesSchema.MODULE, "budget.set", "budget " + year + " with "
                    + spec.lines().size() + " lines");
            return null;
        });
        return of(initiativeId, year);
    }

    /** Each category's amount, by value (1500.00 is 1500). */
    private static Map<String, BigDecimal> amounts(List<BudgetLine> lines) {
        return lines.stream().collect(Collectors.toMap(line -> line.category().strip(),
                line -> line.amount().stripTrailingZeros()));
    }
}
