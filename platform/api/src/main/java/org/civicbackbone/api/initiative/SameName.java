package org.civicbackbone.api.initiative;

import java.util.Locale;

/**
 * Whether two names or titles a person typed mean one record (an initiative, a body, a working group, a policy item,
 * a person): case, surrounding spaces and runs of spaces do not tell them apart, so a second click or a slip of the
 * space bar is caught as the same. Organisations are told apart more loosely, by {@link OrganisationName}.
 */
public final class SameName {

    private SameName() {
    }

    /** The name as it is compared; empty for none. */
    public static String key(String name) {
        if (name == null) {
            return "";
        }
        // by hand rather than by a regular expression: an import looks up a name on each of a million rows
        String lower = name.strip().toLowerCase(Locale.ROOT);
        StringBuilder key = new StringBuilder(lower.length());
        boolean space = false;
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (Character.isWhitespace(c)) {
                space = true;
            } else {
                key.append(space ? " " : "").append(c);
                space = false;
            }
        }
        return key.toString();
    }

    /** Whether the two names mean one record (never for a blank name). */
    public static boolean of(String a, String b) {
        String ka = key(a);
        return !ka.isEmpty() && ka.equals(key(b));
    }
}
