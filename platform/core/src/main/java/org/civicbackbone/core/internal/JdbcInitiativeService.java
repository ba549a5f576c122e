package org.civicbackbone.core.internal;

import java.sql.Connection;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.civicbackbone.api.audit.AuditLog;
import org.civicbackbone.api.audit.Changes;
import org.civicbackbone.api.initiative.BodySpec;
import org.civicbackbone.api.initiative.GovernanceBody;
import org.civicbackbone.api.initiative.Initiative;
import org.civicbackbone.api.initiative.InitiativeListener;
import org.civicbackbone.api.initiative.InitiativeService;
import org.civicbackbone.api.initiative.InitiativeSpec;
import org.civicbackbone.api.initiative.Membership;
import org.civicbackbone.api.initiative.MembershipSpec;
import org.civicbackbone.api.module.ModuleCatalogue;
import org.civicbackbone.api.problem.Problem;
import org.civicbackbone.api.problem.ProblemException;
import org.civicbackbone.api.problem.Violation;
import org.civicbackbone.api.store.BackboneStore;
import org.osgi.service.component.ComponentServiceObjects;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/** Initiatives, bodies and memberships in the core's tables; every write is audited in its own transaction. */
@Component(service = {InitiativeService.class, JdbcInitiativeService.class})
public class JdbcInitiativeService implements InitiativeService {

    private final BackboneStore store;
    private final AuditLog audit;
    private final Listeners<InitiativeListener> listeners = new Listeners<>();
    private final ModuleCatalogue catalogue;
    /** Held while an initiative's id, name or functions are checked and written: two at one moment take turns. */
    private static final String NAMES_LOCK = CoreSchema.MODULE + ":initiative-names";

    private final InitiativeChecks checks;
    private final BodySeats seats;

    @Activate
    public JdbcInitiativeService(@Reference BackboneStore store, @Reference AuditLog audit,
                                 @Reference ModuleCatalogue catalogue, @Reference JdbcOrganisationRegistry organisations,
                                 @Reference JdbcPersonRegistry people) {
        this.store = store;
        this.audit = audit;
        this.catalogue = catalogue;
        this.checks = new InitiativeChecks(catalogue);
        this.seats = new BodySeats(store, audit, catalogue, organisations, people);
        store.migrate(CoreSchema.MODULE, CoreSchema.MIGRATIONS);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, service = InitiativeListener.class)
    void addListener(ComponentServiceObjects<InitiativeListener> listener) {
        listeners.add(listener);
    }

    void removeListener(ComponentServiceObjects<InitiativeListener> listener) {
        listeners.remove(listener);
    }

    /** Tells the listeners of a committed creation. */
    void announce(Initiative created) {
        listeners.tell(l -> l.initiativeCreated(created), "the creation of '" + created.id() + "'");
    }

    @Override
    public List<Initiative> list() {
        return store.read(c -> store.mapper(c, InitiativeRecords.class).initiatives());
    }

    @Override
    public Optional<Initiative> find(String initiativeId) {
        return store.read(c -> find(c, initiativeId));
    }

    private Optional<Initiative> find(Connection c, String initiativeId) {
        return Optional.ofNullable(records(c).initiative(initiativeId));
    }

    private Initiative existing(Connection c, String initiativeId) {
        return find(c, initiativeId).orElseThrow(() -> notFound(initiativeId));
    }

    private InitiativeRecords records(Connection c) {
        return store.mapper(c, InitiativeRecords.class);
    }

    static ProblemException notFound(String initiativeId) {
        return new ProblemException(Problem.notFound("There is no initiative '" + initiativeId + "'."));
    }

    @Override
    public Initiative requireFunction(String initiativeId, String functionId) {
        Initiative initiative = find(initiativeId).orElseThrow(() -> notFound(initiativeId));
        if (catalogue.function(functionId).isEmpty()) {
            throw new ProblemException(Problem.moduleNotInstalled("function-" + functionId));
        }
        if (!initiative.uses(functionId)) {
            throw new ProblemException(Problem.functionNotEnabled(functionId, initiativeId));
        }
        return initiative;
    }

