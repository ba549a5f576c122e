package org.civicbackbone.core.internal;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** What a merge of two organisations writes in the core's tables, and the merges done so far (ADR 0025). */
public interface OrganisationMergeRecords {

    /** A merge done: the rows of {@code fromId} went to {@code intoId}. */
    record Merge(String initiativeId, long fromId, long intoId) {
    }

    @Update("UPDATE core_membership SET organisation_id = #{into} WHERE organisation_id = #{from}")
    int repointSeats(@Param("from") long from, @Param("into") long into);

    /** The duplicate's name and aliases become aliases of the organisation kept; their keys stay unique as they were. */
    @Update("UPDATE core_organisation_name SET organisation_id = #{into}, alias = TRUE WHERE organisation_id = #{from}")
    int moveNames(@Param("from") long from, @Param("into") long into);

    @Insert("INSERT INTO core_organisation_sector (organisation_id, sector) SELECT #{into}, s.sector "
            + "FROM core_organisation_sector s WHERE s.organisation_id = #{from} AND NOT EXISTS "
            + "(SELECT 1 FROM core_organisation_sector k WHERE k.organisation_id = #{into} AND k.sector = s.sector)")
    int addSectors(@Param("from") long from, @Param("into") long into);

    @Delete("DELETE FROM core_organisation WHERE id = #{id}")
    int delete(long id);

    @Insert("INSERT INTO core_organisation_merge (initiative_id, from_id, from_name, into_id, merged_by, merged_at) "
            + "VALUES (#{initiativeId}, #{from}, #{fromName}, #{into}, #{by}, #{at})")
    void record(@Param("initiativeId") String initiativeId, @Param("from") long from, @Param("fromName") String fromName,
                @Param("into") long into, @Param("by") String by, @Param("at") Instant at);

    /** A seat not in conflict on an open proposal that names the organisation it would benefit. */
    record ClearSeat(long proposalId, int stepIndex, String voter, String organisation, String beneficiary) {
    }

    @Select("SELECT v.proposal_id, v.step_index, v.voter, v.organisation, p.beneficiary FROM gov_step_voter v "
            + "JOIN gov_proposal p ON p.id = v.proposal_id WHERE p.initiative_id = #{initiativeId} "
            + "AND p.state = 'OPEN' AND p.beneficiary IS NOT NULL AND v.conflicted = FALSE")
    List<ClearSeat> clearSeatsOnOpenProposals(String initiativeId);

    @Update("UPDATE gov_step_voter SET conflicted = TRUE WHERE proposal_id = #{proposalId} "
            + "AND step_index = #{stepIndex} AND voter = #{voter}")
    int putInConflict(@Param("proposalId") long proposalId, @Param("stepIndex") int stepIndex,
                      @Param("voter") String voter);

    @Select("SELECT initiative_id, from_id, into_id FROM core_organisation_merge ORDER BY id")
    List<Merge> merges();

    /** The organisation {@code from} was merged into, or null when it was not merged away. */
    @Select("SELECT into_id FROM core_organisation_merge WHERE from_id = #{from}")
    Long mergedInto(long from);
}
