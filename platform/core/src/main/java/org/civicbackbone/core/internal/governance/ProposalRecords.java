package org.civicbackbone.core.internal.governance;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.civicbackbone.api.decision.Proposal;
import org.civicbackbone.api.decision.ProposalSpec;
import org.civicbackbone.api.decision.ProposalState;
import org.civicbackbone.api.decision.Vote;
import org.civicbackbone.api.decision.VoteChoice;
import org.civicbackbone.api.module.AccountabilityRule;
import org.civicbackbone.api.module.DecisionRule;
import org.civicbackbone.api.module.DecisionType;
import org.civicbackbone.api.problem.Problem;
import org.civicbackbone.api.problem.ProblemException;
import org.civicbackbone.api.store.BackboneStore;

/** The decision engine's rows: proposals, their steps, fixed seats and votes, read and written on one connection. */
final class ProposalRecords {

    private ProposalRecords() {
    }

    /** The seats fixed for a step when its proposal opened, or null for a proposal opened before seats were kept. */
    static List<Seat> recordedSeats(Connection c, long proposalId, int stepIndex) throws SQLException {
        List<Seat> seats = new ArrayList<>();
        boolean recorded = false;
        try (PreparedStatement p = c.prepareStatement("SELECT step_index, voter, organisation, conflicted "
                + "FROM gov_step_voter WHERE proposal_id = ? ORDER BY voter")) {
            p.setLong(1, proposalId);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    recorded = true;
                    if (r.getInt("step_index") == stepIndex) {
                        seats.add(new Seat(r.getString("voter"), r.getString("organisation"), r.getBoolean("conflicted")));
                    }
                }
            }
        }
        return recorded ? seats : null;
    }

    static ProblemException noProposal(String initiativeId, long proposalId) {
        return new ProblemException(Problem.notFound("Initiative '" + initiativeId + "' has no proposal " + proposalId + "."));
    }
    /** Locks the proposal's row for the rest of the transaction: votes, expiry and withdrawal take turns. */
    static void lock(Connection c, String initiativeId, long proposalId) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(
                "SELECT id FROM gov_proposal WHERE id = ? AND initiative_id = ? FOR UPDATE")) {
            p.setLong(1, proposalId);
            p.setString(2, initiativeId);
            try (ResultSet r = p.executeQuery()) {
                if (!r.next()) {
                    throw noProposal(initiativeId, proposalId);
                }
            }
        }
    }
    static void setStep(Connection c, long proposalId, int index, String state) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(
                "UPDATE gov_step SET state = ? WHERE proposal_id = ? AND step_index = ?")) {
            p.setString(1, state);
            p.setLong(2, proposalId);
            p.setInt(3, index);
            p.executeUpdate();
        }
    }
    /** The proposal with its steps; 404 problem if the initiative has no such proposal. */
    static Proposal load(BackboneStore store, Connection c, String initiativeId, long proposalId) {
        Proposal proposal = store.mapper(c, ProposalRows.class).load(initiativeId, proposalId);
        if (proposal == null) {
            throw noProposal(initiativeId, proposalId);
        }
        return proposal;
    }
    static List<Vote> votes(Connection c, long proposalId) throws SQLException {
        List<Vote> votes = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("SELECT id, step_index, voter, organisation, choice, reason, "
                + "cast_at FROM gov_vote WHERE proposal_id = ? ORDER BY id")) {
            p.setLong(1, proposalId);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    votes.add(new Vote(r.getLong(1), proposalId, r.getInt(2), r.getString(3), r.getString(4),
                            VoteChoice.valueOf(r.getString(5)), r.getString(6), r.getTimestamp(7).toInstant()));
                }
            }
        }
        return votes;
    }
    static void finish(Connection c, long proposalId, ProposalState state, Instant at) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(
                "UPDATE gov_proposal SET state = ?, decided_at = ? WHERE id = ? AND state = 'OPEN'")) {
            p.setString(1, state.name());
            p.setTimestamp(2, Timestamp.from(at));
            p.setLong(3, proposalId);
            p.executeUpdate();
        }
    }
    /** Opens a proposal: its row, its steps (the first open) and the seats of every step. Returns its id. */
    static long open(Connection c, String initiativeId, ProposalSpec spec, String module, String modelId,
                     AccountabilityRule rule, String actor, Instant now, Instant expires, List<List<Seat>> seats)
            throws SQLException {
        long proposalId;
        try (PreparedStatement p = c.prepareStatement("INSERT INTO gov_proposal (initiative_id, type, title, "
                + "description, beneficiary, module, model_id, rationale, proposed_by, state, created_at, expires_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?)", new String[] {"id"})) {
            p.setString(1, initiativeId);
            p.setString(2, spec.type().name());
            p.setString(3, spec.title().strip());
            p.setString(4, spec.description());
            p.setString(5, spec.beneficiary() == null || spec.beneficiary().isBlank() ? null : spec.beneficiary().strip());
            p.setString(6, module);
            p.setString(7, modelId);
            p.setString(8, rule.rationale());
            p.setString(9, actor);
            p.setTimestamp(10, Timestamp.from(now));
            p.setTimestamp(11, Timestamp.from(expires));
            p.executeUpdate();
            try (ResultSet keys = p.getGeneratedKeys()) {
                keys.next();
                proposalId = keys.getLong(1);
            }
        }
        try (PreparedStatement p = c.prepareStatement(
                "INSERT INTO gov_step (proposal_id, step_index, body_type, rule, state) VALUES (?, ?, ?, ?, ?)")) {
            for (int i = 0; i < rule.steps().size(); i++) {
                p.setLong(1, proposalId);
                p.setInt(2, i);
                p.setString(3, rule.steps().get(i).bodyType());
                p.setString(4, rule.steps().get(i).rule().name());
                p.setString(5, i == 0 ? "OPEN" : "PENDING");
                p.addBatch();
            }
            p.executeBatch();
        }
        try (PreparedStatement p = c.prepareStatement("INSERT INTO gov_step_voter (proposal_id, step_index, voter, "
                + "organisation, conflicted) VALUES (?, ?, ?, ?, ?)")) {
            for (int i = 0; i < seats.size(); i++) {
                for (Seat seat : seats.get(i)) {
                    p.setLong(1, proposalId);
                    p.setInt(2, i);
                    p.setString(3, seat.voter());
                    p.setString(4, seat.organisation());
                    p.setBoolean(5, seat.conflicted());
                    p.addBatch();
                }
            }
            p.executeBatch();
        }
        return proposalId;
    }
}
