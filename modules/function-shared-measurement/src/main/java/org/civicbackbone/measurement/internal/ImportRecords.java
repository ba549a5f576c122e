package org.civicbackbone.measurement.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Flush;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.ResultType;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;
import org.apache.ibatis.executor.BatchResult;
import org.apache.ibatis.session.ResultHandler;
import org.civicbackbone.api.problem.Problem;
import org.civicbackbone.api.problem.ProblemException;
import org.civicbackbone.api.problem.Violation;
import org.civicbackbone.api.store.GeneratedKey;

/**
 * Imports through a mapper (ADR 0009): the jobs and their faults, and the values an import writes, used as a batch
 * mapper ({@code BackboneStore.batchMapper}) so rows go to the database a thousand at a time.
 */
public interface ImportRecords {

    /** A slot of a value: which indicator, period, partner (as registered) and category. */
    record Slot(long indicatorId, String period, String partner, String dimension, String category) {

        /** The slot as one number ({@link SlotSet}), exactly as the database compares it. */
        long number() {
            long h = SlotSet.mix(0x9E3779B97F4A7C15L, indicatorId);
            h = SlotSet.text(h, period);
            h = SlotSet.text(h, partner);
            h = SlotSet.text(h, dimension);
            return SlotSet.text(h, category);
        }
    }

    /** A job's own row. */
    record JobRow(long id, String initiativeId, ImportJob.State state, long bytes, long bytesRead, int rowsRead,
                  int rowsChecked, int rowsStored, int faults, String message, String createdBy, Instant createdAt,
                  Instant finishedAt) {

        /** The job as its row says: while it runs, its counts as its node last wrote them ({@link #shown}). */
        ImportJob job(List<Violation> violations) {
            long read = state == ImportJob.State.DONE || state == ImportJob.State.REFUSED ? bytes : bytesRead;
            return new ImportJob(id, initiativeId, state, bytes, read, rowsRead, rowsChecked, rowsStored, faults,
                    violations, message, createdBy, createdAt, finishedAt);
        }
    }

    String JOB = "SELECT id, initiative_id, state, bytes, bytes_read, rows_read, rows_checked, rows_stored, faults, "
            + "message, created_by, created_at, finished_at FROM sm_import ";

    @Insert("INSERT INTO sm_import (initiative_id, state, bytes, rows_read, rows_checked, rows_stored, faults, created_by, "
            + "created_at, charset, any_partner) VALUES (#{initiativeId}, 'RECEIVING', #{bytes}, 0, 0, 0, 0, #{by}, #{at}, "
            + "#{charset}, #{anyPartner})")
    @Options(useGeneratedKeys = true, keyProperty = "key.id", keyColumn = "id")
    void insertJob(@Param("key") GeneratedKey key, @Param("initiativeId") String initiativeId, @Param("bytes") long bytes,
                   @Param("by") String by, @Param("at") Instant at, @Param("charset") String charset,
                   @Param("anyPartner") boolean anyPartner);

    /**
     * A job that has not ended, with what it needs to run again (its uploader, charset, scope and upload) and who
     * runs it: the node holding its lease and when that node last said it was alive.
     */
    record Unfinished(long id, String initiativeId, ImportJob.State state, String createdBy, String charset,
                      boolean anyPartner, int attempts, int chunks, String runner, Instant heartbeatAt) {
    }

    @Select("SELECT i.id, i.initiative_id, i.state, i.created_by, i.charset, i.any_partner, i.attempts, "
            + "(SELECT COUNT(*) FROM sm_import_chunk c WHERE c.import_id = i.id) AS chunks, i.runner, i.heartbeat_at "
            + "FROM sm_import i "
            + "WHERE i.state IN ('RECEIVING', 'QUEUED', 'CHECKING', 'STORING') ORDER BY i.id")
    List<Unfinished> unfinished();

    /**
     * Takes a job's lease: free, this node's own (from before a restart), or left to lapse by a node gone quiet; never
     * once the job has ended, which it may have done since the list of unfinished jobs was read.
     */
    @Update("UPDATE sm_import SET runner = #{runner}, heartbeat_at = #{at} WHERE id = #{id} "
            + "AND state IN ('RECEIVING', 'QUEUED', 'CHECKING', 'STORING') "
            + "AND (runner IS NULL OR runner = #{runner} OR heartbeat_at IS NULL OR heartbeat_at < #{staleBefore})")
    int claim(@Param("id") long id, @Param("runner") String runner, @Param("at") Instant at,
              @Param("staleBefore") Instant staleBefore);

