package org.civicbackbone.core.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
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
        return store.read(c -> {
            AccessRole best = null;
            try (PreparedStatement p = c.prepareStatement("SELECT b.type FROM core_membership m JOIN core_body b "
                    + "ON b.id = m.body_id WHERE b.initiative_id = ? AND m.username = ? AND m.retired_at IS NULL "
                    + "AND b.retired_at IS NULL")) {
                p.setString(1, initiativeId);
                p.setString(2, login);
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        AccessRole role = roleOfBody(r.getString(1));
                        best = best == null || role.ordinal() < best.ordinal() ? role : best;
                    }
                }
            }
            return Optional.ofNullable(best);
        });
    }

    @Override
    public Set<String> visible(String login, boolean platformAdmin) {
        return store.read(c -> {
            Set<String> ids = new LinkedHashSet<>();
            String sql = platformAdmin ? "SELECT id FROM core_initiative"
                    : "SELECT DISTINCT b.initiative_id FROM core_membership m JOIN core_body b ON b.id = m.body_id "
                            + "WHERE m.username = ? AND m.retired_at IS NULL AND b.retired_at IS NULL";
            try (PreparedStatement p = c.prepareStatement(sql)) {
                if (!platformAdmin) {
                    p.setString(1, login);
                }
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        ids.add(r.getString(1));
                    }
                }
            }
            return ids;
        });
    }
}
