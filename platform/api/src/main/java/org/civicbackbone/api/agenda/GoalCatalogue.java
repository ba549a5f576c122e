package org.civicbackbone.api.agenda;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The goals of each initiative's adopted common agenda, registered by the vision and strategy module while it is
 * installed. Other modules hold it as an optional, dynamic reference and say so when it is absent.
 */
@ProviderType
public interface GoalCatalogue {

    /** The goals of the agenda in force, by number; empty when the initiative has adopted none. */
    List<GoalRef> adoptedGoals(String initiativeId);
}
