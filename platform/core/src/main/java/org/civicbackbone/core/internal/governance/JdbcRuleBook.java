package org.civicbackbone.core.internal.governance;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.civicbackbone.api.audit.AuditLog;
import org.civicbackbone.api.decision.DecisionListener;
import org.civicbackbone.api.decision.DecisionService;
import org.civicbackbone.api.decision.Proposal;
import org.civicbackbone.api.decision.ProposalSpec;
import org.civicbackbone.api.decision.ProposalState;
import org.civicbackbone.api.decision.RuleBook;
import org.civicbackbone.api.initiative.Initiative;
import org.civicbackbone.api.initiative.InitiativeService;
import org.civicbackbone.api.module.AccountabilityRule;
import org.civicbackbone.api.module.ApprovalStep;
import org.civicbackbone.api.module.BodyRequirement;
import org.civicbackbone.api.module.DecisionType;
import org.civicbackbone.api.module.ModuleCatalogue;
import org.civicbackbone.api.module.StructureModel;
import org.civicbackbone.api.problem.Problem;
import org.civicbackbone.api.problem.ProblemException;
import org.civicbackbone.api.problem.Violation;
import org.civicbackbone.api.store.BackboneStore;
import org.civicbackbone.core.internal.JdbcInitiativeService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Rule adjustments and model changes: each is proposed as a CHANGE_STRUCTURE decision, waits in a side table,
 * and is applied (a new rule version, or the new model with a history entry) only when the proposal is approved.
 */
@Component(service = {RuleBook.class, DecisionListener.class})
public class JdbcRuleBook implements RuleBook, DecisionListener {

    private final BackboneStore store;
    private final AuditLog audit;
    private final DecisionService decisions;
    private final InitiativeService initiatives;
    private final ModuleCatalogue catalogue;

    @Activate
    public JdbcRuleBook(@Reference BackboneStore store, @Reference AuditLog audit, @Reference DecisionService decisions,
                        @Reference InitiativeService initiatives, @Reference ModuleCatalogue catalogue) {
        this.store = store;
        this.audit = audit;
        this.decisions = decisions;
        this.initiatives = initiatives;
        this.catalogue = catalogue;
    }

    private Initiative initiative(String id) {
        return initiatives.find(id).orElseThrow(() -> new ProblemException(
                Problem.notFound("There is no initiative '" + id + "'.")));
    }

    private StructureModel installedModel(String modelId) {
        return catalogue.structureModel(modelId).orElseThrow(() -> new ProblemException(Problem.conflict(
                "The module 'structure-" + modelId + "' is not installed.")));
    }

    @Override
    public List<AccountabilityRule> rulesInForce(String initiativeId) {
        Initiative initiative = initiative(initiativeId);
        StructureModel model = installedModel(initiative.structureModelId());
        return store.read(c -> RuleSteps.inForce(c, initiativeId, model.id(), model.accountabilityRules()));
    }

    @Override
    public Proposal proposeRule(String initiativeId, DecisionType decisionType, List<ApprovalStep> steps, String reason,
                                String actor) {
        Initiative initiative = initiative(initiativeId);
        StructureModel model = installedModel(initiative.structureModelId());
        AccountabilityRule defaults = model.accountabilityRules().stream()
                .filter(r -> r.decisionType() == decisionType).findFirst()
                .orElseThrow(() -> ProblemException.invalid("decisionType", "the model has no rule for it"));
        Set<String> bodies = model.requiredBodies().stream().map(BodyRequirement::bodyType).collect(Collectors.toSet());
        List<Violation> violations = RuleSteps.checkTightening(defaults, steps, bodies);
        if (!violations.isEmpty()) {
            throw new ProblemException(Problem.invalid("The " + model.name() + " allows an initiative to tighten its "
                    + "default rules, not to loosen or drop them.", violations));
        }
        Proposal proposal = decisions.propose(initiativeId, new ProposalSpec(DecisionType.CHANGE_STRUCTURE,
                "Adopt a stricter rule for " + decisionType + ": " + RuleSteps.write(steps), reason, null, null),
                "core", actor);
        store.inTransaction(c -> {
            try (PreparedStatement p = c.prepareStatement("INSERT INTO gov_rule_change (proposal_id, initiative_id, "
                    + "model_id, decision_type, steps) VALUES (?, ?, ?, ?, ?)")) {
                p.setLong(1, proposal.id());
                p.setString(2, initiativeId);
                p.setString(3, model.id());
                p.setString(4, decisionType.name());
                p.setString(5, RuleSteps.write(steps));
                p.executeUpdate();
            }
            return null;
        });
        return proposal;
    }

