package org.civicbackbone.measurement.internal;

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
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Announces the function once its service (and schema) is ready; when two organisations are merged, its partners' values and its imports' scopes follow
 * the one kept (ADR 0025).
 * It puts the indicators that need attention on "My work".
 */
@Component(service = {BackboneFunction.class, OrganisationReferences.class, WorkItems.class})
public class MeasurementFunction extends FunctionNamingOrganisations implements WorkItemsReadTogether {

    private final SharedMeasurement measurement;

    /** Listed only while the service behind it works: the reference is the point. */
    @Activate
    public MeasurementFunction(@Reference SharedMeasurement measurement) {
        super(SharedMeasurement.DESCRIPTOR, "sm_value.organisation_id", "sm_import_scope.organisation_id");
        this.measurement = measurement;
    }

    /** On "My work": each indicator that is off track or has no value for its last complete period; one read for all. */
    @Override
    public Map<String, List<WorkItem>> ofEach(Collection<String> initiativeIds) {
        Map<String, List<WorkItem>> items = new LinkedHashMap<>();
        measurement.statusOf(initiativeIds).forEach((initiativeId, status) -> items.put(initiativeId, status.stream()
                .filter(s -> "OFF_TRACK".equals(s.progress().status()) || s.progress().stale())
                .map(s -> new WorkItem(WorkItem.Kind.NEEDS_ATTENTION, null, "Indicator " + s.indicator().name() + ": "
                        + why(s.progress()), false, "indicators"))
                .toList()));
        return items;
    }

    private static String why(Progress progress) {
        boolean offTrack = "OFF_TRACK".equals(progress.status());
        if (offTrack && progress.stale()) {
            return "off track, and no value for the last complete period";
        }
        return offTrack ? "off track" : "no value for the last complete period";
    }
}
