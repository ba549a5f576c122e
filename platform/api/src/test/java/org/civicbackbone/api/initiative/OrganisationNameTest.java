package org.civicbackbone.api.initiative;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

public class OrganisationNameTest {

    @Test
    public void legalSuffixesCasePunctuationAndAccentsDoNotTellOrganisationsApart() {
        assertTrue(OrganisationName.same("Org", "Org Inc."));
        assertTrue(OrganisationName.same("Eastside Trust", "EASTSIDE TRUST, INC"));
        assertTrue(OrganisationName.same("The Eastside Trust Ltd.", "eastside-trust"));
        assertTrue(OrganisationName.same("Fundación Río", "Fundacion Rio"));
        assertTrue(OrganisationName.same("Smith & Sons LLC", "Smith and Sons"));
    }

    @Test
    public void differentOrganisationsStayDifferent() {
        assertFalse(OrganisationName.same("Eastside Trust", "Westside Trust"));
        assertFalse(OrganisationName.same("", ""));
        assertFalse(OrganisationName.same(null, "Org"));
        assertTrue(OrganisationName.key("Inc").equals("inc"));
    }
}
