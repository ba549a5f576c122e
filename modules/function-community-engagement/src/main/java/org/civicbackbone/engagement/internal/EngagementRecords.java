package org.civicbackbone.engagement.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;
import org.civicbackbone.api.initiative.Sector;
import org.civicbackbone.api.store.GeneratedKey;
import org.civicbackbone.engagement.internal.Engagement.Kind;

/** The community engagement tables, read and written through a mapper (ADR 0009); rows matched by column name. */
public interface EngagementRecords {

    /** A communication's row; its status comes from the statement proposal, worked out by the service. */
    record CommunicationRow(long id, Kind kind, String title, String body, String keyMessages, String spokesperson,
                            Instant publishedAt, Long statementProposalId, String createdBy, Instant createdAt,
                            int revision) {
    }

    /** An event's row; its participation is in {@link ParticipationRow}s. */
    record EventRow(long id, String title, LocalDate heldOn, String location, int communityMembersReached,
                    String recordedBy) {
    }

    /** How many people of one sector took part in an event. */
    record ParticipationRow(long eventId, Sector sector, int participants) {
    }

    /** The columns of a {@link CommunicationRow}, in every query that reads one. */
    String COMMUNICATION_COLUMNS = "id, kind, title, body, key_messages, spokesperson, published_at, "
            + "statement_proposal_id, created_by, created_at, revision";

    @Select("SELECT " + COMMUNICATION_COLUMNS + " FROM ce_communication WHERE initiative_id = #{initiativeId} ORDER BY id")
    List<CommunicationRow> communications(String initiativeId);

    /** The communications never published nor put to the bodies: the drafts a new draft must not repeat. */
    @Select("SELECT " + COMMUNICATION_COLUMNS + " FROM ce_communication WHERE initiative_id = #{initiativeId} "
            + "AND published_at IS NULL AND statement_proposal_id IS NULL ORDER BY id")
    List<CommunicationRow> plainDrafts(String initiativeId);

    @Insert("INSERT INTO ce_communication (initiative_id, kind, title, body, key_messages, spokesperson, created_by, "
            + "created_at) VALUES (#{initiativeId}, #{kind}, #{title}, #{body}, #{keyMessages}, #{spokesperson}, "
            + "#{createdBy}, #{createdAt})")
    @Options(useGeneratedKeys = true, keyProperty = "key.id", keyColumn = "id")
    void insertCommunication(@Param("key") GeneratedKey key, @Param("initiativeId") String initiativeId,
                             @Param("kind") Kind kind, @Param("title") String title, @Param("body") String body,
                             @Param("keyMessages") String keyMessages, @Param("spokesperson") String spokesperson,
                             @Param("createdBy") String createdBy, @Param("createdAt") Instant createdAt);

    /** What makes a row still the draft that was read: not published, on the same proposal, not edited since. */
    String STILL_AS_READ = "published_at IS NULL AND (statement_proposal_id = #{seen,jdbcType=BIGINT} "
            + "OR statement_proposal_id IS NULL AND #{seen,jdbcType=BIGINT} IS NULL) AND revision = #{revision}";

    /** Publishes a draft as it was read ({@link #STILL_AS_READ}); 0 when it is no longer. */
    @Update("UPDATE ce_communication SET published_at = #{at} WHERE id = #{id} AND " + STILL_AS_READ)
    int setPublished(@Param("id") long id, @Param("at") Instant at, @Param("seen") Long seen,
                     @Param("revision") int revision);

    /** Puts a draft as it was read ({@link #STILL_AS_READ}) to a proposal; 0 when it is no longer. */
    @Update("UPDATE ce_communication SET statement_proposal_id = #{proposalId} WHERE id = #{id} AND " + STILL_AS_READ)
    int setStatementProposal(@Param("id") long id, @Param("proposalId") long proposalId, @Param("seen") Long seen,
                             @Param("revision") int revision);

    /** Edits a draft as it was read ({@link #STILL_AS_READ}), counting a revision; 0 when it is no longer. */
    @Update("UPDATE ce_communication SET kind = #{kind}, title = #{title}, body = #{body}, key_messages = #{keyMessages}, "
            + "spokesperson = #{spokesperson}, revision = revision + 1 WHERE id = #{id} AND " + STILL_AS_READ)
    int updateDraft(@Param("id") long id, @Param("kind") Kind kind, @Param("title") String title,
                    @Param("body") String body, @Param("keyMessages") String keyMessages,
                    @Param("spokesperson") String spokesperson, @Param("seen") Long seen,
                    @Param("revision") int revision);

    @Select("SELECT id, title, held_on, location, community_members_reached, recorded_by FROM ce_event "
            + "WHERE initiative_id = #{initiativeId} ORDER BY held_on DESC, id DESC")
    List<EventRow> events(String initiativeId);

    @Select("SELECT p.event_id, p.sector, p.participants FROM ce_participation p JOIN ce_event e ON e.id = p.event_id "
            + "WHERE e.initiative_id = #{initiativeId} ORDER BY p.event_id, p.sector")
    List<ParticipationRow> participation(String initiativeId);

    @Insert("INSERT INTO ce_event (initiative_id, title, held_on, location, community_members_reached, recorded_by) "
            + "VALUES (#{initiativeId}, #{title}, #{heldOn}, #{location}, #{reached}, #{recordedBy})")
    @Options(useGeneratedKeys = true, keyProperty = "key.id", keyColumn = "id")
    void insertEvent(@Param("key") GeneratedKey key, @Param("initiativeId") String initiativeId,
                     @Param("title") String title, @Param("heldOn") LocalDate heldOn, @Param("location") String location,
                     @Param("reached") int reached, @Param("recordedBy") String recordedBy);

    @Update("UPDATE ce_event SET title = #{title}, held_on = #{heldOn}, location = #{location}, "
            + "community_members_reached = #{reached} WHERE id = #{id}")
    int updateEvent(@Param("id") long id, @Param("title") String title, @Param("heldOn") LocalDate heldOn,
                    @Param("location") String location, @Param("reached") int reached);

    @Delete("DELETE FROM ce_participation WHERE event_id = #{eventId}")
    int deleteParticipation(long eventId);

    @Insert("INSERT INTO ce_participation (event_id, sector, participants) VALUES (#{eventId}, #{sector}, #{participants})")
    void insertParticipation(@Param("eventId") long eventId, @Param("sector") Sector sector,
                             @Param("participants") int participants);
}
