package org.civicbackbone.api.console;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.util.List;
import org.junit.Test;

/** A function's pages named by id and title, each drawn by the script of its id under the function's folder. */
public class FunctionPagesTest {

    private static final class Pages extends FunctionPages {
        Pages(String... idsAndTitles) {
            super("policy", idsAndTitles);
        }
    }

    @Test
    public void eachPageIsDrawnByTheScriptOfItsId() {
        Pages pages = new Pages("items", "Policy items", "stances", "Stances");
        assertEquals("policy", pages.functionId());
        assertEquals(List.of(new ConsolePage("items", "Policy items", "/console/modules/policy/items.js"),
                new ConsolePage("stances", "Stances", "/console/modules/policy/stances.js")), pages.pages());
    }

    @Test
    public void pagesComeInPairsAndScriptsFromTheModulesFolder() {
        assertThrows(IllegalArgumentException.class, () -> new Pages("items"));
        assertThrows(IllegalArgumentException.class, () -> new Pages());
        assertThrows(IllegalArgumentException.class, () -> new ConsolePage("x", "X", "/elsewhere/x.js"));
    }
}
