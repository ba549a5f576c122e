package org.civicbackbone.activities.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.civicbackbone.api.console.WorkItem;
import org.civicbackbone.api.console.WorkItems;
import org.civicbackbone.api.initiative.OrganisationReferences;
import org.civicbackbone.api.module.BackboneFunction;
import org.civicbackbone.api.module.FunctionNamingOrganisations;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Announces the function once its service (and schema) is ready; when two organisations are merged, its activities' owners follow
 * the one kept (ADR 0025).
 * It puts the meetings to come on "My work".
 */
@Component(service = {BackboneFunction.class, OrganisationReferences.class, WorkItems.class})
public class AlignedActivitiesFunction extends FunctionNamingOrganisations implements WorkItems {

    private final AlignedActivities activities;

    /** Listed only while the service behind it works: the reference is the point. */
    @Activate
    public AlignedActivitiesFunction(@Reference AlignedActivities activities) {
        super(AlignedActivities.DESCRIPTOR, "aa_activity.owner_organisation_id");
        this.activities = activities;
    }

    /** On "My work": the meetings still to come. */
    @Override
    public List<WorkItem> of(String initiativeId) {
        Instant now = Instant.now();
        return activities.meetings(initiativeId).stream().filter(m -> !m.heldAt().isBefore(now))
                .map(m -> new WorkItem(WorkItem.Kind.COMING_UP, LocalDate.ofInstant(m.heldAt(), ZoneId.systemDefault()),
                        "Meeting: " + m.title(), false, "plan"))
                .toList();
    }
}
