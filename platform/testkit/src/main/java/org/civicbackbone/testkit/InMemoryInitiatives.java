package org.civicbackbone.testkit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.civicbackbone.api.initiative.BodySpec;
import org.civicbackbone.api.initiative.GovernanceBody;
import org.civicbackbone.api.initiative.Initiative;
import org.civicbackbone.api.initiative.InitiativeService;
import org.civicbackbone.api.initiative.InitiativeSpec;
import org.civicbackbone.api.initiative.Membership;
import org.civicbackbone.api.initiative.MembershipSpec;
import org.civicbackbone.api.initiative.OrganisationRegistry;
import org.civicbackbone.api.initiative.OrganisationSpec;
import org.civicbackbone.api.problem.Problem;
import org.civicbackbone.api.problem.ProblemException;

/**
 * The core's initiative service as a function module sees it, in memory: initiatives with their functions, bodies
 * and members, and the same refusals (404 for an unknown initiative, 409 for a function it does not use). Start one
 * with {@link #with(String, String...)} and add bodies and members as the test needs.
 */
public final class InMemoryInitiatives implements InitiativeService {

    private final Map<String, Initiative> initiatives = new TreeMap<>();
    private final List<GovernanceBody> bodies = new ArrayList<>();
    private final List<Membership> members = new ArrayList<>();
    private OrganisationRegistry organisations;
    private final AtomicLong ids = new AtomicLong();

    /** One initiative (on the nested model) that uses these functions. */
    public static InMemoryInitiatives with(String initiativeId, String... functionIds) {
        InMemoryInitiatives service = new InMemoryInitiatives();
        service.create(new InitiativeSpec(initiativeId, initiativeId, null, null, "nested", List.of(functionIds)), "test");
        return service;
    }

    @Override
    public synchronized List<Initiative> list() {
        return initiatives.values().stream().sorted(java.util.Comparator.comparing(Initiative::name)).toList();
    }

    @Override
    public synchronized Optional<Initiative> find(String initiativeId) {
        return Optional.ofNullable(initiatives.get(initiativeId));
    }

    @Override
    public Initiative requireFunction(String initiativeId, String functionId) {
        Initiative initiative = existing(initiativeId);
        if (!initiative.uses(functionId)) {
            throw new ProblemException(Problem.functionNotEnabled(functionId, initiativeId));
        }
        return initiative;
    }

    @Override
    public synchronized Initiative create(InitiativeSpec spec, String actor) {
        if (initiatives.containsKey(spec.id())) {
            throw new ProblemException(Problem.conflict("An initiative with id '" + spec.id() + "' already exists."));
        }
        Instant now = Instant.now();
        Initiative created = new Initiative(spec.id(), spec.name(), spec.problemStatement(), spec.vision(),
                spec.structureModelId(), spec.enabledFunctionIds(), false, now, now);
        initiatives.put(spec.id(), created);
        return created;
    }

    @Override
    public synchronized Initiative update(String initiativeId, InitiativeSpec spec, String actor) {
        Initiative before = existing(initiativeId);
        Initiative after = new Initiative(initiativeId, spec.name(), spec.problemStatement(), spec.vision(),
                spec.structureModelId(), spec.enabledFunctionIds(), before.demo(), before.createdAt(), Instant.now());
        initiatives.put(initiativeId, after);
        return after;
    }

    @Override
    public synchronized Initiative enableFunction(String initiativeId, String functionId, String actor) {
        Initiative before = existing(initiativeId);
        List<String> functions = new ArrayList<>(before.enabledFunctionIds());
        if (!functions.contains(functionId)) {
            functions.add(functionId);
        }
        return update(initiativeId, spec(before, functions), actor);
    }

    @Override
    public synchronized Initiative disableFunction(String initiativeId, String functionId, String actor) {
        Initiative before = existing(initiativeId);
        return update(initiativeId, spec(before, before.enabledFunctionIds().stream()
                .filter(f -> !f.equals(functionId)).toList()), actor);
    }

    @Override
    public synchronized List<GovernanceBody> bodies(String initiativeId) {
        existing(initiativeId);
        return bodies.stream().filter(b -> b.initiativeId().equals(initiativeId)).toList();
    }

    @Override
    public synchronized GovernanceBody addBody(String initiativeId, BodySpec spec, String actor) {
        existing(initiativeId);
        GovernanceBody body = new GovernanceBody(ids.incrementAndGet(), initiativeId, spec.type(), spec.name());
        bodies.add(body);
        return body;
    }

    @Override
    public synchronized List<Membership> members(String initiativeId, long bodyId) {
        body(initiativeId, bodyId);
        return members.stream().filter(m -> m.bodyId() == bodyId).toList();
    }