    @Override
    public void checkFunctionInUse(String initiativeId, String functionId) {
        Integer uses = store.read(c -> records(c).usesFunction(initiativeId, functionId));
        if (uses == null) {
            throw notFound(initiativeId);
        }
        if (catalogue.function(functionId).isEmpty()) {
            throw new ProblemException(Problem.moduleNotInstalled("function-" + functionId));
        }
        if (uses == 0) {
            throw new ProblemException(Problem.functionNotEnabled(functionId, initiativeId));
        }
    }

    @Override
    public Initiative create(InitiativeSpec spec, String actor) {
        checks.modules(spec);
        Initiative created = store.inTransaction(c -> {
            store.holdUntilCommit(c, NAMES_LOCK);
            String id = spec.id() != null ? spec.id() : records(c).freeId(Slugs.of(spec.name()));
            if (find(c, id).isPresent()) {
                throw new ProblemException(Problem.conflict("An initiative with id '" + id + "' already exists.",
                        List.of(new Violation("id", "is another initiative's"))));
            }
            checks.nameFree(records(c), spec.name(), id);
            insert(c, id, spec, false);
            audit.record(c, actor, id, CoreSchema.MODULE, "initiative.create", "created '" + spec.name() + "'");
            return existing(c, id);
        });
        announce(created);
        return created;
    }

    /** Creates the demo initiative without checking installed modules: they may start after the core. */
    Initiative createDemo(Connection c, String id, InitiativeSpec spec) {
        insert(c, id, spec, true);
        audit.record(c, "system", id, CoreSchema.MODULE, "initiative.create", "loaded demo initiative");
        return existing(c, id);
    }

    private void insert(Connection c, String id, InitiativeSpec spec, boolean demo) {
        Instant now = Instant.now();
        InitiativeRecords records = records(c);
        records.insert(new InitiativeRecords.InitiativeRow(id, spec.name().strip(), spec.problemStatement(),
                spec.vision(), spec.structureModelId(), demo, now, now));
        writeFunctions(records, id, spec.enabledFunctionIds());
        records.recordModel(id, spec.structureModelId(), now, null);
    }

    @Override
    public Initiative update(String initiativeId, InitiativeSpec spec, String actor) {
        if (spec.id() != null && !spec.id().equals(initiativeId)) {
            throw ProblemException.invalid("id", "an initiative's id cannot change");
        }
        return store.inTransaction(c -> {
            store.holdUntilCommit(c, NAMES_LOCK);
            Initiative before = existing(c, initiativeId);
            List<String> added = spec.enabledFunctionIds().stream().filter(f -> !before.uses(f)).toList();
            checks.model(spec.structureModelId());
            checks.functions(added, spec.enabledFunctionIds());
            checks.nameFree(records(c), spec.name(), initiativeId);
            boolean modelChanges = !before.structureModelId().equals(spec.structureModelId());
            InitiativeRecords records = records(c);
            if (modelChanges) { // a first proposal opened at the same moment waits, or is waited for
                store.holdUntilCommit(c, CoreSchema.proposalsLock(initiativeId));
            }
            if (modelChanges && records.proposalCount(initiativeId) > 0) {
                throw new ProblemException(Problem.conflict("Once an initiative has taken decisions, changing its "
                        + "structure model is itself a governed decision: POST /api/v1/initiatives/" + initiativeId
                        + "/governance/structure."));
            }
            if (modelChanges) {
                records.recordModel(initiativeId, spec.structureModelId(), Instant.now(), null);
            }
            Changes changes = new Changes().quoted("name", before.name(), spec.name().strip())
                    .named("problem statement", before.problemStatement(), spec.problemStatement())
                    .named("vision", before.vision(), spec.vision())
                    .shown("model", before.structureModelId(), spec.structureModelId())
                    .shown("functions", new TreeSet<>(before.enabledFunctionIds()),
                            new TreeSet<>(spec.enabledFunctionIds()));
            if (changes.none()) { // sent again, or twice at one moment: the second finds nothing left to change
                return before;
            }
            records.update(initiativeId, spec.name().strip(), spec.problemStatement(), spec.vision(),
                    spec.structureModelId(), Instant.now());
            records.deleteFunctions(initiativeId);
            writeFunctions(records, initiativeId, spec.enabledFunctionIds());
            audit.record(c, actor, initiativeId, CoreSchema.MODULE, "initiative.update", changes.toString());
            return existing(c, initiativeId);
        });
    }

