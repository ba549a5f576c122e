package org.civicbackbone.core.internal.governance;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
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
import org.civicbackbone.api.initiative.MembershipSpec;
import org.civicbackbone.api.initiative.Sector;
import org.civicbackbone.api.module.DecisionType;
import org.civicbackbone.api.store.BackboneStore;
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

    static final String TEAM = "backbone-team";

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
        long proposalId = decisions.propose(initiativeId, new ProposalSpec(DecisionType.HIRE_STAFF,
                "Hire " + spec.person().strip() + " as " + spec.role().strip(), spec.reason(), null, null),
                "core", actor, (c, proposal) -> {
                    try (PreparedStatement p = c.prepareStatement("INSERT INTO core_staff_hire (proposal_id, "
                            + "initiative_id, person, username, role, organisation) VALUES (?, ?, ?, ?, ?, ?)")) {
                        p.setLong(1, proposal.id());
                        p.setString(2, initiativeId);
                        p.setString(3, spec.person().strip());
                        p.setString(4, spec.username());
                        p.setString(5, spec.role().strip());
                        p.setString(6, spec.organisation().strip());
                        p.executeUpdate();
                    }
                    return proposal.id();
                });
        return hires(initiativeId).stream().filter(h -> h.proposalId() == proposalId).findFirst().orElseThrow();
    }

    @Override
    public List<StaffHire> hires(String initiativeId) {
        decisions.proposals(initiativeId); // the initiative exists
        return store.read(c -> {
            List<StaffHire> hires = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT h.proposal_id, h.person, h.username, h.role, "
                    + "h.organisation, g.state, h.hired_at FROM core_staff_hire h JOIN gov_proposal g "
                    + "ON g.id = h.proposal_id WHERE h.initiative_id = ? ORDER BY h.proposal_id DESC")) {
                p.setString(1, initiativeId);
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        Timestamp hired = r.getTimestamp(7);
                        hires.add(new StaffHire(r.getLong(1), initiativeId, r.getString(2), r.getString(3),
                                r.getString(4), r.getString(5), ProposalState.valueOf(r.getString(6)),
                                hired == null ? null : hired.toInstant()));
                    }
                }
            }
            return hires;
        });
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
        GovernanceBody existingTeam = initiatives.bodies(initiativeId).stream().filter(b -> b.type().equals(TEAM))
                .findFirst().orElse(null);
        return store.inTransaction(c -> {
            try (PreparedStatement p = c.prepareStatement("UPDATE core_staff_hire SET hired_at = ? WHERE proposal_id = ? "
                    + "AND hired_at IS NULL AND EXISTS (SELECT 1 FROM gov_proposal g WHERE g.id = ? AND g.state = 'APPROVED')")) {
                p.setTimestamp(1, Timestamp.from(Instant.now()));
                p.setLong(2, proposalId);
                p.setLong(3, proposalId);
                if (p.executeUpdate() == 0) {
                    return false;
                }
            }
            String person;
            String username;
            String role;
            String organisation;
            try (PreparedStatement p = c.prepareStatement(
                    "SELECT person, username, role, organisation FROM core_staff_hire WHERE proposal_id = ?")) {
                p.setLong(1, proposalId);
                try (ResultSet r = p.executeQuery()) {
                    r.next();
                    person = r.getString("person");
                    username = r.getString("username");
                    role = r.getString("role");
                    organisation = r.getString("organisation");
                }
            }
            GovernanceBody team = existingTeam;
            if (team == null) {
                team = seating.addBody(c, initiativeId, new BodySpec(TEAM, "Backbone team"), "system");
            }
            seating.addMember(c, initiativeId, team.id(), new MembershipSpec(person, username, organisation, role,
                    Sector.NONPROFIT), "system");
            audit.record(c, "system", initiativeId, "core", "staff.hire",
                    person + " hired as " + role + " after proposal " + proposalId + " was approved");
            return true;
        });
    }

    /**
     * Applies approved hires not yet applied (an announcement lost to a crash): the durable state is the proposal.
     * Run by the {@link GovernanceClock}, never by a read.
     */
    @Override
    public int sweep() {
        record Due(String initiativeId, long proposalId) {
        }
        List<Due> due = store.read(c -> {
            List<Due> found = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT h.initiative_id, h.proposal_id FROM core_staff_hire h "
                    + "JOIN gov_proposal g ON g.id = h.proposal_id WHERE h.hired_at IS NULL AND g.state = 'APPROVED'")) {
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        found.add(new Due(r.getString(1), r.getLong(2)));
                    }
                }
            }
            return found;
        });
        return (int) due.stream().filter(d -> hire(d.initiativeId(), d.proposalId())).count();
    }
}
