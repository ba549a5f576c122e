package org.civicbackbone.measurement.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.civicbackbone.api.audit.AuditLog;
import org.civicbackbone.api.audit.Changes;
import org.civicbackbone.api.initiative.SameName;
import org.civicbackbone.api.problem.Problem;
import org.civicbackbone.api.problem.ProblemException;
import org.civicbackbone.api.problem.Violation;
import org.civicbackbone.api.store.BackboneStore;
import org.civicbackbone.api.store.GeneratedKey;

/**
 * Defining an indicator and changing its definition. Both run in turn with the module's other once-only rules of the
 * initiative (a name of its own); a change also holds the indicator's row, so reports and imports of its values wait
 * for it and then find the rules it set.
 */
record IndicatorDefinitions(BackboneStore store, AuditLog audit) {

    Indicator define(String initiativeId, IndicatorSpec spec, String actor) {
        return store.inTurn(MeasurementSchema.MODULE, initiativeId, c -> {
            MeasurementRecords records = store.mapper(c, MeasurementRecords.class);
            refuseNamesake(records, initiativeId, spec, 0);
            GeneratedKey key = new GeneratedKey();
            records.insertIndicator(key, initiativeId, spec.name().strip(), spec.definition(), spec.unit(),
                    spec.direction(), spec.aggregation(), spec.reportingPeriod(), spec.baseline(), spec.baselineDate(),
                    spec.target(), spec.targetDate(), spec.minimum(), spec.maximum());
            audit.record(c, actor, initiativeId, MeasurementSchema.MODULE, "indicator.create",
                    "indicator " + key.id() + " '" + spec.name().strip() + "'");
            return records.indicator(initiativeId, key.id());
        });
    }

    /**
     * Changes an indicator's definition. Values already reported stay as they are, so the change must suit them: its
     * kind of period stays while it has values (their periods are written so), and its bounds must hold every one of
     * them (409 naming the field; the value is corrected first).
     */
    Indicator redefine(String initiativeId, long indicatorId, IndicatorSpec spec, String actor) {
        return store.inTurn(MeasurementSchema.MODULE, initiativeId, c -> {
            MeasurementRecords records = store.mapper(c, MeasurementRecords.class);
            Indicator before = records.indicator(initiativeId, indicatorId);
            if (before == null) {
                throw new ProblemException(Problem.notFound("Initiative '" + initiativeId + "' has no indicator "
                        + indicatorId + "."));
            }
            Changes changes = changes(before, spec);
            if (changes.none()) {
                return before; // sent again, or twice at one moment: nothing to write or log
            }
            store.mapper(c, ImportRecords.class).lockIndicator(indicatorId); // its value writes wait, then see the change
            refuseNamesake(records, initiativeId, spec, indicatorId);
            List<Violation> unsuited = unsuited(records.valueRange(indicatorId), before, spec);
            if (!unsuited.isEmpty()) {
                throw new ProblemException(Problem.conflict("Indicator " + indicatorId + " has values reported that "
                        + "the new definition would not allow; nothing was changed.", unsuited));
            }
            String name = spec.name().strip();
            records.updateIndicator(indicatorId, name, spec);
            audit.record(c, actor, initiativeId, MeasurementSchema.MODULE, "indicator.update",
                    "indicator " + indicatorId + " '" + name + "': " + changes);
            return records.indicator(initiativeId, indicatorId);
        });
    }

    /** Refuses (409 naming {@code name}) a name another indicator of the initiative has, case and spaces aside. */
    private static void refuseNamesake(MeasurementRecords records, String initiativeId, IndicatorSpec spec,
                                       long itself) {
        for (Indicator other : records.indicators(initiativeId)) {
            if (other.id() != itself && SameName.of(other.name(), spec.name())) {
                throw new ProblemException(Problem.conflict("Indicator " + other.id() + " is called '" + other.name()
                        + "' already.", List.of(new Violation("name", "is the name of indicator " + other.id()))));
            }
        }
    }

    /** What in the new definition the values already reported would break, by field. */
    private static List<Violation> unsuited(MeasurementRecords.ValueRange held, Indicator before, IndicatorSpec spec) {
        List<Violation> faults = new ArrayList<>();
        if (held.values() == 0) {
            return faults;
        }
        if (spec.reportingPeriod() != before.reportingPeriod()) {
            faults.add(new Violation("reportingPeriod", "cannot change while the indicator holds " + held.values()
                    + " values reported by " + before.reportingPeriod()));
        }
        if (spec.minimum() != null && held.least().compareTo(spec.minimum()) < 0) {
            faults.add(new Violation("minimum", "is above " + figure(held.least()).toPlainString()
                    + ", a value already reported; correct that value first"));
        }
        if (spec.maximum() != null && held.most().compareTo(spec.maximum()) > 0) {
            faults.add(new Violation("maximum", "is below " + figure(held.most()).toPlainString()
                    + ", a value already reported; correct that value first"));
        }
        return faults;
    }

    /** What the change alters, for the audit log: {@code name 'Cards' to 'Library cards'; minimum none to 0}. */
    private static Changes changes(Indicator before, IndicatorSpec after) {
        return new Changes().quoted("name", before.name(), after.name().strip())
                .named("definition", before.definition(), after.definition())
                .quoted("unit", before.unit(), after.unit())
                .shown("direction", before.direction(), after.direction())
                .shown("aggregation", before.aggregation(), after.aggregation())
                .shown("reportingPeriod", before.reportingPeriod(), after.reportingPeriod())
                .shown("baseline", figure(before.baseline()), figure(after.baseline()))
                .shown("baselineDate", before.baselineDate(), after.baselineDate())
                .shown("target", figure(before.target()), figure(after.target()))
                .shown("targetDate", before.targetDate(), after.targetDate())
                .shown("minimum", figure(before.minimum()), figure(after.minimum()))
                .shown("maximum", figure(before.maximum()), figure(after.maximum()));
    }

    /** A figure as a person writes it: 200, not 200.000000. */
    private static BigDecimal figure(BigDecimal figure) {
        return figure == null ? null : figure.stripTrailingZeros();
    }
}
