package org.civicbackbone.api.console;

import java.time.LocalDate;

/**
 * One item of a person's "My work": a module's {@link WorkItem} with the initiative and the function it is of.
 *
 * @param initiativeId the initiative's id
 * @param initiative   the initiative's name
 * @param functionId   the function whose module gave the item
 * @param kind         a day coming up, or something that needs attention now
 * @param when         its day, or null for something needing attention that has none
 * @param what         what it is, as the module says it
 * @param late         whether its day has passed and it is still not done
 * @param page         the module's console page that shows it, or null
 * @since 1.4
 */
public record InitiativeWorkItem(String initiativeId, String initiative, String functionId, WorkItem.Kind kind,
                                 LocalDate when, String what, boolean late, String page) {
}
