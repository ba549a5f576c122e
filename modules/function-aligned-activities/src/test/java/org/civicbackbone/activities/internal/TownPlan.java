package org.civicbackbone.activities.internal;

import org.civicbackbone.api.initiative.Sector;
import org.civicbackbone.api.store.BackboneStore;
import org.civicbackbone.testkit.InMemoryInitiatives;
import org.civicbackbone.testkit.InMemoryOrganisations;
import org.civicbackbone.testkit.RecordingAuditLog;
import org.civicbackbone.testkit.TestStore;

/**
 * The function for one initiative, "town", on a fresh in-memory database: what each test of its rules starts from,
 * with the organisations it names in the registry and an audit log to assert on.
 */
record TownPlan(BackboneStore store, RecordingAuditLog audit, InMemoryOrganisations organisations,
                AlignedActivities plan) {

    static TownPlan with(String... organisationNames) {
        BackboneStore store = TestStore.inMemory();
        RecordingAuditLog audit = new RecordingAuditLog(store);
        InMemoryOrganisations organisations = new InMemoryOrganisations();
        if (organisationNames.length > 0) {
            organisations.with("town", Sector.NONPROFIT, organisationNames);
        }
        return new TownPlan(store, audit, organisations, new AlignedActivities(store, audit,
                InMemoryInitiatives.with("town", AlignedActivities.FUNCTION_ID), input -> { }, organisations));
    }
}
