package org.civicbackbone.api.initiative;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

/**
 * Whether two organisation names mean the same organisation (conflicts of interest, partners reporting for their own
 * organisation): case, accents,
 * punctuation, a leading "the" and legal suffixes ("Inc.", "Ltd", "LLC", ...) do not tell organisations apart.
 * Organisations are free text until they become records of their own (issue 10); this keeps "Org Inc." from
 * slipping past "Org".
 */
public final class OrganisationName {

    private static final Set<String> LEGAL_SUFFIXES = Set.of("inc", "incorporated", "ltd", "limited", "llc", "llp",
            "lp", "plc", "co", "corp", "corporation", "company", "gmbh", "ag", "sa", "cic", "cio", "pty", "nfp",
            "npo", "org");

    private OrganisationName() {
    }

    /** The name reduced to what identifies the organisation; empty for a blank name. */
    public static String key(String name) {
        if (name == null) {
            return "";
        }
        String plain = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replace("&", " and ").replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
        String[] words = plain.isEmpty() ? new String[0] : plain.split(" ");
        int from = words.length > 1 && words[0].equals("the") ? 1 : 0;
        int to = words.length;
        while (to - from > 1 && LEGAL_SUFFIXES.contains(words[to - 1])) {
            to--;
        }
        return String.join(" ", java.util.Arrays.copyOfRange(words, from, to));
    }

    /** Whether the two names identify one organisation (never for a blank name). */
    public static boolean same(String a, String b) {
        String ka = key(a);
        return !ka.isEmpty() && ka.equals(key(b));
    }
}
