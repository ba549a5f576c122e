package org.civicbackbone.measurement.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.civicbackbone.api.initiative.Organisation;
import org.civicbackbone.api.initiative.OrganisationName;

/**
 * An initiative's organisation registry read once, for matching the partners a request or a file names: every name
 * and alias by {@link OrganisationName#key}, as the registry itself matches them.
 */
final class Partners {

    private final Map<String, Organisation> byKey = new HashMap<>();
    private final Map<String, Optional<Organisation>> bySpelling = new HashMap<>(); // a file repeats its spellings

    Partners(List<Organisation> registry) {
        for (Organisation organisation : registry) {
            byKey.put(OrganisationName.key(organisation.name()), organisation);
            organisation.aliases().forEach(alias -> byKey.put(OrganisationName.key(alias), organisation));
        }
    }

    /** The registered organisation a name or alias stands for. */
    Optional<Organisation> resolve(String nameOrAlias) {
        if (bySpelling.size() > 10_000) {
            bySpelling.clear(); // a file of ever new spellings does not grow the memory without end
        }
        return bySpelling.computeIfAbsent(nameOrAlias, n -> Optional.ofNullable(byKey.get(OrganisationName.key(n))));
    }
}
