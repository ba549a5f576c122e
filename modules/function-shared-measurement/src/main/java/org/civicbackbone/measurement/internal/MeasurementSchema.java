package org.civicbackbone.measurement.internal;

import java.util.List;
import org.civicbackbone.api.store.SchemaMigration;

/** The module's tables; they stay when the module is uninstalled. */
final class MeasurementSchema {

    static final String MODULE = "function-shared-measurement";

    static final List<SchemaMigration> MIGRATIONS = List.of(new SchemaMigration(1, "indicators and values", """
            CREATE TABLE sm_indicator (
              id BIGINT AUTO_INCREMENT PRIMARY KEY,
              initiative_id VARCHAR(64) NOT NULL,
              name VARCHAR(200) NOT NULL,
              definition VARCHAR(2000) NOT NULL,
              unit VARCHAR(50) NOT NULL,
              direction VARCHAR(8) NOT NULL,
              aggregation VARCHAR(8) NOT NULL,
              reporting_period VARCHAR(8) NOT NULL,
              baseline DECIMAL(20, 6) NOT NULL,
              baseline_date DATE NOT NULL,
              target DECIMAL(20, 6) NOT NULL,
              target_date DATE NOT NULL,
              CONSTRAINT sm_indicator_name UNIQUE (initiative_id, name));
            CREATE TABLE sm_value (
              id BIGINT AUTO_INCREMENT PRIMARY KEY,
              indicator_id BIGINT NOT NULL REFERENCES sm_indicator(id),
              period VARCHAR(20) NOT NULL,
              partner VARCHAR(200) NOT NULL,
              dimension VARCHAR(100) NOT NULL,
              category VARCHAR(100) NOT NULL,
              amount DECIMAL(20, 6) NOT NULL,
              reported_by VARCHAR(100) NOT NULL,
              reported_at TIMESTAMP WITH TIME ZONE NOT NULL,
              CONSTRAINT sm_value_slot UNIQUE (indicator_id, period, partner, dimension, category));
            CREATE TABLE sm_demo_loaded (
              initiative_id VARCHAR(64) PRIMARY KEY);
            """), new SchemaMigration(2, "corrections keep the old and the new value", """
            CREATE TABLE sm_value_correction (
              id BIGINT AUTO_INCREMENT PRIMARY KEY,
              value_id BIGINT NOT NULL REFERENCES sm_value(id),
              old_amount DECIMAL(20, 6) NOT NULL,
              new_amount DECIMAL(20, 6) NOT NULL,
              corrected_by VARCHAR(100) NOT NULL,
              corrected_at TIMESTAMP WITH TIME ZONE NOT NULL);
            CREATE INDEX sm_value_correction_value ON sm_value_correction(value_id);
            """));

    private MeasurementSchema() {
    }
}
