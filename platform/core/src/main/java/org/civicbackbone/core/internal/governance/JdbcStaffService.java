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
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Staff hiring as a governed action: a hire is recorded as pending with its proposal, and the person joins the
 * backbone team only when the decision engine reports the proposal approved.
 */
@Component(service = {StaffService.class, DecisionListener.class})
public class JdbcStaffService implements StaffService, DecisionListener {

    static final String TEAM = "backbone-team";

    private final BackboneStore store;
    private final AuditLog audit;
    private final DecisionService decisions;
    private final InitiativeService initiatives;

    @Activate
    public JdbcStaffService(@Reference BackboneStore store, @Reference AuditLog audit,
                            @Reference DecisionService decisions, @Reference InitiativeService initiatives) {
        this.store = store;
        this.audit = audit;
        this.decisions = decisions;
        this.initiatives = initiatives;
    }

    @Override
    public StaffHire proposeHire(String initiativeId, HireSpec spec, String actor) {
        Proposal proposal = decisions.propose(initiativeId, new ProposalSpec(DecisionType.HIRE_STAFF,
                "Hire " + spec.person().strip() + " as " + spec.role().strip(), spec.reason(), null, null),
                "core", actor);
        store.inTransaction(c -> {
            try (PreparedStatement p = c.prepareStatement("INSERT INTO core_staff_hire (proposal_id, initiative_id, "
                    + "person, username, role, organisation) VALUES (?, ?, ?, ?, ?, ?)")) {
                p.setLong(1, proposal.id());
                p.setString(2, initiativeId);
                p.setString(3, spec.person().strip());
                p.setString(4, spec.username());
                p.setString(5, spec.role().strip());
                p.setString(6, spec.organisation().strip());
                p.executeUpdate();
            }
            return null;
        });
        return hires(initiativeId).stream().filter(h -> h.proposalId() == proposal.id()).findFirst().orElseThrow();
    }

    @Override
    public List<StaffHire> hires(String initiativeId) {
        decisions.proposals(initiativeId); // settles expired proposals first
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
        if (proposal.state() != ProposalState.APPROVED || proposal.type() != DecisionType.HIRE_STAFF
                || !"core".equals(proposal.module())) {
            return;
        }
        StaffHire hire = hires(proposal.initiativeId()).stream().filter(h -> h.proposalId() == proposal.id())
                .findFirst().orElse(null);
        if (hire == null || hire.hiredAt() != null) {
            return;
        }
        GovernanceBody team = initiatives.bodies(proposal.initiativeId()).stream()
                .filter(b -> b.type().equals(TEAM)).findFirst()
                .orElseGet(() -> initiatives.addBody(proposal.initiativeId(), new BodySpec(TEAM, "Backbone team"), "system"));
        initiatives.addMember(proposal.initiativeId(), team.id(), new MembershipSpec(hire.person(), hire.username(),
                hire.organisation(), hire.role(), Sector.NONPROFIT), "system");
        store.inTransaction(c -> {
            try (PreparedStatement p = c.prepareStatement(
                    "UPDATE core_staff_hire SET hired_at = ? WHERE proposal_id = ? AND hired_at IS NULL")) {
                p.setTimestamp(1, Timestamp.from(Instant.now()));
                p.setLong(2, proposal.id());
                p.executeUpdate();
            }
            audit.record(c, "system", proposal.initiativeId(), "core", "staff.hire",
                    hire.person() + " hired as " + hire.role() + " after proposal " + proposal.id() + " was approved");
            return null;
        });
    }
}
