package org.civicbackbone.resources.internal;

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
 * Announces the function once its service (and schema) is ready; when two organisations are merged, its funders and its allocations' beneficiaries follow
 * the one kept (ADR 0025).
 * It puts the reports due to funders on "My work".
 */
@Component(service = {BackboneFunction.class, OrganisationReferences.class, WorkItems.class})
public class ResourcesFunction extends FunctionNamingOrganisations implements WorkItemsReadTogether {

    private final Resources resources;

    /** Listed only while the service behind it works: the reference is the point. */
    @Activate
    public ResourcesFunction(@Reference Resources resources) {
        super(Resources.DESCRIPTOR, "rs_funder.organisation_id", "rs_allocation.beneficiary_organisation_id");
        this.resources = resources;
    }

    /** On "My work": the reports owed to funders, overdue or due soon; one read for all the initiatives. */
    @Override
    public Map<String, List<WorkItem>> ofEach(Collection<String> initiativeIds) {
        Map<String, List<WorkItem>> items = new LinkedHashMap<>();
        resources.owedReports(initiativeIds).forEach((initiativeId, owed) -> items.put(initiativeId, owed.stream()
                .map(d -> reportDue(d, d.state().equals("OVERDUE"))).toList()));
        return items;
    }

    private static WorkItem reportDue(Funding.Deadline deadline, boolean late) {
        return new WorkItem(WorkItem.Kind.COMING_UP, deadline.dueOn(), "Report due: " + deadline.description() + " ("
                + deadline.funder() + ")", late, "funding");
    }
}
