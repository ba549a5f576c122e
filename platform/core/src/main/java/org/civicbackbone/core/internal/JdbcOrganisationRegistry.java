package org.civicbackbone.core.internal;

import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.civicbackbone.api.audit.AuditLog;
import org.civicbackbone.api.initiative.Organisation;
import org.civicbackbone.api.initiative.OrganisationName;
import org.civicbackbone.api.initiative.OrganisationReferences;
import org.civicbackbone.api.initiative.OrganisationRegistry;
import org.civicbackbone.api.initiative.OrganisationSpec;
import org.civicbackbone.api.initiative.Sector;
import org.civicbackbone.api.problem.Problem;
import org.civicbackbone.api.problem.ProblemException;
import org.civicbackbone.api.problem.Violation;
import org.civicbackbone.api.store.BackboneStore;
import org.civicbackbone.api.store.GeneratedKey;
import org.civicbackbone.core.internal.OrganisationRecords.UnlinkedSeat;
import org.osgi.service.component.ComponentServiceObjects;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * Each initiative's organisations in the core's tables. At start it links the seats written before the registry
 * existed: each such seat's organisation name is registered (or resolved, when it is another spelling of one already
 * there) with the seat's sector, audited as {@code system}. Merges follow ADR 0025 ({@link OrganisationMerges}).
 */
@Component(service = {OrganisationRegistry.class, JdbcOrganisationRegistry.class})
public class JdbcOrganisationRegistry implements OrganisationRegistry {

    private final BackboneStore store;
    private final AuditLog audit;
    private final OrganisationMerges merges;

    @Activate
    public JdbcOrganisationRegistry(@Reference BackboneStore store, @Reference AuditLog audit) {
        this.store = store;
        this.audit = audit;
        this.merges = new OrganisationMerges(store, audit);
        store.migrate(CoreSchema.MODULE, CoreSchema.MIGRATIONS);
        store.inTransaction(c -> {
            for (UnlinkedSeat seat : records(c).unlinkedSeats()) {
                records(c).pointSeat(seat.id(), resolveOrRegister(c, seat.initiativeId(), seat.organisation(),
                        seat.sector(), "system").id());
            }
            return null;
        });
    }

    private OrganisationRecords records(Connection c) {
        return store.mapper(c, OrganisationRecords.class);
    }

    @Override
    public List<Organisation> organisations(String initiativeId) {
        return store.read(c -> {
            store.mapper(c, InitiativeRecords.class).existing(initiativeId);
            return records(c).organisations(initiativeId);
        });
    }

    @Override
    public Organisation organisation(String initiativeId, long organisationId) {
        return store.read(c -> organisation(c, initiativeId, organisationId));
    }

    @Override
    public Optional<Organisation> resolve(String initiativeId, String nameOrAlias) {
        return store.read(c -> resolve(c, initiativeId, nameOrAlias));
    }

    /** The organisation a name or alias stands for, read on the caller's connection. */
    public Optional<Organisation> resolve(Connection c, String initiativeId, String nameOrAlias) {
        store.mapper(c, InitiativeRecords.class).existing(initiativeId);
        Long id = records(c).idByKey(initiativeId, OrganisationName.key(nameOrAlias));
        return id == null ? Optional.empty() : Optional.of(organisation(c, initiativeId, id));
    }

    /**
     * The organisation a seat names, registered with the seat's sector when the registry does not know it yet; held
     * until the caller's transaction commits ({@link #hold}), as the seat will point to it.
     */
    public Organisation resolveOrRegister(Connection c, String initiativeId, String name, Sector sector, String actor) {
        store.holdUntilCommit(c, CoreSchema.organisationNamesLock(initiativeId)); // sees one registered meanwhile
        Organisation named = resolve(c, initiativeId, name)
                .orElseGet(() -> register(c, initiativeId, new OrganisationSpec(name, List.of(), List.of(sector)), actor));
        return hold(c, initiativeId, named.id());
    }

    @Override
    public Organisation register(String initiativeId, OrganisationSpec spec, String actor) {
        return store.inTransaction(c -> register(c, initiativeId, spec, actor));
    }

    /** Registers an organisation inside the caller's transaction (core only: the demo). */
    Organisation register(Connection c, String initiativeId, OrganisationSpec spec, String actor) {
        store.mapper(c, InitiativeRecords.class).existing(initiativeId);
        Map<String, String> names = names(spec);
        GeneratedKey key = new GeneratedKey();
        records(c).insert(key, initiativeId, spec.name().strip(), actor, Instant.now());
        write(c, initiativeId, key.id(), names, spec.sectors());
        audit.record(c, actor, initiativeId, CoreSchema.MODULE, "organisation.register",
                "'" + spec.name().strip() + "' (" + key.id() + ")");
        return organisation(c, initiativeId, key.id());
    }