    @Override
    public synchronized List<Membership> members(String initiativeId) {
        List<Long> ofInitiative = bodies(initiativeId).stream().map(GovernanceBody::id).toList();
        return members.stream().filter(m -> ofInitiative.contains(m.bodyId())).toList();
    }

    /** The seats on bodies of those types as they are now: the fake holds nothing, and nothing changes under it. */
    @Override
    public synchronized List<Membership> heldSeats(java.sql.Connection transaction, String initiativeId,
                                                   java.util.Collection<String> bodyTypes) {
        List<Long> ofTypes = bodies(initiativeId).stream().filter(b -> bodyTypes.contains(b.type()))
                .map(GovernanceBody::id).toList();
        return members.stream().filter(m -> ofTypes.contains(m.bodyId())).toList();
    }

    /**
     * Points seats to the organisations of a registry, as the platform does: a seat's organisation is resolved there,
     * or registered with the seat's sector.
     */
    public synchronized InMemoryInitiatives withOrganisations(OrganisationRegistry registry) {
        this.organisations = registry;
        return this;
    }

    @Override
    public synchronized Membership addMember(String initiativeId, long bodyId, MembershipSpec spec, String actor) {
        body(initiativeId, bodyId);
        Long organisationId = organisations == null ? null : organisations.resolve(initiativeId, spec.organisation())
                .orElseGet(() -> organisations.register(initiativeId, new OrganisationSpec(spec.organisation(),
                        List.of(), List.of(spec.sector())), actor)).id();
        Membership member = new Membership(ids.incrementAndGet(), bodyId, spec.person(), spec.username(),
                spec.organisation(), spec.role(), spec.sector(), organisationId, null, null);
        members.add(member);
        return member;
    }

    @Override
    public synchronized GovernanceBody updateBody(String initiativeId, long bodyId, BodySpec spec, String actor) {
        GovernanceBody before = body(initiativeId, bodyId);
        GovernanceBody after = new GovernanceBody(bodyId, initiativeId, spec.type(), spec.name(), spec.declaredCustom(),
                null);
        bodies.set(bodies.indexOf(before), after);
        return after;
    }

    /** Retired bodies and seats are dropped: the fake keeps no history. */
    @Override
    public synchronized GovernanceBody retireBody(String initiativeId, long bodyId, String actor) {
        GovernanceBody body = body(initiativeId, bodyId);
        bodies.remove(body);
        members.removeIf(m -> m.bodyId() == bodyId);
        return new GovernanceBody(bodyId, initiativeId, body.type(), body.name(), body.custom(), Instant.now());
    }

    @Override
    public synchronized Membership updateMember(String initiativeId, long bodyId, long membershipId,
                                                MembershipSpec spec, String actor) {
        Membership before = member(initiativeId, bodyId, membershipId);
        Membership after = new Membership(membershipId, bodyId, spec.person(), spec.username(), spec.organisation(),
                spec.role(), spec.sector());
        members.set(members.indexOf(before), after);
        return after;
    }

    @Override
    public synchronized Membership retireMember(String initiativeId, long bodyId, long membershipId, String actor) {
        Membership seat = member(initiativeId, bodyId, membershipId);
        members.remove(seat);
        return new Membership(membershipId, bodyId, seat.person(), seat.username(), seat.organisation(), seat.role(),
                seat.sector(), seat.organisationId(), Instant.now(), null);
    }

    private Membership member(String initiativeId, long bodyId, long membershipId) {
        return members(initiativeId, bodyId).stream().filter(m -> m.id() == membershipId).findFirst().orElseThrow(() ->
                new ProblemException(Problem.notFound("Body " + bodyId + " has no seat " + membershipId + ".")));
    }

    private synchronized Initiative existing(String initiativeId) {
        Initiative initiative = initiatives.get(initiativeId);
        if (initiative == null) {
            throw new ProblemException(Problem.notFound("There is no initiative '" + initiativeId + "'."));
        }
        return initiative;
    }

    private GovernanceBody body(String initiativeId, long bodyId) {
        return bodies(initiativeId).stream().filter(b -> b.id() == bodyId).findFirst().orElseThrow(() ->
                new ProblemException(Problem.notFound("Initiative '" + initiativeId + "' has no body " + bodyId + ".")));
    }

    private static InitiativeSpec spec(Initiative initiative, List<String> functions) {
        return new InitiativeSpec(initiative.id(), initiative.name(), initiative.problemStatement(), initiative.vision(),
                initiative.structureModelId(), functions);
    }
}