    /** Keeps the leases of a node's unfinished jobs alive. */
    @Update("UPDATE sm_import SET heartbeat_at = #{at} WHERE runner = #{runner} "
            + "AND state IN ('RECEIVING', 'QUEUED', 'CHECKING', 'STORING')")
    int heartbeat(@Param("runner") String runner, @Param("at") Instant at);

    /** 1 while the job's lease is still this node's (and renews it), 0 once another node has taken it over. */
    @Update("UPDATE sm_import SET heartbeat_at = #{at} WHERE id = #{id} AND runner = #{runner}")
    int stillMine(@Param("id") long id, @Param("runner") String runner, @Param("at") Instant at);

    @Update("UPDATE sm_import SET state = 'QUEUED' WHERE id = #{id} AND state = 'RECEIVING'")
    int accepted(long id);

    @Update("UPDATE sm_import SET state = 'QUEUED', bytes_read = 0, rows_read = 0, rows_checked = 0, rows_stored = 0, "
            + "message = #{message} WHERE id = #{id}")
    int requeue(@Param("id") long id, @Param("message") String message);

    @Update("UPDATE sm_import SET state = 'CHECKING', attempts = attempts + 1 WHERE id = #{id}")
    int started(long id);

    @Insert("INSERT INTO sm_import_chunk (import_id, position, content) VALUES (#{id}, #{position}, #{content})")
    void insertChunk(@Param("id") long id, @Param("position") int position, @Param("content") byte[] content);

    /** A piece of a kept upload (a record: MyBatis reads an array result as many rows). */
    record Chunk(byte[] content) {
    }

    @Select("SELECT content FROM sm_import_chunk WHERE import_id = #{id} AND position = #{position}")
    Chunk chunk(@Param("id") long id, @Param("position") int position);

    @Delete("DELETE FROM sm_import_chunk WHERE import_id = #{id}")
    int deleteChunks(long id);

    /** One organisation a job's uploader may report for: by name, or by its id in the registry. */
    record ScopeRow(Long organisationId, String organisation) {
    }

    @Insert("INSERT INTO sm_import_scope (import_id, organisation_id, organisation) "
            + "VALUES (#{id}, #{organisationId}, #{organisation})")
    void insertScope(@Param("id") long id, @Param("organisationId") Long organisationId,
                     @Param("organisation") String organisation);

    @Select("SELECT organisation_id, organisation FROM sm_import_scope WHERE import_id = #{id}")
    List<ScopeRow> scope(long id);

    @Select(JOB + "WHERE initiative_id = #{initiativeId} AND id = #{id}")
    JobRow job(@Param("initiativeId") String initiativeId, @Param("id") long id);

    @Select(JOB + "WHERE initiative_id = #{initiativeId} ORDER BY id DESC LIMIT 50")
    List<JobRow> recentJobs(String initiativeId);

    @Update("UPDATE sm_import SET state = #{state}, rows_read = #{read}, rows_checked = #{checked}, "
            + "rows_stored = #{stored} WHERE id = #{id}")
    int progress(@Param("id") long id, @Param("state") ImportJob.State state, @Param("read") int read,
                 @Param("checked") int checked, @Param("stored") int stored);

    /**
     * Shows a running job's state and counts to every node: written by the node that runs it (its {@code runner}),
     * only while the job checks or stores; 0 once it ended or was taken over.
     */
    @Update("UPDATE sm_import SET state = #{state}, bytes_read = #{bytesRead}, rows_read = #{read}, "
            + "rows_checked = #{checked}, rows_stored = #{stored} WHERE id = #{id} AND runner = #{runner} "
            + "AND finished_at IS NULL AND state IN ('CHECKING', 'STORING')")
    int shown(@Param("id") long id, @Param("runner") String runner, @Param("state") ImportJob.State state,
              @Param("bytesRead") long bytesRead, @Param("read") int read, @Param("checked") int checked,
              @Param("stored") int stored);

