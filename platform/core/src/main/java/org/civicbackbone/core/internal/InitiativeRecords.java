package org.civicbackbone.core.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.ibatis.annotations.Select;
import org.civicbackbone.api.initiative.Initiative;
import org.civicbackbone.api.problem.Problem;
import org.civicbackbone.api.problem.ProblemException;

/** The initiative rows and their functions, read through a mapper (ADR 0009): two queries for any number of rows. */
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

    @Select("SELECT initiative_id, function_id FROM core_initiative_function ORDER BY initiative_id, function_id")
    List<FunctionInUse> functionsInUse();

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
}
