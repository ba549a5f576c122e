package org.civicbackbone.api.initiative;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

public class SameNameTest {

    @Test
    public void caseAndSpacesDoNotTellNamesApart() {
        assertTrue(SameName.of("Riverbend Reads", " riverbend  READS "));
        assertTrue(SameName.of("Early\tlearning", "early learning"));
        assertEquals("early learning", SameName.key("  Early   Learning "));
    }

    @Test
    public void otherWordsBlankAndNoneAreNotTheSame() {
        assertFalse(SameName.of("Riverbend Reads", "Riverbend Reads Inc"));
        assertFalse("words run together are another name", SameName.of("Riverbend Reads", "RiverbendReads"));
        assertFalse(SameName.of("", " "));
        assertFalse(SameName.of(null, null));
        assertEquals("", SameName.key(null));
    }
}
