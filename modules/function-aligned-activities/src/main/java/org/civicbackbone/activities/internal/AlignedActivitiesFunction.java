package org.civicbackbone.activities.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civicbackbone.api.console.WorkItem;
import org.civicbackbone.api.console.WorkItems;
import org.civicbackbone.api.console.WorkItemsReadTogether;
import org.civicbackbone.api.initiative.OrganisationReferences;
import org.civicbackbone.api.module.BackboneFunction;
import org.civicbackbone.api.module.FunctionNamingOrganisations;
import org.civicbackbone.api.store.BackboneStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Announces the function once its service (and schema) is ready; when two organisations are merged, its activities'
 * owners and its working groups' members follow the one kept (ADR 0025).
 * It puts the meetings to come on "My work".
 */
@Component(service = {BackboneFunction.class, OrganisationReferences.class, WorkItems.class})
public class AlignedActivitiesFunction extends FunctionNamingOrganisations implements WorkItemsReadTogether {

    private final AlignedActivities activities;

    /** Listed only while the service behind it works: the reference is the point. */
    @Activate
    public AlignedActivitiesFunction(@Reference AlignedActivities activities) {
        super(AlignedActivities.DESCRIPTOR, "aa_activity.owner_organisation_id", "aa_group_member.organisation_id");
        this.activities = activities;
    }

    /** On "My work": the meetings still to come, soonest first; one read for all the initiatives. */
    @Override
    public Map<String, List<WorkItem>> ofEach(Collection<String> initiativeIds) {
        BackboneStore store = activities.store();
        Map<String, List<WorkItem>> items = new LinkedHashMap<>();
        String[] ids = initiativeIds.stream().distinct().toArray(String[]::new);
        Instant now = Instant.now();
        for (PlanRecords.ComingMeeting m : store.read(c -> ids.length == 1
                ? store.mapper(c, PlanRecords.class).comingMeetingsOf(ids[0], now)
                : store.mapper(c, PlanRecords.class).comingMeetings(ids, now))) {
            items.computeIfAbsent(m.initiativeId(), k -> new ArrayList<>()).add(new WorkItem(WorkItem.Kind.COMING_UP,
                    LocalDate.ofInstant(m.heldAt(), ZoneId.systemDefault()), "Meeting: " + m.title(), false, "plan"));
        }
        return items;
    }
}
