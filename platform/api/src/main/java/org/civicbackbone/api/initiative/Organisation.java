package org.civicbackbone.api.initiative;

import java.util.List;

/**
 * An organisation in an initiative's registry: the one record that seats, partners' values, activity owners, grants
 * and stances point to, so "Eastside Trust" and "Eastside Trust Inc." are one partner.
 *
 * @param id           the organisation's id, unique across initiatives
 * @param initiativeId the initiative whose registry holds it
 * @param name         its name as the initiative writes it
 * @param aliases      other names it goes by (abbreviations, former names); each resolves to it
 * @param sectors      the sectors it belongs to, at least one
 */
public record Organisation(long id, String initiativeId, String name, List<String> aliases, List<Sector> sectors) {

    /** Keeps the lists as given, unmodifiable. */
    public Organisation {
        aliases = List.copyOf(aliases);
        sectors = List.copyOf(sectors);
    }
}
