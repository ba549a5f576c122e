package org.civicbackbone.core.internal;

import static org.junit.Assert.assertEquals;

import org.junit.Test;

public class SlugsTest {
    @Test
    public void makesUrlSafeIds() {
        assertEquals("riverbend-county-reads", Slugs.of("Riverbend County Reads!"));
        assertEquals("ecole-a-l-ete", Slugs.of("École à l'été"));
        assertEquals("initiative", Slugs.of("!!"));
        assertEquals("initiative-ab", Slugs.of("ab"));
    }
}
