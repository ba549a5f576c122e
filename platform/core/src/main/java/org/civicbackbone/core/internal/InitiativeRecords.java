package org.civicbackbone.core.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;
import org.civicbackbone.api.initiative.Initiative;
import org.civicbackbone.api.problem.Problem;
import org.civicbackbone.api.problem.ProblemException;

/**
 * The initiative rows, their functions and their model history through a mapper (ADR 0009): two queries read any
 * number of initiatives.
 */
public interface InitiativeRecords {

    /** An initiative's own row. */
    record InitiativeRow(String id, String name, String problemStatement, String vision, String structureModelId,
                         boolean demo, Instant createdAt, Instant updatedAt) {

        Initiative with(List<String> functions) {
            return new Initiative(id, name, problemStatement, vision, structureModelId, functions, demo, createdAt,
                    updatedAt);
        }
    }

    /** One function an initiative uses. */
    record FunctionInUse(String initiativeId, String functionId) {
    }

    @Select("SELECT id, name, problem_statement, vision, structure_model_id, demo, created_at, updated_at "
            + "FROM core_initiative ORDER BY name, id")
    List<InitiativeRow> all();

    @Select("SELECT id, name, problem_statement, vision, structure_model_id, demo, created_at, updated_at "
            + "FROM core_initiative WHERE id = #{id}")
    InitiativeRow byId(String id);

    @Select("SELECT id FROM core_initiative ORDER BY id")
    List<String> ids();

    /** An initiative's id and name. */
    record InitiativeName(String id, String name) {
    }

    @Select("SELECT id, name FROM core_initiative")
    List<InitiativeName> names();

    @Select("SELECT initiative_id, function_id FROM core_initiative_function ORDER BY initiative_id, function_id")
    List<FunctionInUse> functionsInUse();

    /** 1 when the initiative uses the function, 0 when it does not, null when there is no such initiative. */
    @Select("SELECT CASE WHEN f.function_id IS NULL THEN 0 ELSE 1 END FROM core_initiative i "
            + "LEFT JOIN core_initiative_function f ON f.initiative_id = i.id AND f.function_id = #{functionId} "
            + "WHERE i.id = #{initiativeId}")
    Integer usesFunction(@Param("initiativeId") String initiativeId, @Param("functionId") String functionId);

    @Select("SELECT function_id FROM core_initiative_function WHERE initiative_id = #{id} ORDER BY function_id")
    List<String> functionsOf(String id);

    /** Every initiative with its functions, by name. */
    default List<Initiative> initiatives() {
        Map<String, List<String>> functions = functionsInUse().stream().collect(Collectors.groupingBy(
                FunctionInUse::initiativeId, Collectors.mapping(FunctionInUse::functionId, Collectors.toList())));
        return all().stream().map(row -> row.with(functions.getOrDefault(row.id(), List.of()))).toList();
    }

    /** An initiative's own row; a 404 problem when there is no such initiative. */
    default InitiativeRow existing(String id) {
        InitiativeRow row = byId(id);
        if (row == null) {
            throw new ProblemException(Problem.notFound("There is no initiative '" + id + "'."));
        }
        return row;
    }

    /** One initiative with its functions, or null. */
    default Initiative initiative(String id) {
        InitiativeRow row = byId(id);
        return row == null ? null : row.with(functionsOf(id));
    }

    @Insert("INSERT INTO core_initiative (id, name, problem_statement, vision, structure_model_id, demo, created_at, "
            + "updated_at) VALUES (#{row.id}, #{row.name}, #{row.problemStatement}, #{row.vision}, "
            + "#{row.structureModelId}, #{row.demo}, #{row.createdAt}, #{row.updatedAt})")
    void insert(@Param("row") InitiativeRow row);

    @Update("UPDATE core_initiative SET name = #{name}, problem_statement = #{problemStatement}, vision = #{vision}, "
            + "structure_model_id = #{modelId}, updated_at = #{at} WHERE id = #{id}")
    int update(@Param("id") String id, @Param("name") String name, @Param("problemStatement") String problemStatement,
               @Param("vision") String vision, @Param("modelId") String modelId, @Param("at") Instant at);

    @Update("UPDATE core_initiative SET structure_model_id = #{modelId}, updated_at = #{at} WHERE id = #{id}")
    int setModel(@Param("id") String id, @Param("modelId") String modelId, @Param("at") Instant at);

    @Insert("INSERT INTO core_initiative_function (initiative_id, function_id) VALUES (#{id}, #{functionId})")
    void insertFunction(@Param("id") String id, @Param("functionId") String functionId);

    @Delete("DELETE FROM core_initiative_function WHERE initiative_id = #{id}")
    int deleteFunctions(String id);

    @Delete("DELETE FROM core_initiative_function WHERE initiative_id = #{id} AND function_id = #{functionId}")
    int deleteFunction(@Param("id") String id, @Param("functionId") String functionId);

    @Insert("INSERT INTO gov_model_history (initiative_id, model_id, effective_at, proposal_id) "
            + "VALUES (#{id}, #{modelId}, #{at}, #{proposalId})")
    void recordModel(@Param("id") String id, @Param("modelId") String modelId, @Param("at") Instant at,
                     @Param("proposalId") Long proposalId);

    @Select("SELECT COUNT(*) FROM gov_proposal WHERE initiative_id = #{id}")
    int proposalCount(String id);

    /** Puts an initiative on another model, keeping the history; {@code proposalId} is the decision, if any. */
    default void changeModel(String id, String modelId, Long proposalId, Instant at) {
        setModel(id, modelId, at);
        recordModel(id, modelId, at, proposalId);
    }

    /** The first of {@code base}, {@code base-2}, {@code base-3}... that no initiative has as its id. */
    default String freeId(String base) {
        String candidate = base;
        for (int n = 2; byId(candidate) != null; n++) {
            candidate = base + "-" + n;
        }
        return candidate;
    }
}
