package org.civicbackbone.core.internal;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/**
 * The realm's logins and their roles (ADR 0020), through a mapper (ADR 0009). The realm reads the same rows with
 * the statements of {@link DatabaseRealm}.
 */
public interface LoginRecords {

    /** A login's role. */
    record LoginRole(String login, String role) {
    }

    @Select("SELECT name FROM core_login ORDER BY name")
    List<String> names();

    @Select("SELECT COUNT(*) FROM core_login WHERE name = #{name}")
    int count(String name);

    @Select("SELECT login, role FROM core_login_role ORDER BY login, role")
    List<LoginRole> allRoles();

    @Select("SELECT role FROM core_login_role WHERE login = #{name} ORDER BY role")
    List<String> roles(String name);

    /** The logins holding a role, their rows locked until the transaction ends. */
    @Select("SELECT login FROM core_login_role WHERE role = #{role} ORDER BY login FOR UPDATE")
    List<String> holdersLocked(String role);

    /** The last change to any login: created, given a new password or roles, or removed (which leaves no row). */
    @Select("SELECT MAX(changed_at) FROM (SELECT changed_at FROM core_login "
            + "UNION ALL SELECT changed_at FROM core_realm_change) changes")
    Instant lastChange();

    @Insert("INSERT INTO core_login (name, password, created_at, changed_at) VALUES (#{name}, #{password}, #{at}, #{at})")
    void insert(@Param("name") String name, @Param("password") String password, @Param("at") Instant at);

    @Insert("INSERT INTO core_login_role (login, role) VALUES (#{name}, #{role})")
    void insertRole(@Param("name") String name, @Param("role") String role);

    @Update("UPDATE core_login SET password = #{password}, changed_at = #{at} WHERE name = #{name}")
    int setPassword(@Param("name") String name, @Param("password") String password, @Param("at") Instant at);

    @Delete("DELETE FROM core_login_role WHERE login = #{name} AND role = #{role}")
    int deleteRole(@Param("name") String name, @Param("role") String role);

    @Update("UPDATE core_login SET changed_at = #{at} WHERE name = #{name}")
    int touch(@Param("name") String name, @Param("at") Instant at);

    @Delete("DELETE FROM core_login_role WHERE login = #{name}")
    int deleteRoles(String name);

    @Delete("DELETE FROM core_login WHERE name = #{name}")
    int delete(String name);

    /** Marks that a login was removed: its row is gone, so {@link #lastChange()} reads the time from here. */
    @Update("UPDATE core_realm_change SET changed_at = #{at} WHERE id = 1")
    int removed(Instant at);

    /** The first removal's mark (the table starts empty, as a copy's target must, ADR 0010). */
    @Insert("INSERT INTO core_realm_change (id, changed_at) VALUES (1, #{at})")
    void firstRemoved(Instant at);

    /** Ends every console session of a login (its password or roles changed). */
    @Delete("DELETE FROM core_session WHERE login = #{name}")
    int endSessions(String name);

    /** Whether the login exists. */
    default boolean exists(String name) {
        return count(name) > 0;
    }
}
