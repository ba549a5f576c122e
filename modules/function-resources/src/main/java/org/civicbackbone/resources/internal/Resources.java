package org.civicbackbone.resources.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.civicbackbone.api.activities.ActivityCatalogue;
import org.civicbackbone.api.activities.ActivityRef;
import org.civicbackbone.api.audit.AuditLog;
import org.civicbackbone.api.initiative.OrganisationName;
import org.civicbackbone.api.csv.CsvTable;
import org.civicbackbone.api.decision.DecisionService;
import org.civicbackbone.api.decision.Proposal;
import org.civicbackbone.api.decision.ProposalSpec;
import org.civicbackbone.api.decision.ProposalState;
import org.civicbackbone.api.initiative.InitiativeService;
import org.civicbackbone.api.initiative.Sector;
import org.civicbackbone.api.module.DecisionType;
import org.civicbackbone.api.problem.InputValidator;
import org.civicbackbone.api.problem.Problem;
import org.civicbackbone.api.problem.ProblemException;
import org.civicbackbone.api.problem.Violation;
import org.civicbackbone.api.store.BackboneStore;
import org.civicbackbone.api.store.SchemaMigration;
import org.civicbackbone.resources.internal.Funding.AcceptanceSpec;
import org.civicbackbone.resources.internal.Funding.Allocation;
import org.civicbackbone.resources.internal.Funding.AllocationSpec;
import org.civicbackbone.resources.internal.Funding.Budget;
import org.civicbackbone.resources.internal.Funding.BudgetLine;
import org.civicbackbone.resources.internal.Funding.BudgetSpec;
import org.civicbackbone.resources.internal.Funding.Deadline;
import org.civicbackbone.resources.internal.Funding.DeadlineSpec;
import org.civicbackbone.resources.internal.Funding.Funder;
import org.civicbackbone.resources.internal.Funding.FunderSpec;
import org.civicbackbone.resources.internal.Funding.Grant;
import org.civicbackbone.resources.internal.Funding.GrantSpec;
import org.civicbackbone.resources.internal.Funding.GrantStatus;
import org.civicbackbone.resources.internal.Funding.Overview;
import org.civicbackbone.resources.internal.Funding.Receipt;
import org.civicbackbone.resources.internal.Funding.ReceiptSpec;
import org.civicbackbone.resources.internal.Funding.RecipientKind;
import org.civicbackbone.resources.internal.Funding.Stage;
import org.civicbackbone.resources.internal.Funding.StageSpec;
import org.civicbackbone.resources.internal.Funding.Totals;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferenceCardinality;

/**
 * Mobilising resources: funders, grants from opportunity to agreement, reporting deadlines, money received, the
 * budget, and allocations. Accepting a grant ({@link DecisionType#ACCEPT_GRANT}) and allocating funds
 * ({@link DecisionType#ALLOCATE_FUNDS}) are governed: their effect is read from the proposal's state, so nothing
 * counts before approval and a decision taken while this module was away still counts. Allocations approved and
 * pending never exceed what was received.
 */
@Component(service = Resources.class)
public class Resources {

    static final String FUNCTION_ID = "resources";
    static final String MODULE = "function-resources";
    static final int DUE_SOON_DAYS = 30;

