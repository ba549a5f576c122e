package org.civicbackbone.core.internal.governance;

import java.util.List;
import org.civicbackbone.api.initiative.BodySpec;
import org.civicbackbone.api.initiative.GovernanceBody;
import org.civicbackbone.api.initiative.InitiativeSpec;
import org.civicbackbone.api.initiative.MembershipSpec;
import org.civicbackbone.api.initiative.Sector;
import org.civicbackbone.api.module.StructureModel;
import org.civicbackbone.core.internal.JdbcAuditLog;
import org.civicbackbone.core.internal.JdbcInitiativeService;
import org.civicbackbone.core.internal.JdbcOrganisationRegistry;
import org.civicbackbone.core.internal.JdbcPersonRegistry;
import org.civicbackbone.core.internal.LiveModuleCatalogue;
import org.civicbackbone.store.internal.JdbcBackboneStore;
import org.civicbackbone.store.internal.MemoryStore;

/**
 * The governance tests' world: the real core services on a fresh in-memory H2, the given structure models installed,
 * and the initiative "town" on the first of them with a body "board" seating ann, ben and cat.
 */
record BoardedInitiative(JdbcBackboneStore store, JdbcAuditLog audit, LiveModuleCatalogue catalogue,
                         JdbcOrganisationRegistry organisations, JdbcInitiativeService initiatives, GovernanceBody board) {

    static BoardedInitiative on(StructureModel... models) {
        JdbcBackboneStore store = MemoryStore.fresh();
        JdbcAuditLog audit = new JdbcAuditLog(store);
        LiveModuleCatalogue catalogue = new LiveModuleCatalogue();
        for (StructureModel model : models) {
            catalogue.addModel(model, null);
        }
        JdbcOrganisationRegistry organisations = new JdbcOrganisationRegistry(store, audit);
        JdbcInitiativeService initiatives = new JdbcInitiativeService(store, audit, catalogue, organisations,
                new JdbcPersonRegistry(store, audit));
        initiatives.create(new InitiativeSpec("town", "Town", null, null, models[0].id(), List.of()), "admin");
        GovernanceBody board = initiatives.addBody("town", new BodySpec("board", "Board"), "admin");
        for (String login : List.of("ann", "ben", "cat")) {
            initiatives.addMember("town", board.id(), new MembershipSpec(login, login, "Org " + login, "director",
                    Sector.NONPROFIT), "admin");
        }
        return new BoardedInitiative(store, audit, catalogue, organisations, initiatives, board);
    }
}
