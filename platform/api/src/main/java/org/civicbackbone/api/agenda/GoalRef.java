package org.civicbackbone.api.agenda;

import java.util.List;

/**
 * A goal of an adopted common agenda as other modules see it.
 *
 * @param number       the goal's number in the agenda (1, 2, ...)
 * @param title        its title
 * @param version      the agenda version it belongs to
 * @param indicatorIds the shared indicators that track it
 */
public record GoalRef(int number, String title, int version, List<Long> indicatorIds) {
    public GoalRef {
        indicatorIds = List.copyOf(indicatorIds);
    }
}
