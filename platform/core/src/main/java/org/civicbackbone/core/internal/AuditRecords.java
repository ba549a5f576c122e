package org.civicbackbone.core.internal;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.civicbackbone.api.audit.AuditEntry;
import org.civicbackbone.api.audit.AuditQuery;

/** The audit log's rows through a mapper (ADR 0009); entries are only ever inserted. */
public interface AuditRecords {

    @Insert("INSERT INTO core_audit_log (at, actor, initiative_id, module, action, detail) "
            + "VALUES (#{at}, #{actor}, #{initiativeId}, #{module}, #{action}, #{detail})")
    void insert(@Param("at") Instant at, @Param("actor") String actor, @Param("initiativeId") String initiativeId,
                @Param("module") String module, @Param("action") String action, @Param("detail") String detail);

    @Select("<script>SELECT id, at, actor, initiative_id, module, action, detail FROM core_audit_log <where>"
            + "<if test='initiativeId != null'>AND initiative_id = #{initiativeId} </if>"
            + "<if test='actor != null'>AND actor = #{actor} </if>"
            + "<if test='action != null'>AND action = #{action} </if>"
            + "<if test='module != null'>AND module = #{module} </if>"
            + "<if test='from != null'>AND at &gt;= #{from} </if>"
            + "<if test='to != null'>AND at &lt; #{to} </if>"
            + "<if test='before != null'>AND id &lt; #{before} </if>"
            + "</where> ORDER BY id DESC LIMIT #{limit}</script>")
    List<AuditEntry> find(@Param("initiativeId") String initiativeId, @Param("actor") String actor,
                          @Param("action") String action, @Param("module") String module, @Param("from") Instant from,
                          @Param("to") Instant to, @Param("before") Long before, @Param("limit") int limit);

    /** The entries a query asks for, newest first; at least one is asked for. */
    default List<AuditEntry> find(AuditQuery query) {
        return find(query.initiativeId(), query.actor(), query.action(), query.module(), query.from(), query.to(),
                query.before(), Math.max(1, query.limit()));
    }
}
