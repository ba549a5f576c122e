package org.civicbackbone.core.internal;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.civicbackbone.api.initiative.AccessRole;
import org.civicbackbone.api.initiative.InitiativeAccess;
import org.civicbackbone.api.store.BackboneStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Roles from memberships: the body type of each seat a login holds decides what it may do. A login's role in an
 * initiative is read once per version of the data ({@link BackboneStore#dataVersion}): every request checks it, and
 * seats change only by a committed write, on this node or another.
 */
@Component(service = InitiativeAccess.class)
public class JdbcInitiativeAccess implements InitiativeAccess {

    private static final int ROLES_KEPT = 10_000;

    /** A role as read at a version of the data. */
    private record Read(long version, Optional<AccessRole> role) {
    }

    private final BackboneStore store;
    private final Map<String, Read> roles = new ConcurrentHashMap<>();

    @Activate
    public JdbcInitiativeAccess(@Reference BackboneStore store) {
        this.store = store;
        store.migrate(CoreSchema.MODULE, CoreSchema.MIGRATIONS);
    }

    static AccessRole roleOfBody(String bodyType) {
        return switch (bodyType) {
            case BackboneTeam.TYPE -> AccessRole.BACKBONE_STAFF;
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
        long version = store.dataVersion(); // before reading: a seat given meanwhile moves it on
        String key = initiativeId + '\n' + login;
        Read known = roles.get(key);
        if (known != null && known.version() == version) {
            return known.role();
        }
        Optional<AccessRole> role = store.read(c -> store.mapper(c, BodyRecords.class)
                .bodyTypesSeating(initiativeId, login).stream()
                .map(JdbcInitiativeAccess::roleOfBody).min(Comparator.naturalOrder())); // the strongest role
        if (roles.size() >= ROLES_KEPT) {
            roles.clear();
        }
        roles.put(key, new Read(version, role));
        return role;
    }

    @Override
    public Set<String> visible(String login, boolean platformAdmin) {
        return store.read(c -> new LinkedHashSet<>(platformAdmin ? store.mapper(c, InitiativeRecords.class).ids()
                : store.mapper(c, BodyRecords.class).initiativesSeating(login)));
    }
}
