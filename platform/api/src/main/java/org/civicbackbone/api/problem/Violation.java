package org.civicbackbone.api.problem;

/**
 * One reason a request was refused: the field at fault (a JSON path such as {@code target} or
 * {@code rows[3].value}, or a CSV position such as {@code row 4, column value}) and what is wrong with it.
 *
 * @param field   where the problem is
 * @param message what is wrong, in words a non-programmer understands
 */
public record Violation(String field, String message) {
}
