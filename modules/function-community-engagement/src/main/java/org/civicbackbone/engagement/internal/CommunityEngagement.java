package org.civicbackbone.engagement.internal;

import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.civicbackbone.api.audit.AuditLog;
import org.civicbackbone.api.audit.RecordEdits;
import org.civicbackbone.api.decision.DecisionService;
import org.civicbackbone.api.decision.Proposal;
import org.civicbackbone.api.decision.ProposalSpec;
import org.civicbackbone.api.decision.ProposalState;
import org.civicbackbone.api.decision.RuleBook;
import org.civicbackbone.api.initiative.GovernanceBody;
import org.civicbackbone.api.initiative.InitiativeService;
import org.civicbackbone.api.initiative.SameName;
import org.civicbackbone.api.module.AccountabilityRule;
import org.civicbackbone.api.module.ApprovalStep;
import org.civicbackbone.api.module.DecisionType;
import org.civicbackbone.api.module.FunctionDescriptor;
import org.civicbackbone.api.module.FunctionKind;
import org.civicbackbone.api.module.FunctionRules;
import org.civicbackbone.api.problem.InputValidator;
import org.civicbackbone.api.problem.Problem;
import org.civicbackbone.api.problem.ProblemException;
import org.civicbackbone.api.problem.Violation;
import org.civicbackbone.api.store.BackboneStore;
import org.civicbackbone.engagement.internal.Engagement.Communication;
import org.civicbackbone.engagement.internal.Engagement.CommunicationSpec;
import org.civicbackbone.engagement.internal.Engagement.Event;
import org.civicbackbone.engagement.internal.Engagement.EventSpec;
import org.civicbackbone.engagement.internal.Engagement.Overview;
import org.civicbackbone.engagement.internal.Engagement.StatementSpec;
import org.civicbackbone.engagement.internal.Engagement.Status;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Building public will and community engagement: communications with key messages, published by the team or, as
 * the initiative's official statement, only after a governed decision ({@link DecisionType#SPEAK_ON_BEHALF}); a
 * spokesperson must be a member of a body that the structure model makes accountable for speaking on behalf; and
 * engagement events with participation by sector and community members reached.
 */
@Component(service = CommunityEngagement.class)
public class CommunityEngagement extends FunctionRules {

    static final String FUNCTION_ID = "community-engagement";

    /** What the function says about itself: the platform lists it by this. */
    static final FunctionDescriptor DESCRIPTOR = new FunctionDescriptor(FUNCTION_ID, "Community engagement", FunctionKind.COMMUNITY_ENGAGEMENT,
            "Build public will and cultivate community engagement: communications with key messages, official "
            + "statements by decision with an authorised spokesperson, and engagement events by sector.");

    static final String MODULE = "function-community-engagement";

    private final DecisionService decisions;
    private final RuleBook rules;
    private final EngagementEvents events;
    private final CommunicationDrafts drafts;

    @Activate
    public CommunityEngagement(@Reference BackboneStore store, @Reference AuditLog audit,
                               @Reference InitiativeService initiatives, @Reference InputValidator validator,
                               @Reference DecisionService decisions, @Reference RuleBook rules) {
        super(DESCRIPTOR, MODULE, EngagementSchema.MIGRATIONS, store, audit, initiatives, validator);
        this.decisions = decisions;
        this.rules = rules;
        this.events = new EngagementEvents(store, audit, new RecordEdits<>(store, audit, MODULE,
                EngagementRecords.class));
        this.drafts = new CommunicationDrafts(store, audit);
    }

    // ---- communications

    public List<Communication> communications(String initiativeId) {
        requireInUse(initiativeId);
        Map<Long, Proposal> proposals = decisions.proposalsById(initiativeId);
        return store.read(c -> records(c).communications(initiativeId)).stream().map(row -> {
            Proposal proposal = row.statementProposalId() == null ? null : proposals.get(row.statementProposalId());
            Status status = status(row.publishedAt() != null, proposal == null ? null : proposal.state());
            Instant publishedAt = status == Status.OFFICIAL_STATEMENT ? proposal.decidedAt() : row.publishedAt();
            List<String> messages = row.keyMessages().isEmpty() ? List.of() : Arrays.asList(row.keyMessages().split("\n"));
            return new Communication(row.id(), initiativeId, row.kind(), row.title(), row.body(), messages,
                    row.spokesperson(), status, proposal == null ? null : proposal.id(),
                    proposal == null ? null : proposal.state(), publishedAt, row.createdBy(), row.createdAt(),
                    row.revision());
        }).toList();
    }

    private EngagementRecords records(java.sql.Connection c) {
        return store.mapper(c, EngagementRecords.class);
    }

