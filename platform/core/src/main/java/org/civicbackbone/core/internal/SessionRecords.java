package org.civicbackbone.core.internal;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** Console sessions by the digest of their token (ADR 0020), through a mapper (ADR 0009). */
public interface SessionRecords {

    /** A session's row. */
    record SessionRow(String login, String csrfToken, Instant startedAt, Instant lastSeenAt, long idleSeconds,
                      Instant endsAt) {
    }

    @Insert("INSERT INTO core_session (token_digest, login, csrf_token, started_at, last_seen_at, idle_seconds, ends_at) "
            + "VALUES (#{digest}, #{login}, #{csrf}, #{at}, #{at}, #{idleSeconds}, #{endsAt})")
    void insert(@Param("digest") String digest, @Param("login") String login, @Param("csrf") String csrfToken,
                @Param("at") Instant at, @Param("idleSeconds") long idleSeconds, @Param("endsAt") Instant endsAt);

    @Insert("INSERT INTO core_session_role (token_digest, role) VALUES (#{digest}, #{role})")
    void insertRole(@Param("digest") String digest, @Param("role") String role);

    /** A session's row with one of its roles (null for a session without roles). */
    record SessionRole(String login, String csrfToken, Instant startedAt, Instant lastSeenAt, long idleSeconds,
                       Instant endsAt, String role) {

        SessionRow session() {
            return new SessionRow(login, csrfToken, startedAt, lastSeenAt, idleSeconds, endsAt);
        }
    }

    /** A session and its roles in one round trip: a row per role. */
    @Select("SELECT s.login, s.csrf_token, s.started_at, s.last_seen_at, s.idle_seconds, s.ends_at, r.role "
            + "FROM core_session s LEFT JOIN core_session_role r ON r.token_digest = s.token_digest "
            + "WHERE s.token_digest = #{digest}")
    List<SessionRole> find(String digest);

    @Update("UPDATE core_session SET last_seen_at = #{at} WHERE token_digest = #{digest}")
    int seen(@Param("digest") String digest, @Param("at") Instant at);

    @Delete("DELETE FROM core_session WHERE token_digest = #{digest}")
    int delete(String digest);

    /** Removes the sessions past their maximum (idle ones are removed when next looked up, or at their maximum). */
    @Delete("DELETE FROM core_session WHERE ends_at < #{now}")
    int deleteEnded(Instant now);
}
