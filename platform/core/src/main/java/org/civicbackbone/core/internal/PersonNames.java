package org.civicbackbone.core.internal;

import java.util.Locale;

/** How the core tells people apart by name: case and surrounding spaces aside. */
public final class PersonNames {

    private PersonNames() {
    }

    /** The name as it is compared; blank for none. */
    public static String key(String name) {
        return name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
    }
}
