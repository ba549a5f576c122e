package org.civicbackbone.core.internal;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;
import org.civicbackbone.api.initiative.Person;
import org.civicbackbone.api.store.GeneratedKey;

/** The people on record and the link of their seats, through a mapper (ADR 0009). */
public interface PersonRecords {

    String PERSON = "SELECT id, initiative_id, name, username, email FROM core_person ";

    /** A seat written before people were on record: its holder is only a name and a login. */
    record UnlinkedSeat(long id, String initiativeId, String person, String username) {
    }

    @Select(PERSON + "WHERE initiative_id = #{initiativeId} "
            + "ORDER BY name, id")
    List<Person> people(String initiativeId);

    @Select(PERSON + "WHERE initiative_id = #{initiativeId} "
            + "AND id = #{id}")
    Person person(@Param("initiativeId") String initiativeId, @Param("id") long id);

    @Select(PERSON + "WHERE initiative_id = #{initiativeId} "
            + "AND username = #{username}")
    Person byLogin(@Param("initiativeId") String initiativeId, @Param("username") String username);

    /** People without a login, by name as given (the caller compares spellings). */
    @Select(PERSON + "WHERE initiative_id = #{initiativeId} "
            + "AND username IS NULL ORDER BY id")
    List<Person> withoutLogin(String initiativeId);

    /** Every initiative's record of the person with this login. */
    @Select(PERSON + "WHERE username = #{username} ORDER BY initiative_id")
    List<Person> withLogin(String username);

    /** Every initiative's record of every person with a login, by login and then initiative. */
    @Select(PERSON + "WHERE username IS NOT NULL ORDER BY username, initiative_id")
    List<Person> withAnyLogin();

    @Insert("INSERT INTO core_person (initiative_id, name, username, email, created_by, created_at) "
            + "VALUES (#{initiativeId}, #{name}, #{username}, #{email}, #{createdBy}, #{createdAt})")
    @Options(useGeneratedKeys = true, keyProperty = "key.id", keyColumn = "id")
    void insert(@Param("key") GeneratedKey key, @Param("initiativeId") String initiativeId, @Param("name") String name,
                @Param("username") String username, @Param("email") String email,
                @Param("createdBy") String createdBy, @Param("createdAt") Instant createdAt);

    @Update("UPDATE core_person SET name = #{name}, username = #{username}, email = #{email} WHERE id = #{id}")
    int update(@Param("id") long id, @Param("name") String name, @Param("username") String username,
               @Param("email") String email);

    /** Gives each person of the initiative with a login and no address the address login + domain (the demo's). */
    @Update("UPDATE core_person SET email = username || #{domain} WHERE initiative_id = #{initiativeId} "
            + "AND username IS NOT NULL AND email IS NULL")
    int addressByLogin(@Param("initiativeId") String initiativeId, @Param("domain") String domain);

    /** Every seat of the person takes their name and login as on record. */
    @Update("UPDATE core_membership SET person = #{name}, username = #{username} WHERE person_id = #{id}")
    int renameSeats(@Param("id") long id, @Param("name") String name, @Param("username") String username);

    @Select("SELECT m.id, b.initiative_id, m.person, m.username FROM core_membership m "
            + "JOIN core_body b ON b.id = m.body_id WHERE m.person_id IS NULL AND m.person IS NOT NULL ORDER BY m.id")
    List<UnlinkedSeat> unlinkedSeats();

    @Update("UPDATE core_membership SET person_id = #{personId} WHERE id = #{membershipId}")
    int pointSeat(@Param("membershipId") long membershipId, @Param("personId") long personId);

    /** The initiatives that have a person with this login on record. */
    @Select("SELECT DISTINCT initiative_id FROM core_person WHERE username = #{username} ORDER BY initiative_id")
    List<String> initiativesOf(String username);
}
