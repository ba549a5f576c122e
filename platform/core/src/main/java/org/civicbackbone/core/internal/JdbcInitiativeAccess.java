package org.civicbackbone.core.internal;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.civicbackbone.api.initiative.AccessRole;
import org.civicbackbone.api.initiative.InitiativeAccess;
import org.civicbackbone.api.store.BackboneStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Roles from memberships: the body type of each seat a login holds decides what it may do. */
@Component(service = InitiativeAccess.class)
public class JdbcInitiativeAccess implements InitiativeAccess {

    private final BackboneStore store;

    @Activate
    public JdbcInitiativeAccess(@Reference BackboneStore store) {
        this.store = store;
        store.migrate(CoreSchema.MODULE, CoreSchema.MIGRATIONS);
    }

    static AccessRole roleOfBody(String bodyType) {
        return switch (bodyType) {
            case "backbone-team" -> AccessRole.BACKBONE_STAFF;
            case "partners" -> AccessRole.PARTNER;
            case "observers" -> AccessRole.OBSERVER;
            default -> AccessRole.BODY_MEMBER;
        };
    }

    @Override
    public Optional<AccessRole> role(String initiativeId, String login, boolean platformAdmin) {
        if (platformAdmin) {
            return Optional.of(AccessRole.PLATFORM_ADMIN);
        }
        return store.read(c -> store.mapper(c, BodyRecords.class).bodyTypesSeating(initiativeId, login).stream()
                .map(JdbcInitiativeAccess::roleOfBody).min(Comparator.naturalOrder())); // the strongest role
    }

    @Override
    public Set<String> visible(String login, boolean platformAdmin) {
        return store.read(c -> new LinkedHashSet<>(platformAdmin ? store.mapper(c, InitiativeRecords.class).ids()
                : store.mapper(c, BodyRecords.class).initiativesSeating(login)));
    }
}
