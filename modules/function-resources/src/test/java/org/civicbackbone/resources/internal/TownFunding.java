package org.civicbackbone.resources.internal;

import org.civicbackbone.api.initiative.Sector;
import org.civicbackbone.api.store.BackboneStore;
import org.civicbackbone.testkit.InMemoryInitiatives;
import org.civicbackbone.testkit.InMemoryOrganisations;
import org.civicbackbone.testkit.RecordingAuditLog;
import org.civicbackbone.testkit.ScriptedDecisions;
import org.civicbackbone.testkit.TestStore;

/**
 * The resources function of the initiative "town" on a fresh in-memory database, with the test kit's fakes around it:
 * a registry that knows the Riverbend Library, decisions the test settles itself, an audit log it reads.
 */
record TownFunding(Resources resources, RecordingAuditLog audit, ScriptedDecisions decisions,
                   InMemoryOrganisations organisations) {

    static TownFunding fresh() {
        BackboneStore store = TestStore.inMemory();
        RecordingAuditLog audit = new RecordingAuditLog(store);
        ScriptedDecisions decisions = new ScriptedDecisions(store);
        InMemoryOrganisations organisations = new InMemoryOrganisations().with("town", Sector.PUBLIC_AGENCY,
                "Riverbend Library");
        return new TownFunding(new Resources(store, audit, InMemoryInitiatives.with("town", Resources.FUNCTION_ID),
                input -> { }, decisions, organisations), audit, decisions, organisations);
    }
}