    @Override
    public Organisation update(String initiativeId, long organisationId, OrganisationSpec spec, String actor) {
        return store.inTransaction(c -> {
            store.holdUntilCommit(c, CoreSchema.organisationNamesLock(initiativeId)); // before its names are let go
            Organisation before = organisation(c, initiativeId, organisationId);
            Map<String, String> names = names(spec);
            OrganisationRecords records = records(c);
            records.deleteNames(organisationId);
            records.deleteSectors(organisationId);
            records.rename(organisationId, spec.name().strip());
            write(c, initiativeId, organisationId, names, spec.sectors());
            audit.record(c, actor, initiativeId, CoreSchema.MODULE, "organisation.update",
                    "'" + before.name() + "' (" + organisationId + ") is now '" + spec.name().strip() + "'");
            return organisation(c, initiativeId, organisationId);
        });
    }

    @Override
    public Organisation merge(String initiativeId, long duplicateId, long keptId, String actor) {
        if (duplicateId == keptId) {
            throw new ProblemException(Problem.invalid("An organisation cannot be merged into itself.",
                    List.of(new Violation("into", "must be another organisation than " + duplicateId))));
        }
        return store.exclusively(OrganisationMerges.LOCK, () -> store.inTransaction(c -> {
            Organisation duplicate = organisation(c, initiativeId, duplicateId);
            Organisation kept = records(c).organisation(initiativeId, keptId);
            if (kept == null) { // named in the body: bad input, not a 404
                throw new ProblemException(Problem.invalid("Initiative '" + initiativeId + "' has no organisation "
                        + keptId + " to merge into.",
                        List.of(new Violation("into", "initiative '" + initiativeId + "' has no organisation " + keptId))));
            }
            merges.merge(c, duplicate, kept, actor);
            return organisation(c, initiativeId, keptId); // with the names it took over
        }));
    }

    @Override
    public Organisation hold(Connection c, String initiativeId, long organisationId) {
        store.holdSharedUntilCommit(c, CoreSchema.organisationLock(organisationId)); // its merge waits for this commit
        Organisation now = records(c).organisation(initiativeId, organisationId);
        if (now != null) {
            return now;
        }
        Long kept = store.mapper(c, OrganisationMergeRecords.class).mergedInto(organisationId);
        return kept == null ? organisation(c, initiativeId, organisationId) // the 404
                : hold(c, initiativeId, kept); // merged away since it was resolved: what it is now
    }

    /**
     * A module whose rows point to organisations: it follows merges, those of the past soon after it appears. Bound as
     * service objects, fetched only by a merge ({@link OrganisationMerges}): never while this registry is created.
     */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            service = OrganisationReferences.class)
    void addOrganisationReferences(ComponentServiceObjects<OrganisationReferences> module) {
        merges.added(module);
    }

    void removeOrganisationReferences(ComponentServiceObjects<OrganisationReferences> module) {
        merges.removed(module);
    }

    @Deactivate
    void deactivate() {
        merges.close();
    }

    private void write(Connection c, String initiativeId, long id, Map<String, String> names, List<Sector> sectors) {
        store.holdUntilCommit(c, CoreSchema.organisationNamesLock(initiativeId)); // sees a name taken meanwhile
        OrganisationRecords records = records(c);
        int index = 0; // the first entry is the name itself, then the aliases in their order
        for (Map.Entry<String, String> name : names.entrySet()) {
            Long holder = records.idByKey(initiativeId, name.getKey());
            if (holder != null && holder != id) {
                throw new ProblemException(Problem.conflict("'" + name.getValue() + "' already names organisation "
                        + holder + " of '" + initiativeId + "': add to that organisation's aliases instead.",
                        List.of(new Violation(index == 0 ? "name" : "aliases[" + (index - 1) + "]",
                                "already names organisation " + holder))));
            }
            records.insertName(initiativeId, name.getKey(), id, name.getValue(), index > 0);
            index++;
        }
        sectors.stream().distinct().forEach(sector -> records.insertSector(id, sector));
    }

    /** The name, then each alias, by key; an alias that is another spelling of the name or of another alias is refused. */
    private static Map<String, String> names(OrganisationSpec spec) {
        Map<String, String> names = new LinkedHashMap<>();
        names.put(key(spec.name(), "name"), spec.name().strip());
        List<Violation> repeats = new ArrayList<>();
        for (int i = 0; i < spec.aliases().size(); i++) {
            String alias = spec.aliases().get(i).strip();
            if (names.putIfAbsent(key(alias, "aliases[" + i + "]"), alias) != null) {
                repeats.add(new Violation("aliases[" + i + "]", "'" + alias + "' is another spelling of a name already "
                        + "given"));
            }
        }
        if (!repeats.isEmpty()) { // every repeat at once, each beside its input
            throw new ProblemException(Problem.invalid("An alias repeats a name.", repeats));
        }
        return names;
    }

    private static String key(String name, String field) {
        String key = OrganisationName.key(name);
        if (key.isEmpty()) {
            throw new ProblemException(Problem.invalid("A name without letters or digits.",
                    List.of(new Violation(field, "must contain a letter or digit"))));
        }
        return key;
    }

    private Organisation organisation(Connection c, String initiativeId, long organisationId) {
        store.mapper(c, InitiativeRecords.class).existing(initiativeId);
        Organisation organisation = records(c).organisation(initiativeId, organisationId);
        if (organisation == null) {
            throw new ProblemException(Problem.notFound("Initiative '" + initiativeId + "' has no organisation "
                    + organisationId + "."));
        }
        return organisation;
    }
}