    public Communication communication(String initiativeId, long id) {
        return communications(initiativeId).stream().filter(m -> m.id() == id).findFirst().orElseThrow(() ->
                new ProblemException(Problem.notFound("Initiative '" + initiativeId + "' has no communication " + id + ".")));
    }

    public Communication draft(String initiativeId, CommunicationSpec spec, String actor) {
        requireValidInUse(initiativeId, spec);
        return communication(initiativeId, drafts.draft(initiativeId, spec, spokesperson(initiativeId, spec), actor));
    }

    /**
     * Changes a draft to what {@code spec} says, checked as a new one is; only a draft (409 once published or put to
     * the bodies, whose decision is on the text they were given). The same communication when nothing changes.
     */
    public Communication editDraft(String initiativeId, long id, CommunicationSpec spec, String actor) {
        validator.validate(spec);
        Communication draft = communication(initiativeId, id);
        if (draft.status() != Status.DRAFT) {
            throw new ProblemException(Problem.conflict("Communication " + id + " is " + draft.status()
                    + "; only a draft is edited (draft a new one to say something else)."));
        }
        return drafts.edit(initiativeId, draft, spec, spokesperson(initiativeId, spec), actor)
                ? communication(initiativeId, id) : draft;
    }

    /** The spokesperson a draft names, stripped, and authorised by the structure model; null when it names none. */
    private String spokesperson(String initiativeId, CommunicationSpec spec) {
        String spokesperson = spec.spokesperson() == null || spec.spokesperson().isBlank() ? null
                : spec.spokesperson().strip();
        if (spokesperson != null) {
            requireAuthorised(initiativeId, spokesperson, "spokesperson");
        }
        return spokesperson;
    }

    /**
     * Publishes as the backbone team's communication, not as the initiative's voice: a draft naming a spokesperson
     * speaks for the initiative, which only the bodies' decision makes it.
     */
    public Communication publish(String initiativeId, long id, String actor) {
        Communication communication = communication(initiativeId, id);
        if (communication.status() != Status.DRAFT) {
            throw new ProblemException(Problem.conflict("Communication " + id + " is " + communication.status() + "."));
        }
        if (communication.spokesperson() != null) {
            throw new ProblemException(Problem.conflict("Communication " + id + " has " + communication.spokesperson()
                    + " speak for the initiative: put it to the bodies as a statement, or draft it again without a "
                    + "spokesperson to publish it as the backbone team's.", List.of(new Violation("spokesperson",
                    "speaks for the initiative only by the bodies' decision"))));
        }
        store.inTransaction(c -> {
            // still the draft read above: not published, put to the bodies nor edited meanwhile
            if (records(c).setPublished(id, Instant.now(), communication.statementProposalId(),
                    communication.revision()) == 0) {
                throw new ProblemException(Problem.conflict("Communication " + id
                        + " was published, put to the bodies or edited meanwhile."));
            }
            audit.record(c, actor, initiativeId, MODULE, "communication.publish", "communication " + id);
            return null;
        });
        return communication(initiativeId, id);
    }

    /** Puts the communication to the bodies as an official statement; it needs an authorised spokesperson. */
    public Communication proposeStatement(String initiativeId, long id, StatementSpec spec, String actor) {
        if (spec != null) {
            validator.validate(spec);
        }
        Communication communication = communication(initiativeId, id);
        if (communication.status() != Status.DRAFT) {
            throw new ProblemException(Problem.conflict("Communication " + id + " is " + communication.status()
                    + "; only a draft can be put forward as an official statement."));
        }
        if (communication.spokesperson() == null) {
            throw new ProblemException(Problem.invalid("An official statement names its spokesperson.", List.of(
                    new Violation("spokesperson", "name one of: " + String.join(", ", authorisedSpokespeople(initiativeId))))));
        }
        requireAuthorised(initiativeId, communication.spokesperson(), "spokesperson");
        // the proposal and its link to the communication commit together, or neither does
        decisions.propose(initiativeId, new ProposalSpec(DecisionType.SPEAK_ON_BEHALF,
                "Publish '" + communication.title() + "' as the initiative's statement, " + communication.spokesperson()
                        + " speaking", spec == null ? null : spec.reason(), null, spec == null ? null : spec.expiresInDays()),
                MODULE, actor, (c, proposal) -> {
                    // still authorised as the seats are now: a seat retired meanwhile waits for this commit or came first
                    requireSeated(c, initiativeId, proposal, communication.spokesperson());
                    // the bodies decide on the text that was read: not one edited meanwhile
                    if (records(c).setStatementProposal(id, proposal.id(), communication.statementProposalId(),
                            communication.revision()) == 0) {
                        throw new ProblemException(Problem.conflict("Communication " + id
                                + " was published, put to another proposal or edited meanwhile."));
                    }
                    audit.record(c, actor, initiativeId, MODULE, "communication.statement", "communication " + id
                            + " put to proposal " + proposal.id());
                    return proposal;
                });
        return communication(initiativeId, id);
    }