    static final List<SchemaMigration> MIGRATIONS = List.of(new SchemaMigration(1, "funders, grants, budget, allocations", """
            CREATE TABLE rs_funder (
              id BIGINT AUTO_INCREMENT PRIMARY KEY,
              initiative_id VARCHAR(64) NOT NULL,
              name VARCHAR(200) NOT NULL,
              sector VARCHAR(20) NOT NULL,
              contact VARCHAR(200),
              CONSTRAINT rs_funder_name UNIQUE (initiative_id, name));
            CREATE TABLE rs_grant (
              id BIGINT AUTO_INCREMENT PRIMARY KEY,
              initiative_id VARCHAR(64) NOT NULL,
              funder_id BIGINT NOT NULL REFERENCES rs_funder(id),
              title VARCHAR(300) NOT NULL,
              stage VARCHAR(20) NOT NULL,
              amount_requested DECIMAL(17, 2) NOT NULL,
              amount_awarded DECIMAL(17, 2),
              period_start DATE,
              period_end DATE,
              acceptance_proposal_id BIGINT,
              created_by VARCHAR(100) NOT NULL,
              created_at TIMESTAMP WITH TIME ZONE NOT NULL);
            CREATE TABLE rs_receipt (
              id BIGINT AUTO_INCREMENT PRIMARY KEY,
              grant_id BIGINT NOT NULL REFERENCES rs_grant(id),
              amount DECIMAL(17, 2) NOT NULL,
              received_on DATE NOT NULL,
              recorded_by VARCHAR(100) NOT NULL,
              recorded_at TIMESTAMP WITH TIME ZONE NOT NULL);
            CREATE TABLE rs_deadline (
              id BIGINT AUTO_INCREMENT PRIMARY KEY,
              grant_id BIGINT NOT NULL REFERENCES rs_grant(id),
              due_on DATE NOT NULL,
              description VARCHAR(300) NOT NULL,
              submitted_on DATE);
            CREATE TABLE rs_budget_line (
              initiative_id VARCHAR(64) NOT NULL,
              budget_year INT NOT NULL,
              category VARCHAR(100) NOT NULL,
              amount DECIMAL(17, 2) NOT NULL,
              PRIMARY KEY (initiative_id, budget_year, category));
            CREATE TABLE rs_allocation (
              id BIGINT AUTO_INCREMENT PRIMARY KEY,
              initiative_id VARCHAR(64) NOT NULL,
              grant_id BIGINT REFERENCES rs_grant(id),
              recipient_kind VARCHAR(10) NOT NULL,
              recipient VARCHAR(200) NOT NULL,
              partner_organisation VARCHAR(200),
              amount DECIMAL(17, 2) NOT NULL,
              purpose VARCHAR(1000) NOT NULL,
              proposal_id BIGINT NOT NULL,
              proposed_by VARCHAR(100) NOT NULL,
              proposed_at TIMESTAMP WITH TIME ZONE NOT NULL);
            CREATE TABLE rs_demo_loaded (
              initiative_id VARCHAR(64) PRIMARY KEY);
            """), new SchemaMigration(2, "indexes on every column the module looks rows up by", """
            CREATE INDEX rs_allocation_grant_idx ON rs_allocation(grant_id);
            CREATE INDEX rs_deadline_grant_idx ON rs_deadline(grant_id);
            CREATE INDEX rs_grant_funder_idx ON rs_grant(funder_id);
            CREATE INDEX rs_receipt_grant_idx ON rs_receipt(grant_id);
            CREATE INDEX rs_allocation_initiative_idx ON rs_allocation(initiative_id);
            CREATE INDEX rs_allocation_proposal_idx ON rs_allocation(proposal_id);
            CREATE INDEX rs_grant_acceptance_proposal_idx ON rs_grant(acceptance_proposal_id);
            CREATE INDEX rs_grant_initiative_idx ON rs_grant(initiative_id);
            """));

    private final BackboneStore store;
    private final AuditLog audit;
    private final InitiativeService initiatives;

    // optional and dynamic: aligned activities may come and go while this module runs
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ActivityCatalogue activityCatalogue;
    private final InputValidator validator;
    private final DecisionService decisions;

    @Activate
    public Resources(@Reference BackboneStore store, @Reference AuditLog audit, @Reference InitiativeService initiatives,
                     @Reference InputValidator validator, @Reference DecisionService decisions) {
        this.store = store;
        this.audit = audit;
        this.initiatives = initiatives;
        this.validator = validator;
        this.decisions = decisions;
        store.migrate(MODULE, MIGRATIONS);
    }

    BackboneStore store() {
        return store;
    }

    // ---- funders

