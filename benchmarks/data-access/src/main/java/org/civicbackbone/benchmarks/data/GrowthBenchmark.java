package org.civicbackbone.benchmarks.data;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.civicbackbone.api.decision.Proposal;
import org.civicbackbone.api.decision.Vote;
import org.civicbackbone.core.internal.JdbcAuditLog;
import org.civicbackbone.core.internal.JdbcInitiativeService;
import org.civicbackbone.core.internal.JdbcOrganisationRegistry;
import org.civicbackbone.core.internal.JdbcPersonRegistry;
import org.civicbackbone.core.internal.LiveModuleCatalogue;
import org.civicbackbone.core.internal.governance.JdbcDecisionService;
import org.civicbackbone.store.internal.JdbcBackboneStore;
import org.h2.jdbcx.JdbcDataSource;

/**
 * How the cost of the platform's list reads grows with the data they return (issue 11): {@code GET /initiatives} at
 * 10, 100 and 1,000 initiatives, and the decision log ({@code GET .../governance/decision-log}: every proposal with
 * its steps and votes) at 1,000 and 10,000 proposals, on H2 in memory. Each figure is the median of many reads after
 * a warm-up (on H2 in memory pooled by HikariCP, as the distribution pools its data source), printed with its cost
 * per row returned: a read that grows linearly keeps that cost flat. The decision
 * log is also read as it was before this issue (the proposals, then each proposal's votes on its own: 1 + 3N
 * queries), the anchor its single read of all votes replaced.
 */
public final class GrowthBenchmark {

    private GrowthBenchmark() {
    }

    public static void main(String[] args) throws SQLException {
        System.out.println("read                           rows   median µs   µs per row");
        for (int initiatives : new int[] {10, 100, 1_000}) {
            JdbcBackboneStore store = new JdbcBackboneStore(inMemoryH2());
            JdbcAuditLog audit = new JdbcAuditLog(store);
            JdbcInitiativeService service = new JdbcInitiativeService(store, audit, new LiveModuleCatalogue(),
                    new JdbcOrganisationRegistry(store, audit), new JdbcPersonRegistry(store, audit));
            insertInitiatives(store, initiatives);
            print("GET /initiatives", initiatives, median(() -> service.list().size(), initiatives, 20_000));
        }
        for (int proposals : new int[] {1_000, 10_000}) {
            JdbcBackboneStore store = new JdbcBackboneStore(inMemoryH2());
            JdbcAuditLog audit = new JdbcAuditLog(store);
            JdbcOrganisationRegistry organisations = new JdbcOrganisationRegistry(store, audit);
            LiveModuleCatalogue catalogue = new LiveModuleCatalogue();
            JdbcInitiativeService initiatives = new JdbcInitiativeService(store, audit, catalogue, organisations,
                    new JdbcPersonRegistry(store, audit));
            JdbcDecisionService decisions = new JdbcDecisionService(store, audit, initiatives, catalogue, organisations);
            insertInitiatives(store, 1);
            insertProposals(store, "i0", proposals);
            print("decision log", proposals, median(() -> {
                List<Proposal> all = decisions.proposals("i0");
                Map<Long, List<Vote>> votes = decisions.votesByProposal("i0");
                return all.size() + votes.size();
            }, proposals, 500_000));
            print("  anchor: as it was, 1 + 3N", proposals, median(() -> decisions.proposals("i0").stream()
                    .mapToInt(p -> decisions.votes("i0", p.id()).size()).sum(), proposals, 50_000));
        }
    }

    private static void print(String read, int rows, double micros) {
        System.out.printf("%-28s %7d %11.0f %12.2f%n", read, rows, micros, micros / rows);
    }

    /** The median time of a read in µs, after a warm-up; about {@code rowBudget} rows are read in all. */
    private static double median(Supplier<Integer> read, int rows, int rowBudget) {
        int runs = Math.max(5, Math.min(400, rowBudget / rows));
        for (int i = 0; i < runs; i++) {
            read.get();
        }
        long[] times = new long[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            if (read.get() <= 0) {
                throw new IllegalStateException("nothing read");
            }
            times[i] = System.nanoTime() - start;
        }
        Arrays.sort(times);
        return times[runs / 2] / 1_000.0;
    }

    /** H2 in memory, pooled as the distribution pools its data source (HikariCP). */
    private static javax.sql.DataSource inMemoryH2() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:growth" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        com.zaxxer.hikari.HikariDataSource pool = new com.zaxxer.hikari.HikariDataSource();
        pool.setDataSource(ds);
        pool.setMaximumPoolSize(4);
        return pool;
    }

    private static void insertInitiatives(JdbcBackboneStore store, int count) {
        store.inTransaction(c -> {
            try (PreparedStatement initiative = c.prepareStatement("INSERT INTO core_initiative (id, name, "
                    + "problem_statement, vision, structure_model_id, demo, created_at, updated_at) VALUES (?, ?, 'p', "
                    + "'v', 'nested', FALSE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
                 PreparedStatement function = c.prepareStatement("INSERT INTO core_initiative_function VALUES (?, ?)")) {
                for (int i = 0; i < count; i++) {
                    initiative.setString(1, "i" + i);
                    initiative.setString(2, "Initiative " + i);
                    initiative.addBatch();
                    for (String f : List.of("policy", "resources", "shared-measurement")) {
                        function.setString(1, "i" + i);
                        function.setString(2, f);
                        function.addBatch();
                    }
                }
                initiative.executeBatch();
                function.executeBatch();
            }
            return null;
        });
    }

    /** Decided proposals, each with one step and two votes, as a busy initiative's log holds them. */
    private static void insertProposals(JdbcBackboneStore store, String initiativeId, int count) {
        store.inTransaction(c -> {
            insertProposalRows(c, initiativeId, count);
            return null;
        });
    }

    private static void insertProposalRows(Connection c, String initiativeId, int count) throws SQLException {
        try (PreparedStatement proposal = c.prepareStatement("INSERT INTO gov_proposal (id, initiative_id, type, "
                + "title, module, model_id, proposed_by, state, created_at, expires_at, decided_at) VALUES (?, ?, "
                + "'ACCEPT_GRANT', ?, 'core', 'nested', 'ann', 'APPROVED', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, "
                + "CURRENT_TIMESTAMP)");
             PreparedStatement step = c.prepareStatement("INSERT INTO gov_step (proposal_id, step_index, body_type, "
                     + "rule, state) VALUES (?, 0, 'steering-committee', 'MAJORITY', 'APPROVED')");
             PreparedStatement vote = c.prepareStatement("INSERT INTO gov_vote (proposal_id, step_index, voter, "
                     + "organisation, choice, reason, cast_at) VALUES (?, 0, ?, 'Library', 'APPROVE', '', "
                     + "CURRENT_TIMESTAMP)")) {
            for (long id = 1; id <= count; id++) {
                proposal.setLong(1, id);
                proposal.setString(2, initiativeId);
                proposal.setString(3, "Grant " + id);
                proposal.addBatch();
                step.setLong(1, id);
                step.addBatch();
                for (String voter : List.of("ann", "ben")) {
                    vote.setLong(1, id);
                    vote.setString(2, voter);
                    vote.addBatch();
                }
            }
            proposal.executeBatch();
            step.executeBatch();
            vote.executeBatch();
        }
    }
}
