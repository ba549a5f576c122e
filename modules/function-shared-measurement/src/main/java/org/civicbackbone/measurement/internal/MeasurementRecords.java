package org.civicbackbone.measurement.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;
import org.civicbackbone.api.store.BackboneStore;
import org.civicbackbone.api.store.GeneratedKey;

/** Indicators and reported values, read and written through a mapper (ADR 0009); rows matched by column name. */
public interface MeasurementRecords {

    /** One value in the CSV export, in the import's columns. */
    record ExportRow(String name, String period, String partner, BigDecimal amount, String dimension, String category) {
    }

    String INDICATOR = "SELECT id, initiative_id, name, definition, unit, direction, aggregation, reporting_period, "
            + "baseline, baseline_date, target, target_date, minimum, maximum FROM sm_indicator";

    @Select(INDICATOR + " WHERE initiative_id = #{initiativeId} ORDER BY id")
    List<Indicator> indicators(String initiativeId);

    /** The indicators of these initiatives (distinct ids), in one query. */
    @Select("SELECT i.id, i.initiative_id, i.name, i.definition, i.unit, i.direction, i.aggregation, "
            + "i.reporting_period, i.baseline, i.baseline_date, i.target, i.target_date, i.minimum, i.maximum FROM "
            + BackboneStore.CHOSEN_INITIATIVES + " JOIN sm_indicator i ON i.initiative_id = chosen.initiative_id "
            + "ORDER BY i.id")
    List<Indicator> indicatorsOf(@Param("initiativeIds") String[] initiativeIds);

    @Select(INDICATOR + " WHERE initiative_id = #{initiativeId} AND id = #{id}")
    Indicator indicator(@Param("initiativeId") String initiativeId, @Param("id") long id);

    @Insert("INSERT INTO sm_indicator (initiative_id, name, definition, unit, direction, aggregation, reporting_period, "
            + "baseline, baseline_date, target, target_date, minimum, maximum) VALUES (#{initiativeId}, #{name}, "
            + "#{definition}, #{unit}, #{direction}, #{aggregation}, #{period}, #{baseline}, #{baselineDate}, #{target}, "
            + "#{targetDate}, #{minimum}, #{maximum})")
    @Options(useGeneratedKeys = true, keyProperty = "key.id", keyColumn = "id")
    void insertIndicator(@Param("key") GeneratedKey key, @Param("initiativeId") String initiativeId,
                         @Param("name") String name, @Param("definition") String definition, @Param("unit") String unit,
                         @Param("direction") Direction direction, @Param("aggregation") Aggregation aggregation,
                         @Param("period") PeriodType period, @Param("baseline") BigDecimal baseline,
                         @Param("baselineDate") LocalDate baselineDate, @Param("target") BigDecimal target,
                         @Param("targetDate") LocalDate targetDate, @Param("minimum") BigDecimal minimum,
                         @Param("maximum") BigDecimal maximum);

    @Update("UPDATE sm_indicator SET name = #{name}, definition = #{spec.definition}, unit = #{spec.unit}, "
            + "direction = #{spec.direction}, aggregation = #{spec.aggregation}, reporting_period = "
            + "#{spec.reportingPeriod}, baseline = #{spec.baseline}, baseline_date = #{spec.baselineDate}, target = "
            + "#{spec.target}, target_date = #{spec.targetDate}, minimum = #{spec.minimum}, maximum = #{spec.maximum} "
            + "WHERE id = #{id}")
    void updateIndicator(@Param("id") long id, @Param("name") String name, @Param("spec") IndicatorSpec spec);

    /** How many values an indicator holds, and the least and the most of them (null when none). */
    record ValueRange(long values, BigDecimal least, BigDecimal most) {
    }

    @Select("SELECT COUNT(*) AS \"values\", MIN(amount) AS least, MAX(amount) AS most FROM sm_value "
            + "WHERE indicator_id = #{indicatorId}")
    ValueRange valueRange(long indicatorId);

    @Select("SELECT id, indicator_id, period, partner, dimension, category, amount AS \"value\", reported_by, reported_at, "
            + "organisation_id FROM sm_value WHERE indicator_id = #{indicatorId} ORDER BY period, partner, dimension, category")
    List<ReportedValue> values(long indicatorId);

    @Select("SELECT id, indicator_id, period, partner, dimension, category, amount AS \"value\", reported_by, reported_at, "
            + "organisation_id FROM sm_value WHERE indicator_id = #{indicatorId} AND period = #{period} "
            + "AND partner = #{partner} AND dimension = #{dimension} AND category = #{category}")
    ReportedValue value(@Param("indicatorId") long indicatorId, @Param("period") String period,
                        @Param("partner") String partner, @Param("dimension") String dimension,
                        @Param("category") String category);

    @Update("UPDATE sm_value SET amount = #{amount}, reported_by = #{by}, reported_at = #{at}, organisation_id = "
            + "#{organisationId} WHERE indicator_id = "
            + "#{indicatorId} AND period = #{period} AND partner = #{partner} AND dimension = #{dimension} "
            + "AND category = #{category}")
    int updateValue(@Param("indicatorId") long indicatorId, @Param("period") String period,
                    @Param("partner") String partner, @Param("dimension") String dimension,
                    @Param("category") String category, @Param("amount") BigDecimal amount, @Param("by") String by,
                    @Param("at") Instant at, @Param("organisationId") long organisationId);

    @Insert("INSERT INTO sm_value (indicator_id, period, partner, dimension, category, amount, reported_by, reported_at, "
            + "organisation_id) VALUES (#{indicatorId}, #{period}, #{partner}, #{dimension}, #{category}, #{amount}, "
            + "#{by}, #{at}, #{organisationId})")
    void insertValue(@Param("indicatorId") long indicatorId, @Param("period") String period,
                     @Param("partner") String partner, @Param("dimension") String dimension,
                     @Param("category") String category, @Param("amount") BigDecimal amount, @Param("by") String by,
                     @Param("at") Instant at, @Param("organisationId") long organisationId);

    @Select("SELECT i.name, v.period, v.partner, v.amount, v.dimension, v.category FROM sm_value v "
            + "JOIN sm_indicator i ON i.id = v.indicator_id WHERE i.initiative_id = #{initiativeId} "
            + "ORDER BY i.id, v.period, v.partner, v.dimension, v.category")
    List<ExportRow> export(String initiativeId);
}
