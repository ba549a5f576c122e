package org.civicbackbone.measurement.internal.shell;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.civicbackbone.api.problem.Violation;
import org.civicbackbone.measurement.internal.Aggregation;
import org.civicbackbone.measurement.internal.Direction;
import org.civicbackbone.measurement.internal.Indicator;
import org.civicbackbone.measurement.internal.IndicatorSpec;
import org.civicbackbone.measurement.internal.PeriodType;
import org.junit.Test;

/** How the shell's indicator options become a definition, when adding and when changing one. */
public class IndicatorOptionsTest {

    private static final Indicator READY = new Indicator(7, "riverbend", "Ready", "ready on the screen", "%",
            Direction.UP, Aggregation.MEAN, PeriodType.QUARTER, new BigDecimal("40"), LocalDate.of(2025, 1, 1),
            new BigDecimal("60"), LocalDate.of(2030, 1, 1), BigDecimal.ZERO, null);

    @Test
    public void aChangeTakesTheOptionsGivenAndKeepsTheRest() {
        IndicatorUpdateCommand update = new IndicatorUpdateCommand();
        update.maximum = "100";
        update.minimum = "NONE";
        update.target = "65";
        List<Violation> faults = new ArrayList<>();
        IndicatorSpec spec = update.spec("Ready", READY, faults);
        assertEquals(List.of(), faults);
        assertEquals(new IndicatorSpec("Ready", "ready on the screen", "%", Direction.UP, Aggregation.MEAN,
                PeriodType.QUARTER, READY.baseline(), LocalDate.of(2025, 1, 1), new BigDecimal("65"),
                LocalDate.of(2030, 1, 1), null, new BigDecimal("100")), spec);
    }

    @Test
    public void addingNamesEveryOptionMissingOrBadAtOnce() {
        IndicatorAddCommand add = new IndicatorAddCommand();
        add.unit = "cards";
        add.period = "week";
        add.maximum = "lots";
        List<Violation> faults = new ArrayList<>();
        IndicatorSpec spec = add.spec("Cards", null, faults);
        assertEquals(List.of(new Violation("--definition", "is required"),
                new Violation("--period", "'week' is not MONTH, QUARTER or YEAR"),
                new Violation("--baseline", "is required"), new Violation("--baseline-date", "is required"),
                new Violation("--target", "is required"), new Violation("--target-date", "is required"),
                new Violation("--maximum", "'lots' is not a number or none")), faults);
        // what adding takes when not told
        assertEquals(Direction.UP, spec.direction());
        assertEquals(Aggregation.SUM, spec.aggregation());
        assertNull(spec.minimum());
    }

    @Test
    public void theListSaysWhatAValueMayBe() {
        assertEquals("at least 0", IndicatorsCommand.range(READY));
        Indicator share = new Indicator(8, "riverbend", "Share", "d", "%", Direction.UP, Aggregation.MEAN,
                PeriodType.QUARTER, new BigDecimal("40"), LocalDate.of(2025, 1, 1), new BigDecimal("60"),
                LocalDate.of(2030, 1, 1), new BigDecimal("0.000"), new BigDecimal("100.000000"));
        assertEquals("0 to 100", IndicatorsCommand.range(share));
    }
}
