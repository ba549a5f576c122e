package org.civicbackbone.core.internal.governance;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;
import org.civicbackbone.api.decision.StaffHire;

/** Staff hires through a mapper (ADR 0009): each waits, with its proposal, to be applied once. */
public interface HireRecords {

    /** An approved hire not yet applied. */
    record DueHire(String initiativeId, long proposalId) {
    }

    String HIRE = "SELECT h.proposal_id, h.initiative_id, h.person, h.username, h.role, h.organisation, g.state, "
            + "h.hired_at FROM core_staff_hire h JOIN gov_proposal g ON g.id = h.proposal_id ";

    @Insert("INSERT INTO core_staff_hire (proposal_id, initiative_id, person, username, role, organisation) "
            + "VALUES (#{proposalId}, #{initiativeId}, #{person}, #{username}, #{role}, #{organisation})")
    void insert(@Param("proposalId") long proposalId, @Param("initiativeId") String initiativeId,
                @Param("person") String person, @Param("username") String username, @Param("role") String role,
                @Param("organisation") String organisation);

    @Select(HIRE + "WHERE h.initiative_id = #{initiativeId} ORDER BY h.proposal_id DESC")
    List<StaffHire> hires(String initiativeId);

    @Select(HIRE + "WHERE h.proposal_id = #{proposalId}")
    StaffHire hire(long proposalId);

    /** Claims an approved hire for this transaction; 0 when it was claimed before or is not approved. */
    @Update("UPDATE core_staff_hire SET hired_at = #{at} WHERE proposal_id = #{proposalId} AND hired_at IS NULL "
            + "AND EXISTS (SELECT 1 FROM gov_proposal g WHERE g.id = #{proposalId} AND g.state = 'APPROVED')")
    int claim(@Param("proposalId") long proposalId, @Param("at") Instant at);

    @Select("SELECT h.initiative_id, h.proposal_id FROM core_staff_hire h JOIN gov_proposal g ON g.id = h.proposal_id "
            + "WHERE h.hired_at IS NULL AND g.state = 'APPROVED'")
    List<DueHire> due();
}
