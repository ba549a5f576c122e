package org.civicbackbone.core.internal;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** The module set chosen for every node on the database (ADR 0019), through a mapper (ADR 0009). */
public interface ModuleChoiceRecords {

    /** A module an admin installed or uninstalled through some node. */
    record ModuleChoice(String moduleId, boolean installed, String chosenBy, Instant chosenAt) {
    }

    @Select("SELECT module_id, installed, chosen_by, chosen_at FROM core_module_choice ORDER BY module_id")
    List<ModuleChoice> choices();

    @Update("UPDATE core_module_choice SET installed = #{installed}, chosen_by = #{by}, chosen_at = #{at} "
            + "WHERE module_id = #{moduleId}")
    int update(@Param("moduleId") String moduleId, @Param("installed") boolean installed, @Param("by") String by,
               @Param("at") Instant at);

    @Insert("INSERT INTO core_module_choice (module_id, installed, chosen_by, chosen_at) "
            + "VALUES (#{moduleId}, #{installed}, #{by}, #{at})")
    void insert(@Param("moduleId") String moduleId, @Param("installed") boolean installed, @Param("by") String by,
                @Param("at") Instant at);

    /** Records the choice, replacing the module's earlier one. */
    default void choose(String moduleId, boolean installed, String by) {
        Instant now = Instant.now();
        if (update(moduleId, installed, by, now) == 0) {
            insert(moduleId, installed, by, now);
        }
    }
}
