package org.civicbackbone.api.audit;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What an edit of a record changes, in words for the audit log (ADR 0034): each field that changed, in the order
 * given, joined by "; ". A short value is shown as it was and as it became ("owner Library to Head Start"; text a
 * person wrote is quoted: "title 'Reading week' to 'Reading week, all week'"); a long one by its name alone ("text").
 * Fields that did not change say nothing, so an edit that changes nothing has {@link #none()} and records nothing.
 *
 * <pre>{@code
 * Changes changes = new Changes().quoted("title", before.title(), spec.title().strip())
 *         .named("description", before.description(), spec.description())
 *         .shown("end", before.endOn(), spec.endOn());
 * if (!changes.none()) {
 *     audit.record(c, actor, initiativeId, MODULE, "activity.edit", "activity " + id + ": " + changes);
 * }
 * }</pre>
 *
 * Read {@code before} in the transaction that writes, under the module's turn ({@code BackboneStore.inTurn}): an edit
 * sent at the same moment is then the "before" of the next, and the log says what changed once (ADR 0029).
 * Values are compared with {@link Objects#equals}, amounts ({@link BigDecimal}) by their value, so 1500.00 and 1500
 * are the same. A null value is shown as {@code none}. Not safe for use by several threads at once: one per edit.
 */
public final class Changes {

    private final List<String> said = new ArrayList<>();
    /** The fields that changed, by the names given: what {@link #changed} asks, not read back out of the words. */
    private final Set<String> fields = new HashSet<>();

    /** A field of text a person wrote, shown quoted as it was and as it became when it changed. */
    public Changes quoted(String field, String before, String after) {
        if (!Objects.equals(before, after)) {
            said(field, field + " " + quote(before) + " to " + quote(after));
        }
        return this;
    }

    /** A field shown as it was and as it became when it changed: a name, a number, a day, a list. */
    public Changes shown(String field, Object before, Object after) {
        if (!same(before, after)) {
            said(field, field + " " + word(before) + " to " + word(after));
        }
        return this;
    }

    /** A field named alone when it changed: a long text, whose words the record itself holds. */
    public Changes named(String field, Object before, Object after) {
        if (!same(before, after)) {
            said(field, field);
        }
        return this;
    }

    /** Whether the field of that name changed (as given to this object). */
    public boolean changed(String field) {
        return fields.contains(field);
    }

    /** Whether nothing changed. */
    public boolean none() {
        return said.isEmpty();
    }

    /** The changes in words, "; " between them; empty when nothing changed. */
    @Override
    public String toString() {
        return String.join("; ", said);
    }

    private void said(String field, String words) {
        fields.add(field);
        said.add(words);
    }

    private static boolean same(Object before, Object after) {
        if (before instanceof BigDecimal b && after instanceof BigDecimal a) {
            return b.compareTo(a) == 0;
        }
        return Objects.equals(before, after);
    }

    private static String quote(String text) {
        return text == null ? "none" : "'" + text + "'";
    }

    private static String word(Object value) {
        if (value instanceof BigDecimal amount) {
            return amount.toPlainString();
        }
        return value == null ? "none" : value.toString();
    }
}
