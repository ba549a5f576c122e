package org.civicbackbone.api.measurement;

/**
 * An indicator as other modules see it.
 *
 * @param id   the indicator id, stable for its life
 * @param name its name
 * @param unit its unit ({@code %}, {@code cards})
 */
public record IndicatorRef(long id, String name, String unit) {
}
