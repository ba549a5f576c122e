package org.civicbackbone.vision.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.LongPredicate;
import java.util.stream.Collectors;
import org.civicbackbone.api.audit.AuditLog;
import org.civicbackbone.api.decision.DecisionService;
import org.civicbackbone.api.decision.Proposal;
import org.civicbackbone.api.decision.ProposalSpec;
import org.civicbackbone.api.initiative.InitiativeService;
import org.civicbackbone.api.measurement.IndicatorCatalogue;
import org.civicbackbone.api.measurement.IndicatorRef;
import org.civicbackbone.api.module.DecisionType;
import org.civicbackbone.api.module.FunctionDescriptor;
import org.civicbackbone.api.module.FunctionKind;
import org.civicbackbone.api.module.FunctionRules;
import org.civicbackbone.api.problem.InputValidator;
import org.civicbackbone.api.problem.Problem;
import org.civicbackbone.api.problem.ProblemException;
import org.civicbackbone.api.problem.Violation;
import org.civicbackbone.api.store.BackboneStore;
import org.civicbackbone.api.store.GeneratedKey;
import org.civicbackbone.vision.internal.CommonAgenda.AdoptionSpec;
import org.civicbackbone.vision.internal.CommonAgenda.GoalSpec;
import org.civicbackbone.vision.internal.CommonAgenda.Overview;
import org.civicbackbone.vision.internal.CommonAgenda.Status;
import org.civicbackbone.vision.internal.CommonAgenda.StrategySpec;
import org.civicbackbone.vision.internal.CommonAgenda.Version;
import org.civicbackbone.vision.internal.CommonAgenda.VersionSpec;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The common agenda of each initiative: versions drafted in full, adopted only by a governed decision
 * ({@link DecisionType#ADOPT_COMMON_AGENDA}). What a version's status is follows from its adoption proposal at
 * read time, so an adoption decided while this module was uninstalled still counts when it comes back.
 */
@Component(service = VisionStrategy.class)
public class VisionStrategy extends FunctionRules {

    static final String FUNCTION_ID = "vision-strategy";

    /** What the function says about itself: the platform lists it by this. */
    static final FunctionDescriptor DESCRIPTOR = new FunctionDescriptor(FUNCTION_ID, "Vision and strategy", FunctionKind.VISION_STRATEGY,
            "The common agenda: problem statement, shared vision, goals tracked by shared indicators, and the "
            + "strategies under them; drafted in versions, adopted by the initiative's bodies.");

    private final DecisionService decisions;

    // optional and dynamic: shared measurement may come and go while this module runs
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile IndicatorCatalogue indicatorCatalogue;

    @Activate
    public VisionStrategy(@Reference BackboneStore store, @Reference AuditLog audit,
                          @Reference InitiativeService initiatives, @Reference InputValidator validator,
                          @Reference DecisionService decisions) {
        super(DESCRIPTOR, VisionSchema.MODULE, VisionSchema.MIGRATIONS, store, audit, initiatives, validator);
        this.decisions = decisions;
    }

    /** Every version, newest first, each with its status. */
    public List<Version> versions(String initiativeId) {
        requireInUse(initiativeId);
        Map<Long, Proposal> proposals = decisions.proposalsById(initiativeId);
        List<Version> stored = store.read(c -> store.mapper(c, AgendaRecords.class).versions(initiativeId));
        return AgendaReports.withStatus(stored, proposals).stream().sorted(Comparator.comparingInt(Version::number).reversed())
                .toList();
    }

    public Version version(String initiativeId, int number) {
        return versions(initiativeId).stream().filter(v -> v.number() == number).findFirst()
                .orElseThrow(() -> new ProblemException(Problem.notFound("Initiative '" + initiativeId
                        + "' has no version " + number + " of its common agenda.")));
    }

    /** The agenda in force: what the rest of the platform reads. */
    public Version agenda(String initiativeId) {
        List<Version> all = versions(initiativeId);
        return all.stream().filter(v -> v.status() == Status.ADOPTED).findFirst()
                .orElseThrow(() -> new ProblemException(Problem.notFound("Initiative '" + initiativeId
                        + "' has not adopted a common agenda yet" + (all.isEmpty() ? "." : "; its latest draft is version "
                        + all.get(0).number() + "."))));
    }

    /** Drafts a new version; indicators are checked when shared measurement is installed. */
    public Version draft(String initiativeId, VersionSpec spec, String actor) {
        requireValidInUse(initiativeId, spec);
        ProblemException.refuseIfAny(spec.repeatedTitles());
        checkIndicators(initiativeId, spec);
        int number = store.inTurn(VisionSchema.MODULE, initiativeId, c -> {
            AgendaRecords records = store.mapper(c, AgendaRecords.class);
            // a second click would leave two drafts alike; one put to the bodies may be drafted again word for word
            List<Version> stored = records.versions(initiativeId);
            Version latest = stored.isEmpty() ? null : stored.get(stored.size() - 1);
            if (latest != null && latest.proposalId() == null && spec.sameAs(latest)) {
                throw new ProblemException(Problem.conflict("Draft version " + latest.number() + " says this word for "
                        + "word already; nothing was drafted."));
            }
            int next = records.nextNumber(initiativeId);
            GeneratedKey version = new GeneratedKey();
            records.insertVersion(version, initiativeId, next, spec.problemStatement().strip(), spec.vision().strip(),
                    actor, Instant.now());
            for (int g = 0; g < spec.goals().size(); g++) {
                GoalSpec goal = spec.goals().get(g);
                GeneratedKey goalKey = new GeneratedKey();
                records.insertGoal(goalKey, version.id(), g + 1, goal.title().strip(), goal.outcome().strip());
                List<Long> indicators = goal.indicators().stream().distinct().toList();
                for (int i = 0; i < indicators.size(); i++) {
                    records.insertGoalIndicator(goalKey.id(), i + 1, indicators.get(i));
                }
                for (int p = 0; p < goal.strategyList().size(); p++) {
                    StrategySpec strategy = goal.strategyList().get(p);
                    records.insertStrategy(goalKey.id(), p + 1, strategy.title().strip(), strategy.description());
                }
            }
            audit.record(c, actor, initiativeId, VisionSchema.MODULE, "agenda.draft", "version " + next
                    + " drafted with " + spec.goals().size() + " goals");
            return next;
        });
        return version(initiativeId, number);
    }

    /** Puts a version to the initiative's bodies; it becomes the agenda in force only when approved. */
    public Version proposeAdoption(String initiativeId, int number, AdoptionSpec spec, String actor) {
        if (spec != null) {
            validator.validate(spec);
        }
        Version version = version(initiativeId, number);
        if (version.status() == Status.ADOPTED) {
            throw new ProblemException(Problem.conflict("Version " + number + " is already the agenda in force."));
        }
        if (version.status() == Status.PROPOSED) {
            throw new ProblemException(Problem.conflict("Version " + number + " is already being decided in proposal "
                    + version.proposalId() + "."));
        }
        // the proposal and the version's link to it commit together, or neither does
        decisions.propose(initiativeId, new ProposalSpec(DecisionType.ADOPT_COMMON_AGENDA,
                "Adopt version " + number + " of the common agenda", spec == null ? null : spec.reason(), null,
                spec == null ? null : spec.expiresInDays()), VisionSchema.MODULE, actor, (c, proposal) -> {
                    if (store.mapper(c, AgendaRecords.class).setProposal(initiativeId, number, proposal.id(),
                            version.proposalId()) == 0) {
                        throw new ProblemException(Problem.conflict("Version " + number
                                + " was put to another proposal meanwhile."));
                    }
                    audit.record(c, actor, initiativeId, VisionSchema.MODULE, "agenda.propose", "version " + number
                            + " put to adoption in proposal " + proposal.id());
                    return proposal;
                });
        return version(initiativeId, number);
    }

    public Overview overview(String initiativeId) {
        IndicatorCatalogue catalogue = indicatorCatalogue;
        LongPredicate exists = catalogue == null ? null : existing(catalogue.indicators(initiativeId));
        return AgendaReports.overview(initiativeId, versions(initiativeId), exists);
    }

    /** The goals and strategies of one version (the adopted one when none is named) as CSV, one row per strategy. */
    public String exportGoals(String initiativeId, Integer number) {
        Version version = number == null ? agenda(initiativeId) : version(initiativeId, number);
        IndicatorCatalogue catalogue = indicatorCatalogue;
        Map<Long, String> names = catalogue == null ? Map.of() : catalogue.indicators(initiativeId).stream()
                .collect(Collectors.toMap(IndicatorRef::id, IndicatorRef::name));
        return AgendaReports.goals(version, names);
    }

    private void checkIndicators(String initiativeId, VersionSpec spec) {
        IndicatorCatalogue catalogue = indicatorCatalogue;
        if (catalogue == null) {
            return; // links are kept and checked once shared measurement is back
        }
        LongPredicate exists = existing(catalogue.indicators(initiativeId));
        List<Violation> violations = new ArrayList<>();
        for (int g = 0; g < spec.goals().size(); g++) {
            List<Long> ids = spec.goals().get(g).indicators();
            for (int i = 0; i < ids.size(); i++) {
                if (!exists.test(ids.get(i))) {
                    violations.add(new Violation("goals[" + g + "].indicatorIds[" + i + "]", "initiative '"
                            + initiativeId + "' has no indicator " + ids.get(i)));
                }
            }
        }
        if (!violations.isEmpty()) {
            throw new ProblemException(Problem.invalid("A goal links an indicator that does not exist.", violations));
        }
    }

    private static LongPredicate existing(List<IndicatorRef> indicators) {
        java.util.Set<Long> ids = indicators.stream().map(IndicatorRef::id).collect(Collectors.toSet());
        return ids::contains;
    }
}
