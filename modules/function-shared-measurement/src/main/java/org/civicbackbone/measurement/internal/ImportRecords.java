package org.civicbackbone.measurement.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Flush;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;
import org.apache.ibatis.executor.BatchResult;
import org.civicbackbone.api.problem.Violation;
import org.civicbackbone.api.store.GeneratedKey;

/**
 * Imports through a mapper (ADR 0009): the jobs and their faults, and the values an import writes, used as a batch
 * mapper ({@code BackboneStore.batchMapper}) so rows go to the database a thousand at a time.
 */
public interface ImportRecords {

    /** A slot of a value: which indicator, period, partner (as registered) and category. */
    record Slot(long indicatorId, String period, String partner, String dimension, String category) {
    }

    /** A job's own row. */
    record JobRow(long id, String initiativeId, ImportJob.State state, long bytes, int rowsRead, int rowsChecked,
                  int rowsStored, int faults, String message, String createdBy, Instant createdAt, Instant finishedAt) {

        ImportJob job(List<Violation> violations) {
            return new ImportJob(id, initiativeId, state, bytes, rowsRead, rowsChecked, rowsStored, faults, violations,
                    message, createdBy, createdAt, finishedAt);
        }
    }

    String JOB = "SELECT id, initiative_id, state, bytes, rows_read, rows_checked, rows_stored, faults, message, "
            + "created_by, created_at, finished_at FROM sm_import ";

    @Insert("INSERT INTO sm_import (initiative_id, state, bytes, rows_read, rows_checked, rows_stored, faults, created_by, "
            + "created_at) VALUES (#{initiativeId}, 'QUEUED', #{bytes}, 0, 0, 0, 0, #{by}, #{at})")
    @Options(useGeneratedKeys = true, keyProperty = "key.id", keyColumn = "id")
    void insertJob(@Param("key") GeneratedKey key, @Param("initiativeId") String initiativeId, @Param("bytes") long bytes,
                   @Param("by") String by, @Param("at") Instant at);

    @Select(JOB + "WHERE initiative_id = #{initiativeId} AND id = #{id}")
    JobRow job(@Param("initiativeId") String initiativeId, @Param("id") long id);

    @Select(JOB + "WHERE initiative_id = #{initiativeId} ORDER BY id DESC LIMIT 50")
    List<JobRow> recentJobs(String initiativeId);

    @Update("UPDATE sm_import SET state = #{state}, rows_read = #{read}, rows_checked = #{checked}, "
            + "rows_stored = #{stored} WHERE id = #{id}")
    int progress(@Param("id") long id, @Param("state") ImportJob.State state, @Param("read") int read,
                 @Param("checked") int checked, @Param("stored") int stored);

    @Update("UPDATE sm_import SET state = #{state}, faults = #{faults}, message = #{message}, finished_at = #{at} "
            + "WHERE id = #{id}")
    int finish(@Param("id") long id, @Param("state") ImportJob.State state, @Param("faults") int faults,
               @Param("message") String message, @Param("at") Instant at);

    @Update("UPDATE sm_import SET state = 'FAILED', message = #{message}, finished_at = #{at} "
            + "WHERE state IN ('QUEUED', 'CHECKING', 'STORING')")
    int failUnfinished(@Param("message") String message, @Param("at") Instant at);

    @Insert("INSERT INTO sm_import_fault (import_id, position, place, reason) VALUES (#{id}, #{position}, "
            + "#{violation.field}, #{violation.message})")
    void insertFault(@Param("id") long id, @Param("position") int position, @Param("violation") Violation violation);

    @Select("SELECT place AS field, reason AS message FROM sm_import_fault WHERE import_id = #{id} ORDER BY position")
    List<Violation> faults(long id);

    /** Locks an indicator's row until the transaction ends: writes of its values take turns. */
    @Select("SELECT id FROM sm_indicator WHERE id = #{indicatorId} FOR UPDATE")
    Long lockIndicator(long indicatorId);

    @Select("SELECT id FROM sm_value WHERE indicator_id = #{indicatorId} LIMIT 1")
    Long anyValue(long indicatorId);

    String SLOT = "indicator_id = #{s.indicatorId} AND period = #{s.period} AND partner = #{s.partner} "
            + "AND dimension = #{s.dimension} AND category = #{s.category}";

    /** Keeps the value a slot holds, if it holds one, as corrected to {@code amount}. */
    @Insert("INSERT INTO sm_value_correction (value_id, old_amount, new_amount, corrected_by, corrected_at) "
            + "SELECT id, amount, #{amount}, #{by}, #{at} FROM sm_value WHERE " + SLOT)
    void keepCorrection(@Param("s") Slot slot, @Param("amount") BigDecimal amount, @Param("by") String by,
                        @Param("at") Instant at);

    /** Replaces the value a slot holds; its update count is 0 when the slot holds none. */
    @Update("UPDATE sm_value SET amount = #{amount}, reported_by = #{by}, reported_at = #{at}, "
            + "organisation_id = #{organisationId} WHERE " + SLOT)
    void updateSlot(@Param("s") Slot slot, @Param("amount") BigDecimal amount, @Param("by") String by,
                    @Param("at") Instant at, @Param("organisationId") long organisationId);

    @Insert("INSERT INTO sm_value (indicator_id, period, partner, dimension, category, amount, reported_by, reported_at, "
            + "organisation_id) VALUES (#{s.indicatorId}, #{s.period}, #{s.partner}, #{s.dimension}, #{s.category}, "
            + "#{amount}, #{by}, #{at}, #{organisationId})")
    void insertValue(@Param("s") Slot slot, @Param("amount") BigDecimal amount, @Param("by") String by,
                     @Param("at") Instant at, @Param("organisationId") long organisationId);

    /** Sends the statements a batch mapper queued. */
    @Flush
    List<BatchResult> flush();
}