    @Update("UPDATE sm_import SET state = #{state}, faults = #{faults}, message = #{message}, finished_at = #{at} "
            + "WHERE id = #{id}")
    int finish(@Param("id") long id, @Param("state") ImportJob.State state, @Param("faults") int faults,
               @Param("message") String message, @Param("at") Instant at);

    @Update("UPDATE sm_import SET state = 'FAILED', message = #{message}, finished_at = #{at} WHERE id = #{id}")
    int fail(@Param("id") long id, @Param("message") String message, @Param("at") Instant at);

    @Insert("INSERT INTO sm_import_fault (import_id, position, place, reason) VALUES (#{id}, #{position}, "
            + "#{violation.field}, #{violation.message})")
    void insertFault(@Param("id") long id, @Param("position") int position, @Param("violation") Violation violation);

    @Select("SELECT place AS field, reason AS message FROM sm_import_fault WHERE import_id = #{id} ORDER BY position")
    List<Violation> faults(long id);

    /** What an indicator's values are checked against: its bounds and its kind of period. */
    record ValueRules(BigDecimal minimum, BigDecimal maximum, PeriodType reportingPeriod) {

        /** Whether values checked against {@code indicator}, as read before, were checked against these rules. */
        boolean checkedBy(Indicator indicator) {
            return same(minimum, indicator.minimum()) && same(maximum, indicator.maximum())
                    && reportingPeriod == indicator.reportingPeriod();
        }

        /** Refuses (409) writing values checked against the indicator as it was before its rules changed. */
        void requireCheckedBy(Indicator indicator) {
            if (!checkedBy(indicator)) {
                throw new ProblemException(Problem.conflict("Indicator " + indicator.id() + "'s bounds or period "
                        + "changed while its values were being checked; nothing was stored: send them again."));
            }
        }

        private static boolean same(BigDecimal a, BigDecimal b) {
            return a == null ? b == null : b != null && a.compareTo(b) == 0;
        }
    }

    /**
     * Locks an indicator's row until the transaction ends, and reads the rules its values are checked against as they
     * stand under the lock: writes of its values, and changes of its definition, take turns.
     */
    @Select("SELECT minimum, maximum, reporting_period FROM sm_indicator WHERE id = #{indicatorId} FOR UPDATE")
    ValueRules lockIndicator(long indicatorId);

    @Select("SELECT id FROM sm_value WHERE indicator_id = #{indicatorId} LIMIT 1")
    Long anyValue(long indicatorId);

    String SLOT = "indicator_id = #{s.indicatorId} AND period = #{s.period} AND partner = #{s.partner} "
            + "AND dimension = #{s.dimension} AND category = #{s.category}";

    /** A value's id and slot: what an import reads of an indicator's values to find the ones it replaces. */
    record HeldSlot(long id, String period, String partner, String dimension, String category) {
    }

    @Select("SELECT id, period, partner, dimension, category FROM sm_value WHERE indicator_id = #{indicatorId}")
    @ResultType(HeldSlot.class)
    @Options(fetchSize = 10_000) // PostgreSQL then streams the rows inside the import's transaction
    void heldSlots(@Param("indicatorId") long indicatorId, ResultHandler<HeldSlot> handler);

    /** Keeps a value as corrected to {@code amount}. */
    @Insert("INSERT INTO sm_value_correction (value_id, old_amount, new_amount, corrected_by, corrected_at) "
            + "SELECT id, amount, #{amount}, #{by}, #{at} FROM sm_value WHERE id = #{id}")
    void keepCorrection(@Param("id") long id, @Param("amount") BigDecimal amount, @Param("by") String by,
                        @Param("at") Instant at);

    /**
     * Replaces a value, found by its id (a look-up H2 plans on the primary key, where a look-up by slot it may plan
     * on the indicator's foreign-key index and scan); the slot must match too, or nothing is updated.
     */
    @Update("UPDATE sm_value SET amount = #{amount}, reported_by = #{by}, reported_at = #{at}, "
            + "organisation_id = #{organisationId} WHERE id = #{id} AND " + SLOT)
    void replace(@Param("id") long id, @Param("s") Slot slot, @Param("amount") BigDecimal amount,
                 @Param("by") String by, @Param("at") Instant at, @Param("organisationId") long organisationId);

    /** Sends the statements a batch mapper queued. */
    @Flush
    List<BatchResult> flush();
}
