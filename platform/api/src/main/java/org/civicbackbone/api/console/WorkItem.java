package org.civicbackbone.api.console;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One item of an initiative on the "My work" page ({@link WorkItems}).
 *
 * @param kind whether it is a day coming up or something that needs attention now
 * @param when the day it falls due or takes place; for something that needs attention, the day it concerns, or null
 * @param what what it is, as the page shows it ("Report due: Q3 narrative (Eastside Trust)")
 * @param late whether its day has passed and it is still not done
 * @param page the module's console page that shows it (a {@link ConsolePage#id()}), or null
 */
public record WorkItem(Kind kind, LocalDate when, String what, boolean late, String page) {

    /** Where the page lists an item. */
    public enum Kind {
        /** A day ahead (or passed and still open, when late): a deadline, a meeting. */
        COMING_UP,
        /** Something to look at now: an indicator off track or not reported. */
        NEEDS_ATTENTION
    }

    public WorkItem {
        Objects.requireNonNull(kind, "kind");
        if (what == null || what.isBlank()) {
            throw new IllegalArgumentException("A work item says what it is");
        }
        if (kind == Kind.COMING_UP && when == null) {
            throw new IllegalArgumentException("An item coming up has a day: " + what);
        }
    }
}