    @Override
    public Initiative enableFunction(String initiativeId, String functionId, String actor) {
        if (catalogue.function(functionId).isEmpty()) {
            throw new ProblemException(Problem.moduleNotInstalled("function-" + functionId));
        }
        return store.inTransaction(c -> {
            store.holdUntilCommit(c, NAMES_LOCK); // enabled twice at one moment: once
            Initiative before = existing(c, initiativeId);
            if (!before.uses(functionId)) {
                writeFunctions(records(c), initiativeId, List.of(functionId));
                audit.record(c, actor, initiativeId, CoreSchema.MODULE, "function.enable", functionId);
            }
            return existing(c, initiativeId);
        });
    }

    @Override
    public Initiative disableFunction(String initiativeId, String functionId, String actor) {
        return store.inTransaction(c -> {
            existing(c, initiativeId);
            if (records(c).deleteFunction(initiativeId, functionId) > 0) {
                audit.record(c, actor, initiativeId, CoreSchema.MODULE, "function.disable", functionId);
            }
            return existing(c, initiativeId);
        });
    }

    private static void writeFunctions(InitiativeRecords records, String id, List<String> functions) {
        new LinkedHashSet<>(functions).forEach(f -> records.insertFunction(id, f));
    }

    @Override
    public List<GovernanceBody> bodies(String initiativeId) {
        return store.read(c -> seats.bodies(c, initiativeId));
    }

    @Override
    public GovernanceBody addBody(String initiativeId, BodySpec spec, String actor) {
        return store.inTransaction(c -> seats.addBody(c, initiativeId, spec, actor, true));
    }

    /** Adds a body of a type the core knows inside the caller's transaction (core only: staff hires, the demo). */
    public GovernanceBody addBody(Connection c, String initiativeId, BodySpec spec, String actor) {
        return seats.addBody(c, initiativeId, spec, actor, false);
    }

    @Override
    public GovernanceBody updateBody(String initiativeId, long bodyId, BodySpec spec, String actor) {
        return store.inTransaction(c -> seats.updateBody(c, initiativeId, bodyId, spec, actor));
    }

    @Override
    public GovernanceBody retireBody(String initiativeId, long bodyId, String actor) {
        return store.inTransaction(c -> seats.retireBody(c, initiativeId, bodyId, actor));
    }

    @Override
    public List<Membership> members(String initiativeId, long bodyId) {
        return store.read(c -> seats.members(c, initiativeId, bodyId));
    }

    @Override
    public List<Membership> members(String initiativeId) {
        return store.read(c -> seats.members(c, initiativeId));
    }

    @Override
    public List<Membership> heldSeats(Connection transaction, String initiativeId, Collection<String> bodyTypes) {
        return seats.heldSeats(transaction, initiativeId, bodyTypes);
    }

    @Override
    public Membership addMember(String initiativeId, long bodyId, MembershipSpec spec, String actor) {
        return store.inTransaction(c -> seats.addMember(c, initiativeId, bodyId, spec, actor));
    }

    /**
     * Seats a member inside the caller's transaction unless they already sit on the body, and answers their seat
     * (core only: staff hires, whose approval must apply even for a person already on the team; the demo).
     */
    public Membership seatOnce(Connection c, String initiativeId, long bodyId, MembershipSpec spec, String actor) {
        return seats.seatOnce(c, initiativeId, bodyId, spec, actor);
    }

    @Override
    public Membership updateMember(String initiativeId, long bodyId, long membershipId, MembershipSpec spec,
                                   String actor) {
        return store.inTransaction(c -> seats.updateMember(c, initiativeId, bodyId, membershipId, spec, actor));
    }

    @Override
    public Membership retireMember(String initiativeId, long bodyId, long membershipId, String actor) {
        return store.inTransaction(c -> seats.retireMember(c, initiativeId, bodyId, membershipId, actor));
    }
}
