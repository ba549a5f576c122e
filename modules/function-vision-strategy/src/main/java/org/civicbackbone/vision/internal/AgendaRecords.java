package org.civicbackbone.vision.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;
import org.civicbackbone.api.store.GeneratedKey;
import org.civicbackbone.vision.internal.CommonAgenda.Goal;
import org.civicbackbone.vision.internal.CommonAgenda.Status;
import org.civicbackbone.vision.internal.CommonAgenda.Strategy;
import org.civicbackbone.vision.internal.CommonAgenda.Version;

/** The common agenda's tables through a mapper (ADR 0009): every version of an initiative in four queries. */
public interface AgendaRecords {

    /** A version's row. */
    record VersionRow(long id, int number, String problemStatement, String vision, String createdBy,
                      Instant createdAt, Long proposalId) {
    }

    /** A goal's row, with its version. */
    record GoalRow(long id, long versionId, int number, String title, String outcome) {
    }

    /** A strategy's row, with its goal. */
    record StrategyRow(long goalId, String title, String description) {
    }

    /** One indicator a goal is tracked by. */
    record GoalIndicator(long goalId, long indicatorId) {
    }

    @Select("SELECT id, number, problem_statement, vision, created_by, created_at, proposal_id FROM vs_version "
            + "WHERE initiative_id = #{initiativeId} ORDER BY number")
    List<VersionRow> versionRows(String initiativeId);

    @Select("SELECT g.id, g.version_id, g.number, g.title, g.outcome FROM vs_goal g "
            + "JOIN vs_version v ON v.id = g.version_id WHERE v.initiative_id = #{initiativeId} "
            + "ORDER BY g.version_id, g.number")
    List<GoalRow> goalRows(String initiativeId);

    @Select("SELECT s.goal_id, s.title, s.description FROM vs_strategy s JOIN vs_goal g ON g.id = s.goal_id "
            + "JOIN vs_version v ON v.id = g.version_id WHERE v.initiative_id = #{initiativeId} "
            + "ORDER BY s.goal_id, s.position")
    List<StrategyRow> strategyRows(String initiativeId);

    @Select("SELECT gi.goal_id, gi.indicator_id FROM vs_goal_indicator gi JOIN vs_goal g ON g.id = gi.goal_id "
            + "JOIN vs_version v ON v.id = g.version_id WHERE v.initiative_id = #{initiativeId} "
            + "ORDER BY gi.goal_id, gi.position")
    List<GoalIndicator> goalIndicators(String initiativeId);

    @Select("SELECT COALESCE(MAX(number), 0) + 1 FROM vs_version WHERE initiative_id = #{initiativeId}")
    int nextNumber(String initiativeId);

    @Insert("INSERT INTO vs_version (initiative_id, number, problem_statement, vision, created_by, created_at) "
            + "VALUES (#{initiativeId}, #{number}, #{problemStatement}, #{vision}, #{createdBy}, #{createdAt})")
    @Options(useGeneratedKeys = true, keyProperty = "key.id", keyColumn = "id")
    void insertVersion(@Param("key") GeneratedKey key, @Param("initiativeId") String initiativeId,
                       @Param("number") int number, @Param("problemStatement") String problemStatement,
                       @Param("vision") String vision, @Param("createdBy") String createdBy,
                       @Param("createdAt") Instant createdAt);

    @Insert("INSERT INTO vs_goal (version_id, number, title, outcome) VALUES (#{versionId}, #{number}, #{title}, "
            + "#{outcome})")
    @Options(useGeneratedKeys = true, keyProperty = "key.id", keyColumn = "id")
    void insertGoal(@Param("key") GeneratedKey key, @Param("versionId") long versionId, @Param("number") int number,
                    @Param("title") String title, @Param("outcome") String outcome);

    @Insert("INSERT INTO vs_goal_indicator (goal_id, position, indicator_id) VALUES (#{goalId}, #{position}, "
            + "#{indicatorId})")
    void insertGoalIndicator(@Param("goalId") long goalId, @Param("position") int position,
                             @Param("indicatorId") long indicatorId);

    @Insert("INSERT INTO vs_strategy (goal_id, position, title, description) VALUES (#{goalId}, #{position}, "
            + "#{title}, #{description})")
    void insertStrategy(@Param("goalId") long goalId, @Param("position") int position, @Param("title") String title,
                        @Param("description") String description);

    /** Puts a version to a proposal, only if no other proposal took it since {@code seen} (its last, or null) was read. */
    @Update("UPDATE vs_version SET proposal_id = #{proposalId} WHERE initiative_id = #{initiativeId} "
            + "AND number = #{number} AND (proposal_id = #{seen,jdbcType=BIGINT} OR proposal_id IS NULL "
            + "AND #{seen,jdbcType=BIGINT} IS NULL)")
    int setProposal(@Param("initiativeId") String initiativeId, @Param("number") int number,
                    @Param("proposalId") long proposalId, @Param("seen") Long seen);

    /** Every version of the initiative as stored, oldest first, its status still to be read from its proposal. */
    default List<Version> versions(String initiativeId) {
        Map<Long, List<Strategy>> strategies = new LinkedHashMap<>();
        strategyRows(initiativeId).forEach(s -> strategies.computeIfAbsent(s.goalId(), k -> new ArrayList<>())
                .add(new Strategy(s.title(), s.description())));
        Map<Long, List<Long>> indicators = new LinkedHashMap<>();
        goalIndicators(initiativeId).forEach(i -> indicators.computeIfAbsent(i.goalId(), k -> new ArrayList<>())
                .add(i.indicatorId()));
        Map<Long, List<Goal>> goals = new LinkedHashMap<>();
        goalRows(initiativeId).forEach(g -> goals.computeIfAbsent(g.versionId(), k -> new ArrayList<>())
                .add(new Goal(g.number(), g.title(), g.outcome(), indicators.getOrDefault(g.id(), List.of()),
                        strategies.getOrDefault(g.id(), List.of()))));
        return versionRows(initiativeId).stream().map(v -> new Version(v.number(), initiativeId, Status.DRAFT,
                v.problemStatement(), v.vision(), goals.getOrDefault(v.id(), List.of()), v.createdBy(), v.createdAt(),
                v.proposalId(), null, null)).toList();
    }
}
