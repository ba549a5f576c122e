package org.civicbackbone.policy.internal;

import java.util.List;
import org.civicbackbone.api.store.SchemaMigration;

/** The policy module's tables, versioned; {@link PolicyRecords} reads and writes them. */
final class PolicySchema {

    private PolicySchema() {
    }

    static final List<SchemaMigration> MIGRATIONS = List.of(new SchemaMigration(1, "policy items and stances", """
            CREATE TABLE pol_item (
              id BIGINT AUTO_INCREMENT PRIMARY KEY,
              initiative_id VARCHAR(64) NOT NULL,
              title VARCHAR(300) NOT NULL,
              problem VARCHAR(4000) NOT NULL,
              proposed_position VARCHAR(4000) NOT NULL,
              target_kind VARCHAR(20) NOT NULL,
              target VARCHAR(300) NOT NULL,
              stage VARCHAR(20) NOT NULL,
              position_proposal_id BIGINT,
              outcome VARCHAR(20),
              outcome_note VARCHAR(2000),
              created_by VARCHAR(100) NOT NULL,
              created_at TIMESTAMP WITH TIME ZONE NOT NULL);
            CREATE TABLE pol_stance (
              id BIGINT AUTO_INCREMENT PRIMARY KEY,
              item_id BIGINT NOT NULL REFERENCES pol_item(id),
              organisation VARCHAR(200) NOT NULL,
              stance VARCHAR(10) NOT NULL,
              named BOOLEAN NOT NULL,
              note VARCHAR(2000),
              recorded_by VARCHAR(100) NOT NULL,
              recorded_at TIMESTAMP WITH TIME ZONE NOT NULL);
            CREATE TABLE pol_demo_loaded (
              initiative_id VARCHAR(64) PRIMARY KEY);
            """), new SchemaMigration(2, "indexes on every column the module looks rows up by", """
            CREATE INDEX pol_item_initiative_idx ON pol_item(initiative_id);
            CREATE INDEX pol_item_position_proposal_idx ON pol_item(position_proposal_id);
            CREATE INDEX pol_stance_item_idx ON pol_stance(item_id);
            """));
}
