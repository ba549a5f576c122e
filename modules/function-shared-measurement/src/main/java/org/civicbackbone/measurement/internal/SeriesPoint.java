package org.civicbackbone.measurement.internal;

import java.math.BigDecimal;

/**
 * The initiative's figure for one period (and one category when the series is disaggregated).
 *
 * @param period   the period
 * @param category the category of the disaggregation, or null for totals
 * @param value    the partners' values combined by the indicator's aggregation
 * @param partners how many partners reported
 */
public record SeriesPoint(String period, String category, BigDecimal value, int partners) {
}
