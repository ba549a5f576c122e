package org.civicbackbone.measurement.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Flush;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;
import org.apache.ibatis.executor.BatchResult;
import org.civicbackbone.api.problem.ProblemException;
import org.civicbackbone.api.store.BackboneStore;

/**
 * Roll-ups kept on write through a mapper (ADR 0009): per indicator, period, dimension and category, how many
 * partners reported and the sum of their values, so a series or the progress of an indicator reads one row per
 * period instead of every value. Written in the transaction that writes the values.
 */
public interface RollupRecords {

    /** One period's and category's roll-up. */
    record Rollup(String period, String dimension, String category, int partners, BigDecimal total) {
    }

    /** Where a change of values lands. */
    record Key(long indicatorId, String period, String dimension, String category) {
    }

    @Select("SELECT period, dimension, category, partners, total FROM sm_rollup WHERE indicator_id = #{indicatorId} "
            + "AND dimension = '' ORDER BY period")
    List<Rollup> totals(long indicatorId);

    /** A total roll-up of one of an initiative's indicators. */
    record IndicatorTotal(long indicatorId, String period, String dimension, String category, int partners,
                          BigDecimal total) {
        Rollup rollup() {
            return new Rollup(period, dimension, category, partners, total);
        }
    }

    /** The totals of all of an initiative's indicators in one query (the overview's, which must not ask per indicator). */
    @Select("SELECT r.indicator_id, r.period, r.dimension, r.category, r.partners, r.total FROM sm_rollup r "
            + "JOIN sm_indicator i ON i.id = r.indicator_id WHERE i.initiative_id = #{initiativeId} AND r.dimension = '' "
            + "ORDER BY r.indicator_id, r.period")
    List<IndicatorTotal> initiativeTotals(String initiativeId);

    /** The same for several initiatives (distinct ids) at once ("My work", which must not ask per initiative). */
    @Select("SELECT r.indicator_id, r.period, r.dimension, r.category, r.partners, r.total FROM "
            + BackboneStore.CHOSEN_INITIATIVES + " JOIN sm_indicator i ON i.initiative_id = chosen.initiative_id "
            + "JOIN sm_rollup r ON r.indicator_id = i.id WHERE r.dimension = '' ORDER BY r.indicator_id, r.period")
    List<IndicatorTotal> initiativesTotals(@Param("initiativeIds") String[] initiativeIds);

    @Select("SELECT period, dimension, category, partners, total FROM sm_rollup WHERE indicator_id = #{indicatorId} "
            + "AND LOWER(dimension) = LOWER(#{dimension}) ORDER BY period, category")
    List<Rollup> byDimension(@Param("indicatorId") long indicatorId, @Param("dimension") String dimension);

    /** The dimensions the indicator's values are broken down by, in order. */
    @Select("SELECT DISTINCT dimension FROM sm_rollup WHERE indicator_id = #{indicatorId} AND dimension <> '' "
            + "ORDER BY dimension")
    List<String> dimensions(long indicatorId);

    /**
     * The roll-ups of one dimension; one that no value of the indicator is broken down by (a typo, or the wrong
     * indicator) is a 400 naming the query parameter {@code by} and the dimensions there are, not an empty series.
     */
    default List<Rollup> byKnownDimension(long indicatorId, String dimension) {
        List<Rollup> rollups = byDimension(indicatorId, dimension);
        List<String> known = rollups.isEmpty() ? dimensions(indicatorId) : List.of();
        if (rollups.isEmpty() && known.stream().noneMatch(dimension::equalsIgnoreCase)) {
            throw ProblemException.invalid("by", "no value of indicator " + indicatorId + " is broken down by '"
                    + dimension + "' (" + (known.isEmpty() ? "none of its values is broken down"
                    : "its values are broken down by: " + String.join(", ", known)) + ")");
        }
        return rollups;
    }

    @Update("UPDATE sm_rollup SET partners = partners + #{partners}, total = total + #{total} "
            + "WHERE indicator_id = #{k.indicatorId} AND period = #{k.period} AND dimension = #{k.dimension} "
            + "AND category = #{k.category}")
    int add(@Param("k") Key key, @Param("partners") int partners, @Param("total") BigDecimal total);

    @Insert("INSERT INTO sm_rollup (indicator_id, period, dimension, category, partners, total) "
            + "VALUES (#{k.indicatorId}, #{k.period}, #{k.dimension}, #{k.category}, #{partners}, #{total})")
    void insert(@Param("k") Key key, @Param("partners") int partners, @Param("total") BigDecimal total);

    @Delete("DELETE FROM sm_rollup WHERE indicator_id = #{indicatorId}")
    int clear(long indicatorId);

    @Insert("INSERT INTO sm_rollup (indicator_id, period, dimension, category, partners, total) "
            + "SELECT indicator_id, period, dimension, category, COUNT(*), SUM(amount) FROM sm_value "
            + "WHERE indicator_id = #{indicatorId} GROUP BY indicator_id, period, dimension, category")
    int rebuild(long indicatorId);

    /** Adds a change to a roll-up: {@code partners} more reports (0 for a correction) and {@code total} more. */
    default void change(Key key, int partners, BigDecimal total) {
        if (add(key, partners, total) == 0) {
            insert(key, partners, total);
        }
    }

    /**
     * Inserts the roll-ups of indicators that had no values (an import's, added up in memory): on a batch mapper, a
     * thousand rows a round trip. Never a look-up per key: H2 plans that on the indicator's foreign-key index while
     * the table is small and keeps the plan, which made an import of 100,000 categories scan the indicator's
     * roll-ups once for each of them.
     */
    default void insertAll(Map<Key, Rollup> rollups) {
        int queued = 0;
        for (Map.Entry<Key, Rollup> rollup : rollups.entrySet()) {
            insert(rollup.getKey(), rollup.getValue().partners(), rollup.getValue().total());
            if (++queued % 1000 == 0) {
                flush();
            }
        }
        flush();
    }

    /** Sends the statements a batch mapper queued. */
    @Flush
    List<BatchResult> flush();

    /** Computes an indicator's roll-ups again from its values (after an import that corrected values). */
    default void recompute(long indicatorId) {
        clear(indicatorId);
        rebuild(indicatorId);
    }
}
