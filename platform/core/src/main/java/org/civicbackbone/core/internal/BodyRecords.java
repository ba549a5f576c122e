package org.civicbackbone.core.internal;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;
import org.civicbackbone.api.initiative.GovernanceBody;
import org.civicbackbone.api.initiative.Membership;
import org.civicbackbone.api.initiative.Sector;
import org.civicbackbone.api.store.GeneratedKey;

/** Governance bodies and their seats through a mapper (ADR 0009). Retired rows stay: only reads of sitting ones skip them. */
public interface BodyRecords {

    /** A body's row. */
    record BodyRow(long id, String initiativeId, String type, String name, boolean custom, Instant retiredAt) {

        GovernanceBody body() {
            return new GovernanceBody(id, initiativeId, type, name, custom, retiredAt);
        }
    }

    /** A seat's row. */
    record SeatRow(long id, long bodyId, String person, String username, String organisation, String role,
                   Sector sector, Long organisationId, Instant retiredAt, Long personId) {

        public Membership membership() {
            return new Membership(id, bodyId, person, username, organisation, role, sector, organisationId, retiredAt,
                    personId);
        }
    }

    String BODY = "SELECT id, initiative_id, type, name, custom, retired_at FROM core_body ";
    String SEAT = "SELECT m.id, m.body_id, m.person, m.username, m.organisation, m.role, m.sector, m.organisation_id, "
            + "m.retired_at, m.person_id FROM core_membership m JOIN core_body b ON b.id = m.body_id ";

    @Select(BODY + "WHERE initiative_id = #{initiativeId} AND retired_at IS NULL ORDER BY id")
    List<BodyRow> sittingBodies(String initiativeId);

    @Select(BODY + "WHERE id = #{bodyId} AND initiative_id = #{initiativeId}")
    BodyRow body(@Param("initiativeId") String initiativeId, @Param("bodyId") long bodyId);

    @Insert("INSERT INTO core_body (initiative_id, type, name, custom) VALUES (#{initiativeId}, #{type}, #{name}, #{custom})")
    @Options(useGeneratedKeys = true, keyProperty = "key.id", keyColumn = "id")
    void insertBody(@Param("key") GeneratedKey key, @Param("initiativeId") String initiativeId, @Param("type") String type,
                    @Param("name") String name, @Param("custom") boolean custom);

    @Update("UPDATE core_body SET type = #{type}, name = #{name}, custom = #{custom} WHERE id = #{bodyId}")
    int updateBody(@Param("bodyId") long bodyId, @Param("type") String type, @Param("name") String name,
                   @Param("custom") boolean custom);

    @Update("UPDATE core_body SET retired_at = #{at}, retired_by = #{actor} WHERE id = #{bodyId} AND retired_at IS NULL")
    int retireBody(@Param("bodyId") long bodyId, @Param("at") Instant at, @Param("actor") String actor);

    @Select(SEAT + "WHERE b.initiative_id = #{initiativeId} AND b.retired_at IS NULL AND m.retired_at IS NULL ORDER BY m.id")
    List<SeatRow> heldSeats(String initiativeId);

    @Select(SEAT + "WHERE m.body_id = #{bodyId} AND b.retired_at IS NULL AND m.retired_at IS NULL ORDER BY m.id")
    List<SeatRow> heldSeatsOf(long bodyId);

    @Select("SELECT COUNT(*) FROM core_membership m JOIN core_body b ON b.id = m.body_id WHERE b.initiative_id = "
            + "#{initiativeId} AND b.type = #{bodyType} AND m.username = #{login} AND m.retired_at IS NULL "
            + "AND b.retired_at IS NULL")
    int seatsHeld(@Param("initiativeId") String initiativeId, @Param("bodyType") String bodyType,
                  @Param("login") String login);

    @Select(SEAT + "WHERE m.id = #{membershipId} AND m.body_id = #{bodyId}")
    SeatRow seat(@Param("bodyId") long bodyId, @Param("membershipId") long membershipId);

    @Insert("INSERT INTO core_membership (body_id, person, username, organisation, role, sector, organisation_id, "
            + "person_id) VALUES (#{bodyId}, #{person}, #{username}, #{organisation}, #{role}, #{sector}, "
            + "#{organisationId}, #{personId})")
    @Options(useGeneratedKeys = true, keyProperty = "key.id", keyColumn = "id")
    void insertSeat(@Param("key") GeneratedKey key, @Param("bodyId") long bodyId, @Param("person") String person,
                    @Param("username") String username, @Param("organisation") String organisation,
                    @Param("role") String role, @Param("sector") Sector sector,
                    @Param("organisationId") long organisationId, @Param("personId") Long personId);

    @Update("UPDATE core_membership SET person = #{person}, username = #{username}, organisation = #{organisation}, "
            + "role = #{role}, sector = #{sector}, organisation_id = #{organisationId}, person_id = #{personId} "
            + "WHERE id = #{membershipId}")
    int updateSeat(@Param("membershipId") long membershipId, @Param("person") String person,
                   @Param("username") String username, @Param("organisation") String organisation,
                   @Param("role") String role, @Param("sector") Sector sector,
                   @Param("organisationId") long organisationId, @Param("personId") Long personId);

    @Update("UPDATE core_membership SET retired_at = #{at}, retired_by = #{actor} WHERE id = #{membershipId} "
            + "AND retired_at IS NULL")
    int retireSeat(@Param("membershipId") long membershipId, @Param("at") Instant at, @Param("actor") String actor);

    @Update("UPDATE core_membership SET retired_at = #{at}, retired_by = #{actor} WHERE body_id = #{bodyId} "
            + "AND retired_at IS NULL")
    int retireSeatsOf(@Param("bodyId") long bodyId, @Param("at") Instant at, @Param("actor") String actor);

    @Select("SELECT b.type FROM core_membership m JOIN core_body b ON b.id = m.body_id WHERE b.initiative_id = "
            + "#{initiativeId} AND m.username = #{login} AND m.retired_at IS NULL AND b.retired_at IS NULL")
    List<String> bodyTypesSeating(@Param("initiativeId") String initiativeId, @Param("login") String login);

    @Select("SELECT DISTINCT b.initiative_id FROM core_membership m JOIN core_body b ON b.id = m.body_id "
            + "WHERE m.username = #{login} AND m.retired_at IS NULL AND b.retired_at IS NULL")
    List<String> initiativesSeating(String login);
}
