package org.civicbackbone.api.activities;

/**
 * An activity as other modules see it.
 *
 * @param id                the activity id, stable for its life
 * @param title             its title, unique within the initiative
 * @param ownerOrganisation the partner organisation that runs it
 */
public record ActivityRef(long id, String title, String ownerOrganisation) {
}
