package org.civicbackbone.api.audit;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.Test;

/** What an edit changed, in the audit log's words. */
public class ChangesTest {

    @Test
    public void eachChangedFieldIsSaidOnceInTheOrderGivenAndTheUnchangedSayNothing() {
        Changes changes = new Changes().quoted("title", "Reading week", "Reading week, all week")
                .named("text", "All of us read.", "All of us read, every day.")
                .shown("owner", "Library", "Library")
                .shown("goals", List.of(1), List.of(1, 3))
                .shown("end", null, LocalDate.of(2027, 6, 30));
        assertEquals("title 'Reading week' to 'Reading week, all week'; text; goals [1] to [1, 3]; end none to "
                + "2027-06-30", changes.toString());
        assertTrue(changes.changed("goals"));
        assertTrue(changes.changed("text"));
        assertFalse(changes.changed("owner"));
        assertFalse("a field by its whole name, not a prefix of another's", new Changes().shown("held on", 1, 2)
                .changed("held"));
        assertFalse(changes.none());
    }

    @Test
    public void amountsAreComparedByTheirValue() {
        assertTrue(new Changes().shown("requested", new BigDecimal("1500.00"), new BigDecimal("1500")).none());
        assertEquals("requested 1500.00 to 1750", new Changes().shown("requested", new BigDecimal("1500.00"),
                new BigDecimal("1750")).toString());
        assertEquals("", new Changes().toString());
    }
}
