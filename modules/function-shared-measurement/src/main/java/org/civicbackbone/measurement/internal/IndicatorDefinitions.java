package org.civicbackbone.measurement.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.civicbackbone.api.audit.AuditLog;
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
                    "indicator " + indicatorId + " '" + name + "'" + changes(before, spec));
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
            faults.add(new Violation("minimum", "is above " + plain(held.least())
                    + ", a value already reported; correct that value first"));
        }
        if (spec.maximum() != null && held.most().compareTo(spec.maximum()) > 0) {
            faults.add(new Violation("maximum", "is below " + plain(held.most())
                    + ", a value already reported; correct that value first"));
        }
        return faults;
    }

    /** The fields the change alters, for the audit log: {@code ": minimum none -> 0, maximum none -> 500"}. */
    private static String changes(Indicator before, IndicatorSpec after) {
        List<String> changed = new ArrayList<>();
        change(changed, "name", before.name(), after.name().strip());
        change(changed, "definition", before.definition(), after.definition());
        change(changed, "unit", before.unit(), after.unit());
        change(changed, "direction", before.direction(), after.direction());
        change(changed, "aggregation", before.aggregation(), after.aggregation());
        change(changed, "reportingPeriod", before.reportingPeriod(), after.reportingPeriod());
        change(changed, "baseline", before.baseline(), after.baseline());
        change(changed, "baselineDate", before.baselineDate(), after.baselineDate());
        change(changed, "target", before.target(), after.target());
        change(changed, "targetDate", before.targetDate(), after.targetDate());
        change(changed, "minimum", before.minimum(), after.minimum());
        change(changed, "maximum", before.maximum(), after.maximum());
        return changed.isEmpty() ? " (unchanged)" : ": " + String.join(", ", changed);
    }

    private static void change(List<String> changed, String field, Object was, Object is) {
        boolean same = was instanceof BigDecimal a && is instanceof BigDecimal b ? a.compareTo(b) == 0
                : Objects.equals(was, is);
        if (!same) {
            changed.add(field + " " + shown(was) + " -> " + shown(is));
        }
    }

    private static String shown(Object value) {
        if (value == null) {
            return "none";
        }
        return value instanceof BigDecimal figure ? plain(figure) : value instanceof String text ? "'" + text + "'"
                : value.toString();
    }

    private static String plain(BigDecimal figure) {
        return figure.stripTrailingZeros().toPlainString();
    }
}
