package org.civicbackbone.core.internal;

import java.text.Normalizer;
import java.util.Locale;

/** Turns an initiative's name into a URL-safe id. */
final class Slugs {

    private Slugs() {
    }

    static String of(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (slug.length() > 56) {
            slug = slug.substring(0, 56).replaceAll("-+$", "");
        }
        return slug.length() < 3 ? "initiative" + (slug.isEmpty() ? "" : "-" + slug) : slug;
    }
}