    @Override
    public Proposal proposeModel(String initiativeId, String modelId, String reason, String actor) {
        Initiative initiative = initiative(initiativeId);
        if (initiative.structureModelId().equals(modelId)) {
            throw ProblemException.invalid("modelId", "the initiative is already on the '" + modelId + "' model");
        }
        if (catalogue.structureModel(modelId).isEmpty()) {
            throw ProblemException.invalid("modelId", "'" + modelId + "' is not an installed structure model");
        }
        Proposal proposal = decisions.propose(initiativeId, new ProposalSpec(DecisionType.CHANGE_STRUCTURE,
                "Move from the " + initiative.structureModelId() + " model to the " + modelId + " model", reason, null,
                null), "core", actor);
        store.inTransaction(c -> {
            try (PreparedStatement p = c.prepareStatement("INSERT INTO gov_model_change (proposal_id, initiative_id, "
                    + "from_model, to_model) VALUES (?, ?, ?, ?)")) {
                p.setLong(1, proposal.id());
                p.setString(2, initiativeId);
                p.setString(3, initiative.structureModelId());
                p.setString(4, modelId);
                p.executeUpdate();
            }
            return null;
        });
        return proposal;
    }

    @Override
    public void decided(Proposal proposal) {
        if (proposal.state() != ProposalState.APPROVED || proposal.type() != DecisionType.CHANGE_STRUCTURE
                || !"core".equals(proposal.module())) {
            return;
        }
        store.inTransaction(c -> {
            Instant now = Instant.now();
            try (PreparedStatement p = c.prepareStatement(
                    "SELECT model_id, decision_type, steps FROM gov_rule_change WHERE proposal_id = ?")) {
                p.setLong(1, proposal.id());
                try (ResultSet r = p.executeQuery()) {
                    if (r.next()) {
                        int version = 1;
                        try (PreparedStatement v = c.prepareStatement("SELECT COALESCE(MAX(version), 0) + 1 FROM "
                                + "gov_rule_version WHERE initiative_id = ? AND model_id = ? AND decision_type = ?")) {
                            v.setString(1, proposal.initiativeId());
                            v.setString(2, r.getString(1));
                            v.setString(3, r.getString(2));
                            try (ResultSet vr = v.executeQuery()) {
                                vr.next();
                                version = vr.getInt(1);
                            }
                        }
                        try (PreparedStatement i = c.prepareStatement("INSERT INTO gov_rule_version (initiative_id, "
                                + "model_id, decision_type, version, steps, proposal_id, effective_at) "
                                + "VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                            i.setString(1, proposal.initiativeId());
                            i.setString(2, r.getString(1));
                            i.setString(3, r.getString(2));
                            i.setInt(4, version);
                            i.setString(5, r.getString(3));
                            i.setLong(6, proposal.id());
                            i.setTimestamp(7, Timestamp.from(now));
                            i.executeUpdate();
                        }
                        audit.record(c, "system", proposal.initiativeId(), "core", "rule.adopt", r.getString(2)
                                + " v" + version + ": " + r.getString(3) + " (proposal " + proposal.id() + ")");
                    }
                }
            }
            try (PreparedStatement p = c.prepareStatement(
                    "SELECT from_model, to_model FROM gov_model_change WHERE proposal_id = ?")) {
                p.setLong(1, proposal.id());
                try (ResultSet r = p.executeQuery()) {
                    if (r.next()) {
                        JdbcInitiativeService.changeModel(c, proposal.initiativeId(), r.getString(2), proposal.id(), now);
                        audit.record(c, "system", proposal.initiativeId(), "core", "model.change", r.getString(1)
                                + " -> " + r.getString(2) + " (proposal " + proposal.id() + ")");
                    }
                }
            }
            return null;
        });
    }

    @Override
    public List<RuleVersion> ruleHistory(String initiativeId) {
        initiative(initiativeId);
        return store.read(c -> {
            List<RuleVersion> versions = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT model_id, decision_type, version, steps, proposal_id, "
                    + "effective_at FROM gov_rule_version WHERE initiative_id = ? ORDER BY effective_at, version")) {
                p.setString(1, initiativeId);
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        versions.add(new RuleVersion(initiativeId, r.getString(1), DecisionType.valueOf(r.getString(2)),
                                r.getInt(3), RuleSteps.read(r.getString(4)), r.getLong(5), r.getTimestamp(6).toInstant()));
                    }
                }
            }
            return versions;
        });
    }

    @Override
    public List<ModelPeriod> modelHistory(String initiativeId) {
        Initiative initiative = initiative(initiativeId);
        return store.read(c -> {
            List<ModelPeriod> periods = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT model_id, effective_at, proposal_id FROM "
                    + "gov_model_history WHERE initiative_id = ? ORDER BY id")) {
                p.setString(1, initiativeId);
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        long proposal = r.getLong(3);
                        periods.add(new ModelPeriod(r.getString(1), r.getTimestamp(2).toInstant(), null,
                                r.wasNull() ? null : proposal));
                    }
                }
            }
            if (periods.isEmpty()) {
                periods.add(new ModelPeriod(initiative.structureModelId(), initiative.createdAt(), null, null));
            }
            List<ModelPeriod> closed = new ArrayList<>();
            for (int i = 0; i < periods.size(); i++) {
                ModelPeriod m = periods.get(i);
                closed.add(new ModelPeriod(m.modelId(), m.from(), i + 1 < periods.size() ? periods.get(i + 1).from() : null,
                        m.proposalId()));
            }
            return closed;
        });
    }
}