    public List<Funder> funders(String initiativeId) {
        initiatives.requireFunction(initiativeId, FUNCTION_ID);
        return store.read(c -> {
            List<Funder> funders = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement(
                    "SELECT id, name, sector, contact FROM rs_funder WHERE initiative_id = ? ORDER BY name")) {
                p.setString(1, initiativeId);
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        funders.add(new Funder(r.getLong(1), initiativeId, r.getString(2),
                                Sector.valueOf(r.getString(3)), r.getString(4)));
                    }
                }
            }
            return funders;
        });
    }

    public Funder addFunder(String initiativeId, FunderSpec spec, String actor) {
        validator.validate(spec);
        String name = spec.name().strip();
        if (funders(initiativeId).stream().anyMatch(f -> f.name().equalsIgnoreCase(name))) {
            throw new ProblemException(Problem.conflict("Initiative '" + initiativeId + "' already has a funder named '"
                    + name + "'."));
        }
        long id = store.inTransaction(c -> {
            long created = Rows.insert(c, "INSERT INTO rs_funder (initiative_id, name, sector, contact) VALUES (?, ?, ?, ?)",
                    initiativeId, name, spec.sector().name(), spec.contact());
            audit.record(c, actor, initiativeId, MODULE, "funder.add", name);
            return created;
        });
        return new Funder(id, initiativeId, name, spec.sector(), spec.contact());
    }

    // ---- grants

    public List<Grant> grants(String initiativeId) {
        initiatives.requireFunction(initiativeId, FUNCTION_ID);
        Map<Long, Proposal> proposals = proposals(initiativeId);
        return store.read(c -> {
            List<Grant> grants = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT g.id, g.funder_id, f.name, g.title, g.stage, "
                    + "g.amount_requested, g.amount_awarded, g.period_start, g.period_end, "
                    + "(SELECT COALESCE(SUM(r.amount), 0) FROM rs_receipt r WHERE r.grant_id = g.id), "
                    + "g.acceptance_proposal_id, g.created_by, g.created_at FROM rs_grant g "
                    + "JOIN rs_funder f ON f.id = g.funder_id WHERE g.initiative_id = ? ORDER BY g.id")) {
                p.setString(1, initiativeId);
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        long proposalId = r.getLong(11);
                        Long acceptance = r.wasNull() ? null : proposalId;
                        ProposalState state = acceptance == null || !proposals.containsKey(acceptance) ? null
                                : proposals.get(acceptance).state();
                        grants.add(new Grant(r.getLong(1), initiativeId, r.getLong(2), r.getString(3), r.getString(4),
                                status(Stage.valueOf(r.getString(5)), state), r.getBigDecimal(6), r.getBigDecimal(7),
                                date(r, 8), date(r, 9), r.getBigDecimal(10), acceptance, state, r.getString(12),
                                r.getTimestamp(13).toInstant()));
                    }
                }
            }
            return grants;
        });
    }

    public Grant grant(String initiativeId, long grantId) {
        return grants(initiativeId).stream().filter(g -> g.id() == grantId).findFirst().orElseThrow(() ->
                new ProblemException(Problem.notFound("Initiative '" + initiativeId + "' has no grant " + grantId + ".")));
    }

    public Grant addGrant(String initiativeId, GrantSpec spec, String actor) {
        validator.validate(spec);
        List<Violation> violations = new ArrayList<>();
        if (funders(initiativeId).stream().noneMatch(f -> f.id() == spec.funderId())) {
            violations.add(new Violation("funderId", "initiative '" + initiativeId + "' has no funder " + spec.funderId()));
        }
        checkPeriod(spec.periodStart(), spec.periodEnd(), violations);
        refuseIfAny(violations);
        long id = store.inTransaction(c -> {
            long created = Rows.insert(c, "INSERT INTO rs_grant (initiative_id, funder_id, title, stage, amount_requested, "
                    + "period_start, period_end, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    initiativeId, spec.funderId(), spec.title().strip(), Stage.OPPORTUNITY.name(), spec.amountRequested(),
                    spec.periodStart(), spec.periodEnd(), actor, Timestamp.from(Instant.now()));
            audit.record(c, actor, initiativeId, MODULE, "grant.add", "grant " + created + " '" + spec.title().strip()
                    + "' for " + spec.amountRequested().toPlainString());
            return created;
        });
        return grant(initiativeId, id);
    }

    /** Records a submission or the funder's answer; an award needs its amount. */
    public Grant changeStage(String initiativeId, long grantId, StageSpec spec, String actor) {
        validator.validate(spec);
        Grant grant = grant(initiativeId, grantId);
        Set<GrantStatus> allowedFrom = switch (spec.stage()) {
            case OPPORTUNITY -> Set.of();
            case SUBMITTED -> Set.of(GrantStatus.OPPORTUNITY);
            case AWARDED -> Set.of(GrantStatus.OPPORTUNITY, GrantStatus.SUBMITTED);
            case DECLINED -> Set.of(GrantStatus.OPPORTUNITY, GrantStatus.SUBMITTED, GrantStatus.AWARDED,
                    GrantStatus.NOT_ACCEPTED);
        };
        if (!allowedFrom.contains(grant.status())) {
            throw new ProblemException(Problem.conflict("Grant " + grantId + " is " + grant.status()
                    + "; it cannot move to " + spec.stage() + "."));
        }
        List<Violation> violations = new ArrayList<>();
        if (spec.stage() == Stage.AWARDED && spec.amountAwarded() == null) {
            violations.add(new Violation("amountAwarded", "an award needs its amount"));
        }
        LocalDate start = spec.periodStart() != null ? spec.periodStart() : grant.periodStart();
        LocalDate end = spec.periodEnd() != null ? spec.periodEnd() : grant.periodEnd();
        checkPeriod(start, end, violations);
        refuseIfAny(violations);
        store.inTransaction(c -> {
            Rows.update(c, "UPDATE rs_grant SET stage = ?, amount_awarded = COALESCE(?, amount_awarded), "
                    + "period_start = ?, period_end = ? WHERE id = ?", spec.stage().name(), spec.amountAwarded(), start,
                    end, grantId);
            audit.record(c, actor, initiativeId, MODULE, "grant.stage", "grant " + grantId + " " + spec.stage()
                    + (spec.amountAwarded() == null ? "" : " " + spec.amountAwarded().toPlainString()));
            return null;
        });
        return grant(initiativeId, grantId);
    }

    /** Puts the acceptance of an awarded grant to the initiative's bodies. */
    public Grant proposeAcceptance(String initiativeId, long grantId, AcceptanceSpec spec, String actor) {
        if (spec != null) {
            validator.validate(spec);
        }
        Grant grant = grant(initiativeId, grantId);
        if (grant.status() != GrantStatus.AWARDED && grant.status() != GrantStatus.NOT_ACCEPTED) {
            throw new ProblemException(Problem.conflict("Grant " + grantId + " is " + grant.status()
                    + "; only an awarded grant can be put to acceptance."));
        }
        Proposal proposal = decisions.propose(initiativeId, new ProposalSpec(DecisionType.ACCEPT_GRANT,
                "Accept " + grant.amountAwarded().toPlainString() + " from " + grant.funder() + " for '" + grant.title() + "'",
                spec == null ? null : spec.reason(), null, spec == null ? null : spec.expiresInDays()), MODULE, actor);
        store.inTransaction(c -> {
            Rows.update(c, "UPDATE rs_grant SET acceptance_proposal_id = ? WHERE id = ?", proposal.id(), grantId);
            audit.record(c, actor, initiativeId, MODULE, "grant.acceptance", "grant " + grantId
                    + " put to acceptance in proposal " + proposal.id());
            return null;
        });
        return grant(initiativeId, grantId);
    }

    /**
     * Locks the initiative's grants (one, or all when {@code grantId} is null) until the transaction ends and answers
     * their awards. Receipts and allocations take these locks first, so the checks that keep money within what was
     * awarded and received see every earlier write and none can slip in between check and write.
     */
    private static Map<Long, BigDecimal> lockGrants(Connection c, String initiativeId, Long grantId) throws SQLException {
        Map<Long, BigDecimal> awards = new java.util.HashMap<>();
        try (PreparedStatement p = c.prepareStatement("SELECT id, amount_awarded FROM rs_grant WHERE initiative_id = ?"
                + (grantId == null ? "" : " AND id = ?") + " FOR UPDATE")) {
            p.setString(1, initiativeId);
            if (grantId != null) {
                p.setLong(2, grantId);
            }
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    BigDecimal awarded = r.getBigDecimal("amount_awarded");
                    awards.put(r.getLong("id"), awarded == null ? BigDecimal.ZERO : awarded);
                }
            }
        }
        if (grantId != null && !awards.containsKey(grantId)) {
            throw new ProblemException(Problem.notFound("Initiative '" + initiativeId + "' has no grant " + grantId + "."));
        }
        return awards;
    }

    private static BigDecimal receivedOn(Connection c, long grantId) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT COALESCE(SUM(amount), 0) FROM rs_receipt WHERE grant_id = ?")) {
            p.setLong(1, grantId);
            try (ResultSet r = p.executeQuery()) {
                r.next();
                return r.getBigDecimal(1);
            }
        }
    }

    /** Money received against an active grant, never more than awarded. */
    public Receipt recordReceipt(String initiativeId, long grantId, ReceiptSpec spec, String actor) {
        validator.validate(spec);
        Grant grant = grant(initiativeId, grantId);
        if (grant.status() != GrantStatus.ACTIVE) {
            throw new ProblemException(Problem.conflict("Grant " + grantId + " is " + grant.status()
                    + "; money is received only against an accepted grant."));
        }
        long id = store.inTransaction(c -> {
            // the grant's row is locked until commit: parallel receipts take turns, each sees the ones before it
            BigDecimal awarded = lockGrants(c, initiativeId, grantId).get(grantId);
            BigDecimal received = receivedOn(c, grantId);
            if (received.add(spec.amount()).compareTo(awarded) > 0) {
                throw new ProblemException(Problem.invalid("More than the award would be received.", List.of(
                        new Violation("amount", "received so far " + received.toPlainString() + " of "
                                + awarded.toPlainString() + "; at most " + awarded.subtract(received).toPlainString()
                                + " more"))));
            }
            long created = Rows.insert(c, "INSERT INTO rs_receipt (grant_id, amount, received_on, recorded_by, recorded_at) "
                    + "VALUES (?, ?, ?, ?, ?)", grantId, spec.amount(), spec.receivedOn(), actor, Timestamp.from(Instant.now()));
            audit.record(c, actor, initiativeId, MODULE, "grant.receipt", spec.amount().toPlainString()
                    + " received on grant " + grantId);
            return created;
        });
        return new Receipt(id, grantId, spec.amount(), spec.receivedOn(), actor);
    }

    // ---- deadlines

    public List<Deadline> deadlines(String initiativeId) {
        initiatives.requireFunction(initiativeId, FUNCTION_ID);
        LocalDate today = LocalDate.now();
        return store.read(c -> {
            List<Deadline> deadlines = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT d.id, d.grant_id, g.title, f.name, d.due_on, "
                    + "d.description, d.submitted_on FROM rs_deadline d JOIN rs_grant g ON g.id = d.grant_id "
                    + "JOIN rs_funder f ON f.id = g.funder_id WHERE g.initiative_id = ? ORDER BY d.due_on, d.id")) {
                p.setString(1, initiativeId);
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        LocalDate due = date(r, 5);
                        LocalDate submitted = date(r, 7);
                        deadlines.add(new Deadline(r.getLong(1), r.getLong(2), r.getString(3), r.getString(4), due,
                                r.getString(6), submitted, deadlineState(due, submitted, today)));
                    }
                }
            }
            return deadlines;
        });
    }

    public Deadline addDeadline(String initiativeId, long grantId, DeadlineSpec spec, String actor) {
        validator.validate(spec);
        grant(initiativeId, grantId);
        long id = store.inTransaction(c -> {
            long created = Rows.insert(c, "INSERT INTO rs_deadline (grant_id, due_on, description) VALUES (?, ?, ?)",
                    grantId, spec.dueOn(), spec.description().strip());
            audit.record(c, actor, initiativeId, MODULE, "deadline.add", "report due " + spec.dueOn() + " on grant " + grantId);
            return created;
        });
        return deadlines(initiativeId).stream().filter(d -> d.id() == id).findFirst().orElseThrow();
    }

    public Deadline markSubmitted(String initiativeId, long grantId, long deadlineId, String actor) {
        Deadline deadline = deadlines(initiativeId).stream().filter(d -> d.id() == deadlineId && d.grantId() == grantId)
                .findFirst().orElseThrow(() -> new ProblemException(Problem.notFound("Grant " + grantId
                        + " has no reporting deadline " + deadlineId + ".")));
        if (deadline.submittedOn() != null) {
            throw new ProblemException(Problem.conflict("The report was already submitted on " + deadline.submittedOn() + "."));
        }
        store.inTransaction(c -> {
            Rows.update(c, "UPDATE rs_deadline SET submitted_on = ? WHERE id = ?", LocalDate.now(), deadlineId);
            audit.record(c, actor, initiativeId, MODULE, "deadline.submitted", "report " + deadlineId + " on grant " + grantId);
            return null;
        });
        return deadlines(initiativeId).stream().filter(d -> d.id() == deadlineId).findFirst().orElseThrow();
    }

    /** SUBMITTED, OVERDUE, DUE_SOON (within 30 days) or UPCOMING. */
    static String deadlineState(LocalDate due, LocalDate submitted, LocalDate today) {
        if (submitted != null) {
            return "SUBMITTED";
        }
        if (due.isBefore(today)) {
            return "OVERDUE";
        }
        return due.isAfter(today.plusDays(DUE_SOON_DAYS)) ? "UPCOMING" : "DUE_SOON";
    }

    // ---- budget

    public Budget budget(String initiativeId, int year) {
        initiatives.requireFunction(initiativeId, FUNCTION_ID);
        List<BudgetLine> lines = store.read(c -> {
            List<BudgetLine> found = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT category, amount FROM rs_budget_line "
                    + "WHERE initiative_id = ? AND budget_year = ? ORDER BY category")) {
                p.setString(1, initiativeId);
                p.setInt(2, year);
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        found.add(new BudgetLine(r.getString(1), r.getBigDecimal(2)));
                    }
                }
            }
            return found;
        });
        return new Budget(initiativeId, year, lines, lines.stream().map(BudgetLine::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    public Budget setBudget(String initiativeId, int year, BudgetSpec spec, String actor) {
        validator.validate(spec);
        List<Violation> violations = new ArrayList<>();
        if (year < 2000 || year > 2100) {
            violations.add(new Violation("year", "must be between 2000 and 2100"));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < spec.lines().size(); i++) {
            if (!seen.add(spec.lines().get(i).category().strip().toLowerCase())) {
                violations.add(new Violation("lines[" + i + "].category", "'" + spec.lines().get(i).category()
                        + "' appears twice"));
            }
        }
        refuseIfAny(violations);
        initiatives.requireFunction(initiativeId, FUNCTION_ID);
        store.inTransaction(c -> {
            Rows.update(c, "DELETE FROM rs_budget_line WHERE initiative_id = ? AND budget_year = ?", initiativeId, year);
            for (BudgetLine line : spec.lines()) {
                Rows.update(c, "INSERT INTO rs_budget_line (initiative_id, budget_year, category, amount) VALUES (?, ?, ?, ?)",
                        initiativeId, year, line.category().strip(), line.amount());
            }
            audit.record(c, actor, initiativeId, MODULE, "budget.set", "budget " + year + " with "
                    + spec.lines().size() + " lines");
            return null;
        });
        return budget(initiativeId, year);
    }

    // ---- allocations

    public List<Allocation> allocations(String initiativeId) {
        initiatives.requireFunction(initiativeId, FUNCTION_ID);
        Map<Long, Proposal> proposals = proposals(initiativeId);
        return store.read(c -> {
            List<Allocation> allocations = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT id, grant_id, recipient_kind, recipient, "
                    + "partner_organisation, amount, purpose, proposal_id, proposed_by, proposed_at FROM rs_allocation "
                    + "WHERE initiative_id = ? ORDER BY id")) {
                p.setString(1, initiativeId);
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        long grantId = r.getLong(2);
                        Long grant = r.wasNull() ? null : grantId;
                        Proposal proposal = proposals.get(r.getLong(8));
                        allocations.add(new Allocation(r.getLong(1), initiativeId, grant,
                                RecipientKind.valueOf(r.getString(3)), r.getString(4), r.getString(5), r.getBigDecimal(6),
                                r.getString(7), r.getLong(8), proposal == null ? ProposalState.OPEN : proposal.state(),
                                r.getString(9), r.getTimestamp(10).toInstant()));
                    }
                }
            }
            return allocations;
        });
    }

    /**
     * Proposes an allocation to a beneficiary organisation (the partner, or the organisation that owns the activity),
     * whose members then cannot approve it. Refused when it would take the approved and pending allocations past what
     * was received (in total, and from the named grant). The check runs in the transaction that opens the proposal and
     * records the allocation, with the initiative's grants locked, so parallel proposals take turns.
     */
    public Allocation proposeAllocation(String initiativeId, AllocationSpec spec, String actor) {
        validator.validate(spec);
        String beneficiary = spec.recipientKind() == RecipientKind.PARTNER ? spec.recipient().strip()
                : activityOwner(initiativeId, spec);
        Proposal proposalMade = decisions.propose(initiativeId, new ProposalSpec(DecisionType.ALLOCATE_FUNDS,
                "Allocate " + spec.amount().toPlainString() + " to " + spec.recipient().strip(), spec.purpose(),
                beneficiary, spec.expiresInDays()), MODULE, actor, (c, proposal) -> {
                    lockGrants(c, initiativeId, null);
                    refuseIfAny(overCommitted(initiativeId, spec));
                    Rows.insert(c, "INSERT INTO rs_allocation (initiative_id, grant_id, recipient_kind, recipient, "
                            + "partner_organisation, amount, purpose, proposal_id, proposed_by, proposed_at) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", initiativeId, spec.grantId(),
                            spec.recipientKind().name(), spec.recipient().strip(), beneficiary, spec.amount(),
                            spec.purpose().strip(), proposal.id(), actor, Timestamp.from(Instant.now()));
                    audit.record(c, actor, initiativeId, MODULE, "allocation.propose", spec.amount().toPlainString()
                            + " to " + spec.recipient().strip() + " in proposal " + proposal.id());
                    return proposal;
                });
        return allocations(initiativeId).stream().filter(a -> a.proposalId() == proposalMade.id()).findFirst()
                .orElseThrow();
    }

    /**
     * The organisation that runs the activity an allocation goes to: it benefits, so its members may not approve it.
     * The activity must exist (aligned activities must be installed to tell); a named partner organisation must be
     * its owner.
     */
    private String activityOwner(String initiativeId, AllocationSpec spec) {
        ActivityCatalogue catalogue = activityCatalogue;
        if (catalogue == null) {
            throw new ProblemException(Problem.conflict("Money goes to an activity only when the activity can be "
                    + "checked: the module 'function-aligned-activities' is not installed."));
        }
        ActivityRef activity = catalogue.activity(initiativeId, spec.recipient()).orElseThrow(() ->
                ProblemException.invalid("recipient", "initiative '" + initiativeId + "' has no activity '"
                        + spec.recipient().strip() + "'"));
        if (spec.partnerOrganisation() != null && !spec.partnerOrganisation().isBlank()
                && !OrganisationName.same(spec.partnerOrganisation(), activity.ownerOrganisation())) {
            throw ProblemException.invalid("partnerOrganisation", "the activity '" + activity.title() + "' is run by '"
                    + activity.ownerOrganisation() + "'");
        }
        return activity.ownerOrganisation();
    }

    /**
     * What keeps the allocation within the money received. Read after the grants are locked: every write that could
     * raise the commitments takes the same locks first, so what is read here is what the commit will stand on.
     */
    private List<Violation> overCommitted(String initiativeId, AllocationSpec spec) {
        List<Grant> grants = grants(initiativeId);
        List<Allocation> existing = allocations(initiativeId);
        List<Violation> violations = new ArrayList<>();
        if (spec.grantId() != null) {
            Grant grant = grants.stream().filter(g -> g.id() == spec.grantId()).findFirst().orElse(null);
            if (grant == null || grant.status() != GrantStatus.ACTIVE) {
                violations.add(new Violation("grantId", grant == null ? "initiative '" + initiativeId
                        + "' has no grant " + spec.grantId() : "grant " + spec.grantId() + " is " + grant.status()
                        + ", not an accepted grant"));
            } else {
                BigDecimal committed = committed(existing.stream().filter(a -> spec.grantId().equals(a.grantId())).toList());
                BigDecimal left = grant.received().subtract(committed);
                if (spec.amount().compareTo(left) > 0) {
                    violations.add(new Violation("amount", "grant " + grant.id() + " has received "
                            + grant.received().toPlainString() + " of which " + committed.toPlainString()
                            + " is allocated or pending; at most " + left.max(BigDecimal.ZERO).toPlainString() + " is left"));
                }
            }
        }
        Totals totals = totals(grants, existing);
        if (spec.amount().compareTo(totals.available()) > 0) {
            violations.add(new Violation("amount", "received " + totals.received().toPlainString() + ", allocated "
                    + totals.allocated().toPlainString() + ", pending " + totals.pending().toPlainString()
                    + "; at most " + totals.available().max(BigDecimal.ZERO).toPlainString() + " is available"));
        }
        return violations;
    }

    // ---- overview and exports

    public Overview overview(String initiativeId) {
        List<Grant> grants = grants(initiativeId);
        List<Allocation> allocations = allocations(initiativeId);
        List<Deadline> deadlines = deadlines(initiativeId);
        Budget budget = budget(initiativeId, LocalDate.now().getYear());
        int funders = funders(initiativeId).size();
        return overview(initiativeId, funders, grants, allocations, deadlines, budget);
    }

    static Overview overview(String initiativeId, int funders, List<Grant> grants, List<Allocation> allocations,
                             List<Deadline> deadlines, Budget budget) {
        Map<GrantStatus, Long> byStatus = new EnumMap<>(GrantStatus.class);
        grants.forEach(g -> byStatus.merge(g.status(), 1L, Long::sum));
        Totals totals = totals(grants, allocations);
        List<Deadline> upcoming = deadlines.stream().filter(d -> d.state().equals("DUE_SOON")).toList();
        List<Deadline> overdue = deadlines.stream().filter(d -> d.state().equals("OVERDUE")).toList();
        List<String> attention = new ArrayList<>();
        overdue.forEach(d -> attention.add("report overdue since " + d.dueOn() + ": " + d.description() + " ("
                + d.funder() + ")"));
        upcoming.forEach(d -> attention.add("report due " + d.dueOn() + ": " + d.description() + " (" + d.funder() + ")"));
        grants.stream().filter(g -> g.status() == GrantStatus.AWARDED).forEach(g -> attention.add("award of "
                + g.amountAwarded().toPlainString() + " from " + g.funder() + " awaits a decision to accept it"));
        long pending = allocations.stream().filter(a -> a.state() == ProposalState.OPEN).count();
        if (pending > 0) {
            attention.add(pending + " allocation" + (pending == 1 ? "" : "s") + " awaiting approval");
        }
        if (budget.total().compareTo(totals.awarded()) > 0) {
            attention.add("the " + budget.year() + " budget (" + budget.total().toPlainString()
                    + ") is more than the grants accepted (" + totals.awarded().toPlainString() + ")");
        }
        return new Overview(initiativeId, funders, byStatus, totals, budget.total(), upcoming, overdue, attention);
    }

    static Totals totals(List<Grant> grants, List<Allocation> allocations) {
        BigDecimal awarded = grants.stream().filter(g -> g.status() == GrantStatus.ACTIVE).map(Grant::amountAwarded)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal received = grants.stream().map(Grant::received).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal allocated = sum(allocations, ProposalState.APPROVED);
        BigDecimal pending = sum(allocations, ProposalState.OPEN);
        return new Totals(awarded, received, allocated, pending, received.subtract(allocated).subtract(pending));
    }

    private static BigDecimal committed(List<Allocation> allocations) {
        return sum(allocations, ProposalState.APPROVED).add(sum(allocations, ProposalState.OPEN));
    }

    private static BigDecimal sum(List<Allocation> allocations, ProposalState state) {
        return allocations.stream().filter(a -> a.state() == state).map(Allocation::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public String exportGrants(String initiativeId) {
        CsvTable csv = new CsvTable(List.of("id", "funder", "title", "status", "amount_requested", "amount_awarded",
                "received", "period_start", "period_end", "acceptance_proposal"));
        for (Grant g : grants(initiativeId)) {
            csv.row(g.id(), g.funder(), g.title(), g.status(), g.amountRequested(), g.amountAwarded(), g.received(),
                    g.periodStart(), g.periodEnd(), g.acceptanceProposalId());
        }
        return csv.toString();
    }

    public String exportDeadlines(String initiativeId) {
        CsvTable csv = new CsvTable(List.of("id", "grant", "grant_title", "funder", "due_on", "description", "state",
                "submitted_on"));
        for (Deadline d : deadlines(initiativeId)) {
            csv.row(d.id(), d.grantId(), d.grant(), d.funder(), d.dueOn(), d.description(), d.state(), d.submittedOn());
        }
        return csv.toString();
    }

    public String exportFunders(String initiativeId) {
        CsvTable csv = new CsvTable(List.of("id", "name", "sector", "contact"));
        for (Funder f : funders(initiativeId)) {
            csv.row(f.id(), f.name(), f.sector(), f.contact());
        }
        return csv.toString();
    }

    public String exportAllocations(String initiativeId) {
        CsvTable csv = new CsvTable(List.of("id", "grant", "recipient_kind", "recipient", "partner_organisation",
                "amount", "purpose", "proposal", "state", "proposed_by", "proposed_at"));
        for (Allocation a : allocations(initiativeId)) {
            csv.row(a.id(), a.grantId(), a.recipientKind(), a.recipient(), a.partnerOrganisation(), a.amount(),
                    a.purpose(), a.proposalId(), a.state(), a.proposedBy(), a.proposedAt());
        }
        return csv.toString();
    }

    static GrantStatus status(Stage stage, ProposalState acceptance) {
        if (stage != Stage.AWARDED || acceptance == null) {
            return GrantStatus.valueOf(stage.name());
        }
        return switch (acceptance) {
            case OPEN -> GrantStatus.ACCEPTING;
            case APPROVED -> GrantStatus.ACTIVE;
            default -> GrantStatus.NOT_ACCEPTED;
        };
    }

    private Map<Long, Proposal> proposals(String initiativeId) {
        return decisions.proposals(initiativeId).stream().collect(Collectors.toMap(Proposal::id, Function.identity()));
    }

    private static void checkPeriod(LocalDate start, LocalDate end, List<Violation> violations) {
        if (start != null && end != null && end.isBefore(start)) {
            violations.add(new Violation("periodEnd", "ends before the period starts (" + start + ")"));
        }
    }

    private static void refuseIfAny(List<Violation> violations) {
        if (!violations.isEmpty()) {
            throw new ProblemException(Problem.invalid("The request cannot be carried out as sent.", violations));
        }
    }

    private static LocalDate date(ResultSet r, int column) throws SQLException {
        java.sql.Date d = r.getDate(column);
        return d == null ? null : d.toLocalDate();
    }
}