    /**
     * Who may be named spokesperson: the members of the bodies that the structure model in force makes accountable
     * for speaking on behalf of the initiative.
     */
    public List<String> authorisedSpokespeople(String initiativeId) {
        requireInUse(initiativeId);
        List<AccountabilityRule> inForce = rules.rulesInForce(initiativeId);
        Set<String> bodyTypes = inForce.stream().filter(r -> r.decisionType() == DecisionType.SPEAK_ON_BEHALF)
                .flatMap(r -> r.steps().stream()).map(ApprovalStep::bodyType).collect(Collectors.toSet());
        Set<Long> bodies = initiatives.bodies(initiativeId).stream().filter(b -> bodyTypes.contains(b.type()))
                .map(GovernanceBody::id).collect(Collectors.toSet());
        Set<String> people = new TreeSet<>();
        initiatives.members(initiativeId).stream().filter(m -> bodies.contains(m.bodyId()) && m.person() != null)
                .forEach(m -> people.add(m.person()));
        return List.copyOf(people);
    }

    /**
     * Refuses (409) a statement whose spokesperson no longer sits on a body that decides it (the proposal's steps, the
     * rule in force read in its transaction), as the seats are in that transaction, which holds them until it commits.
     */
    private void requireSeated(Connection c, String initiativeId, Proposal proposal, String spokesperson) {
        Set<String> deciding = proposal.steps().stream().map(Proposal.Step::bodyType).collect(Collectors.toSet());
        if (initiatives.heldSeats(c, initiativeId, deciding).stream()
                .noneMatch(m -> m.person() != null && SameName.of(m.person(), spokesperson))) {
            throw new ProblemException(Problem.conflict("'" + spokesperson + "' no longer sits on a body that decides "
                    + "on speaking for the initiative (a seat was retired or changed meanwhile); nothing was proposed: "
                    + "name another spokesperson.", List.of(new Violation("spokesperson", "is not authorised to speak "
                    + "on behalf now"))));
        }
    }

    private void requireAuthorised(String initiativeId, String person, String field) {
        List<String> authorised = authorisedSpokespeople(initiativeId);
        if (authorised.stream().noneMatch(a -> SameName.of(a, person))) {
            throw new ProblemException(Problem.invalid("Only people the structure model authorises may speak for the "
                    + "initiative.", List.of(new Violation(field, "'" + person + "' is not authorised to speak on behalf; "
                    + (authorised.isEmpty() ? "nobody is (no member of a body that decides on speaking on behalf)"
                    : "authorised: " + String.join(", ", authorised))))));
        }
    }

    static Status status(boolean published, ProposalState statement) {
        if (statement == ProposalState.APPROVED) {
            return Status.OFFICIAL_STATEMENT;
        }
        if (statement == ProposalState.OPEN) {
            return Status.STATEMENT_PROPOSED;
        }
        return published ? Status.PUBLISHED : Status.DRAFT;
    }

    // ---- events

    public List<Event> events(String initiativeId) {
        requireInUse(initiativeId);
        return events.all(initiativeId);
    }

    public Event recordEvent(String initiativeId, EventSpec spec, String actor) {
        requireValidInUse(initiativeId, spec);
        return events.record(initiativeId, spec, actor);
    }

    /** Corrects a recorded event, checked as a new one is; the same event when nothing changes. */
    public Event correctEvent(String initiativeId, long eventId, EventSpec spec, String actor) {
        requireValidInUse(initiativeId, spec);
        Event event = events.one(initiativeId, eventId);
        return events.correct(initiativeId, event, spec, actor) ? events.one(initiativeId, eventId) : event;
    }

    // ---- overview and exports

    public Overview overview(String initiativeId) {
        List<String> spokespeople;
        try {
            spokespeople = authorisedSpokespeople(initiativeId);
        } catch (ProblemException e) {
            spokespeople = List.of(); // the structure model module is not installed: nobody can be authorised
        }
        return EngagementReports.overview(initiativeId, communications(initiativeId), events(initiativeId), spokespeople,
                LocalDate.now());
    }

    public String exportCommunications(String initiativeId) {
        return EngagementReports.communications(communications(initiativeId));
    }

    public String exportEvents(String initiativeId) {
        return EngagementReports.events(events(initiativeId));
    }
}
