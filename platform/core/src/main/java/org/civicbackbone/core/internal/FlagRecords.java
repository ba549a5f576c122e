package org.civicbackbone.core.internal;

import java.time.Instant;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** Things the core did once per database (the demo initiative, the demo logins), through a mapper (ADR 0009). */
public interface FlagRecords {

    @Select("SELECT COUNT(*) FROM core_flag WHERE name = #{name}")
    int count(String name);

    @Insert("INSERT INTO core_flag (name, set_at) VALUES (#{name}, #{at})")
    void insert(@Param("name") String name, @Param("at") Instant at);

    /** Whether the flag is set. */
    default boolean isSet(String name) {
        return count(name) > 0;
    }

    /** Sets the flag, now. */
    default void set(String name) {
        insert(name, Instant.now());
    }
}
