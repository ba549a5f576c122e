package org.civicbackbone.rest.internal;

/**
 * The characters no text of the platform holds: the C0 controls and DEL. They are invisible on a page and in a CSV
 * file, and PostgreSQL cannot store NUL at all (a request carrying one would fail in the database, not as bad input).
 * A tab and a line break are text's own where text may have lines (a JSON string), never in a query parameter.
 */
final class ControlCharacters {

    private ControlCharacters() {
    }

    /** Why the text is refused, naming the first control character and where it is; null when it has none. */
    static String fault(String text, boolean linesAllowed) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean lineOrTab = c == '\t' || c == '\n' || c == '\r';
            if (c == 0x7f || c < 0x20 && !(linesAllowed && lineOrTab)) {
                return String.format("must not contain control characters: U+%04X at character %d", (int) c, i + 1);
            }
        }
        return null;
    }
}
