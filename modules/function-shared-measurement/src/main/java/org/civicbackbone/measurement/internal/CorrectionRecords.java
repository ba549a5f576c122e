package org.civicbackbone.measurement.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/**
 * Corrections of reported values through a mapper (ADR 0009): reporting the same partner, period and slice again
 * replaces the value, and the value as it was and as it became are kept here, in the same transaction.
 */
public interface CorrectionRecords {

    /** A correction: the value as it was and as it became. */
    record Correction(long valueId, BigDecimal oldValue, BigDecimal newValue, String correctedBy, Instant correctedAt) {
    }

    @Select("SELECT amount FROM sm_value WHERE indicator_id = #{indicatorId} AND period = #{period} "
            + "AND partner = #{partner} AND dimension = #{dimension} AND category = #{category} FOR UPDATE")
    BigDecimal lockedAmount(@Param("indicatorId") long indicatorId, @Param("period") String period,
                            @Param("partner") String partner, @Param("dimension") String dimension,
                            @Param("category") String category);

    @Insert("INSERT INTO sm_value_correction (value_id, old_amount, new_amount, corrected_by, corrected_at) "
            + "VALUES (#{valueId}, #{oldAmount}, #{newAmount}, #{by}, #{at})")
    void insert(@Param("valueId") long valueId, @Param("oldAmount") BigDecimal oldAmount,
                @Param("newAmount") BigDecimal newAmount, @Param("by") String by, @Param("at") Instant at);

    @Select("SELECT k.value_id, k.old_amount AS old_value, k.new_amount AS new_value, k.corrected_by, k.corrected_at "
            + "FROM sm_value_correction k JOIN sm_value v ON v.id = k.value_id WHERE v.indicator_id = #{indicatorId} "
            + "ORDER BY k.id")
    List<Correction> rows(long indicatorId);

    /** The value already reported for the same slice (locked until commit), or null when this is the first report. */
    default BigDecimal previous(Indicator indicator, ValueReport report) {
        return lockedAmount(indicator.id(), report.period(), report.partner().strip(), report.dimensionKey(),
                report.categoryKey());
    }

    /** Keeps the value as it was and as it became. */
    default void record(ReportedValue corrected, BigDecimal previous, String actor) {
        insert(corrected.id(), previous, corrected.value(), actor, corrected.reportedAt());
    }

    /** Every correction of the indicator's values, oldest first, amounts without trailing zeros. */
    default List<Correction> of(long indicatorId) {
        return rows(indicatorId).stream().map(k -> new Correction(k.valueId(), k.oldValue().stripTrailingZeros(),
                k.newValue().stripTrailingZeros(), k.correctedBy(), k.correctedAt())).toList();
    }
}
