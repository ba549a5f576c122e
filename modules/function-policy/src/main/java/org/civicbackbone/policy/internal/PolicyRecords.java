package org.civicbackbone.policy.internal;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;
import org.civicbackbone.api.store.GeneratedKey;
import org.civicbackbone.policy.internal.PolicyAgenda.Outcome;
import org.civicbackbone.policy.internal.PolicyAgenda.Stage;
import org.civicbackbone.policy.internal.PolicyAgenda.Stance;
import org.civicbackbone.policy.internal.PolicyAgenda.StanceKind;
import org.civicbackbone.policy.internal.PolicyAgenda.TargetKind;

/** The policy module's tables, read and written through a mapper (ADR 0009); rows are matched by column name. */
public interface PolicyRecords {

    /** A policy item's row; its status and stance counts are worked out by {@link Policy}. */
    record ItemRow(long id, String title, String problem, String proposedPosition, TargetKind targetKind, String target,
                   Stage stage, Long positionProposalId, Outcome outcome, String outcomeNote, String createdBy,
                   Instant createdAt, int revision) {
    }

    @Select("SELECT id, title, problem, proposed_position, target_kind, target, stage, position_proposal_id, outcome, "
            + "outcome_note, created_by, created_at, revision FROM pol_item WHERE initiative_id = #{initiativeId} ORDER BY id")
    List<ItemRow> items(String initiativeId);

    @Insert("INSERT INTO pol_item (initiative_id, title, problem, proposed_position, target_kind, target, stage, "
            + "created_by, created_at) VALUES (#{initiativeId}, #{title}, #{problem}, #{proposedPosition}, "
            + "#{targetKind}, #{target}, #{stage}, #{createdBy}, #{createdAt})")
    @Options(useGeneratedKeys = true, keyProperty = "key.id", keyColumn = "id")
    void insertItem(@Param("key") GeneratedKey key, @Param("initiativeId") String initiativeId,
                    @Param("title") String title, @Param("problem") String problem,
                    @Param("proposedPosition") String proposedPosition, @Param("targetKind") TargetKind targetKind,
                    @Param("target") String target, @Param("stage") Stage stage, @Param("createdBy") String createdBy,
                    @Param("createdAt") Instant createdAt);

    /** Sets an open item's stage, only if it was put to no other proposal since {@code seen} was read: 0 if it was. */
    @Update("UPDATE pol_item SET stage = #{stage} WHERE id = #{itemId} AND outcome IS NULL AND "
            + "(position_proposal_id = #{seen,jdbcType=BIGINT} OR position_proposal_id IS NULL "
            + "AND #{seen,jdbcType=BIGINT} IS NULL)")
    int setStage(@Param("itemId") long itemId, @Param("stage") Stage stage, @Param("seen") Long seen);

    /** An item's stage as it is now. */
    @Select("SELECT stage FROM pol_item WHERE id = #{itemId}")
    Stage stageOf(long itemId);

    /** An item's revision: how many times its text was changed. */
    @Select("SELECT revision FROM pol_item WHERE id = #{itemId}")
    int revisionOf(long itemId);

    /**
     * Puts an item's position to a proposal, only as it was read: no other proposal took it since, and its text was
     * not changed ({@code revision}); 0 otherwise.
     */
    @Update("UPDATE pol_item SET position_proposal_id = #{proposalId} WHERE id = #{itemId} AND revision = #{revision} "
            + "AND (position_proposal_id = #{seen,jdbcType=BIGINT} OR position_proposal_id IS NULL "
            + "AND #{seen,jdbcType=BIGINT} IS NULL)")
    int setPositionProposal(@Param("itemId") long itemId, @Param("proposalId") long proposalId,
                            @Param("seen") Long seen, @Param("revision") int revision);

    /** Changes an open item's text as it was read (same proposal, same revision), counting a revision; 0 otherwise. */
    @Update("UPDATE pol_item SET title = #{title}, problem = #{problem}, proposed_position = #{proposedPosition}, "
            + "target_kind = #{targetKind}, target = #{target}, revision = revision + 1 WHERE id = #{itemId} "
            + "AND outcome IS NULL AND revision = #{revision} AND (position_proposal_id = #{seen,jdbcType=BIGINT} "
            + "OR position_proposal_id IS NULL AND #{seen,jdbcType=BIGINT} IS NULL)")
    int updateItem(@Param("itemId") long itemId, @Param("title") String title, @Param("problem") String problem,
                   @Param("proposedPosition") String proposedPosition, @Param("targetKind") TargetKind targetKind,
                   @Param("target") String target, @Param("seen") Long seen, @Param("revision") int revision);

    /** Closes an item with its outcome unless it is closed: 0 when it was. */
    @Update("UPDATE pol_item SET outcome = #{outcome}, outcome_note = #{note} WHERE id = #{itemId} AND outcome IS NULL")
    int setOutcome(@Param("itemId") long itemId, @Param("outcome") Outcome outcome, @Param("note") String note);

    @Select("SELECT id, item_id, organisation, stance, named, note, recorded_by, recorded_at, organisation_id "
            + "FROM pol_stance WHERE item_id = #{itemId} ORDER BY id")
    List<Stance> stancesOf(long itemId);

    @Select("SELECT s.id, s.item_id, s.organisation, s.stance, s.named, s.note, s.recorded_by, s.recorded_at, "
            + "s.organisation_id FROM pol_stance s JOIN pol_item i ON i.id = s.item_id WHERE i.initiative_id = #{initiativeId} "
            + "ORDER BY s.id")
    List<Stance> stancesOfInitiative(String initiativeId);

    @Insert("INSERT INTO pol_stance (item_id, organisation, stance, named, note, recorded_by, recorded_at, "
            + "organisation_id) VALUES (#{itemId}, #{organisation}, #{stance}, #{named}, #{note}, #{recordedBy}, "
            + "#{recordedAt}, #{organisationId})")
    @Options(useGeneratedKeys = true, keyProperty = "key.id", keyColumn = "id")
    void insertStance(@Param("key") GeneratedKey key, @Param("itemId") long itemId,
                      @Param("organisation") String organisation, @Param("stance") StanceKind stance,
                      @Param("named") boolean named, @Param("note") String note, @Param("recordedBy") String recordedBy,
                      @Param("recordedAt") Instant recordedAt, @Param("organisationId") long organisationId);
}
