package org.civicbackbone.core.internal.governance;

import java.time.Instant;
import java.util.List;
import org.civicbackbone.api.audit.AuditLog;
import org.civicbackbone.api.decision.DecisionListener;
import org.civicbackbone.api.decision.DecisionService;
import org.civicbackbone.api.decision.HireSpec;
import org.civicbackbone.api.decision.Proposal;
import org.civicbackbone.api.decision.ProposalSpec;
import org.civicbackbone.api.decision.ProposalState;
import org.civicbackbone.api.decision.StaffHire;
import org.civicbackbone.api.decision.StaffService;
import org.civicbackbone.api.initiative.BodySpec;
import org.civicbackbone.api.initiative.GovernanceBody;
import org.civicbackbone.api.initiative.InitiativeService;
import org.civicbackbone.api.initiative.Membership;
import org.civicbackbone.api.initiative.MembershipSpec;
import org.civicbackbone.api.initiative.SameName;
import org.civicbackbone.api.initiative.Sector;
import org.civicbackbone.api.module.DecisionType;
import org.civicbackbone.api.problem.Problem;
import org.civicbackbone.api.problem.ProblemException;
import org.civicbackbone.api.problem.Violation;
import org.civicbackbone.api.store.BackboneStore;
import org.civicbackbone.core.internal.BackboneTeam;
import org.civicbackbone.core.internal.JdbcInitiativeService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Staff hiring as a governed action: a hire is recorded as pending with its proposal, and the person joins the
 * backbone team only when its proposal is approved: exactly once, in one transaction with the claim of the hire, and
 * re-applied from the approved proposal whenever hires are read, should the announcement have been lost.
 */
@Component(service = {StaffService.class, DecisionListener.class, GovernanceSweep.class})
public class JdbcStaffService implements StaffService, DecisionListener, GovernanceSweep {

    private final BackboneStore store;
    private final AuditLog audit;
    private final DecisionService decisions;
    private final InitiativeService initiatives;
    private final JdbcInitiativeService seating;

    @Activate
    public JdbcStaffService(@Reference BackboneStore store, @Reference AuditLog audit,
                            @Reference DecisionService decisions, @Reference JdbcInitiativeService initiatives) {
        this.store = store;
        this.audit = audit;
        this.decisions = decisions;
        this.initiatives = initiatives;
        this.seating = initiatives;
    }

    @Override
    public StaffHire proposeHire(String initiativeId, HireSpec spec, String actor) {
        refuseRepeatedHire(initiativeId, spec);
        return decisions.propose(initiativeId, new ProposalSpec(DecisionType.HIRE_STAFF,
                "Hire " + spec.person().strip() + " as " + spec.role().strip(), spec.reason(), null, null),
                "core", actor, (c, proposal) -> {
                    HireRecords records = store.mapper(c, HireRecords.class);
                    records.insert(proposal.id(), initiativeId, spec.person().strip(), spec.username(),
                            spec.role().strip(), spec.organisation().strip());
                    return records.hire(proposal.id()); // as written, with its proposal's state
                });
    }

    /**
     * A hire of someone on the backbone team already, or whose hire awaits its decision, is refused (409 naming
     * {@code person}): the bodies would be asked to decide what is decided or being decided. Read before the
     * proposal's transaction: a race at worst opens a second proposal, whose approval keeps the one seat.
     */
    private void refuseRepeatedHire(String initiativeId, HireSpec spec) {
        String name = spec.person().strip();
        String login = spec.username() == null || spec.username().isBlank() ? null : spec.username().strip();
        for (GovernanceBody team : initiatives.bodies(initiativeId)) {
            if (!team.type().equals(BackboneTeam.TYPE)) {
                continue;
            }
            for (Membership seat : initiatives.members(initiativeId, team.id())) {
                if (samePerson(name, login, seat.person(), seat.username())) {
                    throw repeated(seat.person() + " is on the backbone team already (seat " + seat.id() + ", as "
                            + seat.role() + "); change that seat's role instead", "on the backbone team already");
                }
            }
        }
        // the initiative is known (its bodies were read above): its hires are read without asking again
        for (StaffHire hire : store.read(c -> store.mapper(c, HireRecords.class).hires(initiativeId))) {
            if (hire.state() == ProposalState.OPEN && samePerson(name, login, hire.person(), hire.username())) {
                throw repeated("The hire of " + hire.person() + " awaits its decision (proposal " + hire.proposalId()
                        + ")", "hired by proposal " + hire.proposalId() + ", which awaits its decision");
            }
        }
    }

    /** One person by login when both have one (a login tells namesakes apart), else by name. */
    private static boolean samePerson(String name, String login, String otherName, String otherLogin) {
        if (login != null && otherLogin != null) {
            return login.equals(otherLogin);
        }
        return SameName.of(name, otherName);
    }

    private static ProblemException repeated(String detail, String why) {
        return new ProblemException(Problem.conflict(detail + ".", List.of(new Violation("person", why))));
    }

    @Override
    public List<StaffHire> hires(String initiativeId) {
        decisions.proposals(initiativeId); // the initiative exists
        return store.read(c -> store.mapper(c, HireRecords.class).hires(initiativeId));
    }

    @Override
    public void decided(Proposal proposal) {
        if (proposal.state() == ProposalState.APPROVED && proposal.type() == DecisionType.HIRE_STAFF
                && "core".equals(proposal.module())) {
            hire(proposal.initiativeId(), proposal.id());
        }
    }

    /**
     * Seats the person of an approved hire on the backbone team, exactly once: the hire row is claimed and the seat
     * written in one transaction, so a repeated announcement, a retry after a crash or two threads at once find it
     * claimed. Returns whether this call hired.
     */
    boolean hire(String initiativeId, long proposalId) {
        // read before the transaction, which then uses only its own connection (a bounded pool never waits on itself)
        GovernanceBody existingTeam = initiatives.bodies(initiativeId).stream()
                .filter(b -> b.type().equals(BackboneTeam.TYPE)).findFirst().orElse(null);
        return store.inTransaction(c -> {
            HireRecords records = store.mapper(c, HireRecords.class);
            if (records.claim(proposalId, Instant.now()) == 0) {
                return false;
            }
            StaffHire hire = records.hire(proposalId);
            GovernanceBody team = existingTeam;
            if (team == null) {
                team = seating.addBody(c, initiativeId, new BodySpec(BackboneTeam.TYPE, "Backbone team"), "system");
            }
            seating.seatOnce(c, initiativeId, team.id(), new MembershipSpec(hire.person(), hire.username(),
                    hire.organisation(), hire.role(), Sector.NONPROFIT), "system");
            audit.record(c, "system", initiativeId, "core", "staff.hire",
                    hire.person() + " hired as " + hire.role() + " after proposal " + proposalId + " was approved");
            return true;
        });
    }

    /**
     * Applies approved hires not yet applied (an announcement lost to a crash): the durable state is the proposal.
     * Run by the {@link GovernanceClock}, never by a read.
     */
    @Override
    public int sweep() {
        List<HireRecords.DueHire> due = store.read(c -> store.mapper(c, HireRecords.class).due());
        return (int) due.stream().filter(d -> hire(d.initiativeId(), d.proposalId())).count();
    }
}
