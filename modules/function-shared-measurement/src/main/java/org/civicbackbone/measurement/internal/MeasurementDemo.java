package org.civicbackbone.measurement.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.civicbackbone.api.module.DemoData;
import org.civicbackbone.api.module.RememberedDemo;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Gives each demo initiative (marked demo by the core) two indicators and the last year of values, once: a row in
 * {@code sm_demo_loaded} remembers it, so a reinstall of the module does not load them again.
 */
@Component(service = DemoData.class)
public class MeasurementDemo extends RememberedDemo {

    static final List<String> LIBRARY_PARTNERS = List.of("Riverbend Public Library", "Northside Family Resource Center");
    static final List<String> SCHOOL_PARTNERS = List.of("Riverbend Unified School District", "Riverbend Head Start");

    private final SharedMeasurement measurement;

    @Activate
    public MeasurementDemo(@Reference SharedMeasurement measurement) {
        super(measurement.store(), SharedMeasurement.FUNCTION_ID, "sm_demo_loaded");
        this.measurement = measurement;
    }

    @Override
    protected void load(String initiativeId) {
        YearMonth thisMonth = YearMonth.now();
        LocalDate baselineDate = thisMonth.minusMonths(12).atDay(1);
        Indicator cards = measurement.insertIndicator(initiativeId, new IndicatorSpec("Library cards issued to children 0-8",
                "New library cards issued to children aged 0 to 8 living in the county, per month.", "cards",
                Direction.UP, Aggregation.SUM, PeriodType.MONTH, new BigDecimal("120"), baselineDate,
                new BigDecimal("250"), baselineDate.plusYears(3), BigDecimal.ZERO, null), "system");
        Indicator readiness = measurement.insertIndicator(initiativeId, new IndicatorSpec("Kindergarten readiness",
                "Share of children assessed as ready for kindergarten on the fall readiness screen.", "%",
                Direction.UP, Aggregation.MEAN, PeriodType.QUARTER, new BigDecimal("46"), baselineDate,
                new BigDecimal("65"), baselineDate.plusYears(5), BigDecimal.ZERO, new BigDecimal("100")), "system");
        StringBuilder csv = new StringBuilder(Csv.line(ValueImport.COLUMNS));
        for (int m = 12; m >= 1; m--) {
            YearMonth month = thisMonth.minusMonths(m);
            int step = 12 - m;
            csv.append(Csv.line(List.of(Long.toString(cards.id()), month.toString(), LIBRARY_PARTNERS.get(0),
                    Integer.toString(78 + 4 * step + (step % 3) * 2), "", "")));
            csv.append(Csv.line(List.of(Long.toString(cards.id()), month.toString(), LIBRARY_PARTNERS.get(1),
                    Integer.toString(44 + 2 * step + (step % 2) * 3), "", "")));
            csv.append(Csv.line(List.of(Long.toString(cards.id()), month.toString(), LIBRARY_PARTNERS.get(1),
                    Integer.toString(30 + step), "age band", "0-4")));
            csv.append(Csv.line(List.of(Long.toString(cards.id()), month.toString(), LIBRARY_PARTNERS.get(1),
                    Integer.toString(14 + step + (step % 2) * 3), "age band", "5-8")));
        }
        String[] quarters = {
            PeriodType.QUARTER.periodOf(thisMonth.minusMonths(12).atDay(1)),
            PeriodType.QUARTER.periodOf(thisMonth.minusMonths(9).atDay(1)),
            PeriodType.QUARTER.periodOf(thisMonth.minusMonths(6).atDay(1)),
            PeriodType.QUARTER.periodOf(thisMonth.minusMonths(3).atDay(1))};
        double[][] readinessValues = {{45.5, 47.0}, {46.0, 48.5}, {47.5, 49.0}, {48.0, 50.5}};
        for (int q = 0; q < quarters.length; q++) {
            for (int p = 0; p < SCHOOL_PARTNERS.size(); p++) {
                csv.append(Csv.line(List.of(Long.toString(readiness.id()), quarters[q], SCHOOL_PARTNERS.get(p),
                        Double.toString(readinessValues[q][p]), "", "")));
            }
        }
        measurement.storeValues(initiativeId, csv.toString(), "system");
    }
}
