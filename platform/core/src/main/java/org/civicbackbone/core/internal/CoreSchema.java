package org.civicbackbone.core.internal;

import java.util.List;
import org.civicbackbone.api.store.SchemaMigration;

/** The core's tables: initiatives, their functions, governance bodies, memberships and the audit log. */
final class CoreSchema {

    static final String MODULE = "core";

    static final List<SchemaMigration> MIGRATIONS = List.of(new SchemaMigration(1, "initiatives, bodies, audit log", """
            CREATE TABLE core_initiative (
              id VARCHAR(64) PRIMARY KEY,
              name VARCHAR(200) NOT NULL,
              problem_statement VARCHAR(4000),
              vision VARCHAR(4000),
              structure_model_id VARCHAR(64) NOT NULL,
              demo BOOLEAN DEFAULT FALSE NOT NULL,
              created_at TIMESTAMP WITH TIME ZONE NOT NULL,
              updated_at TIMESTAMP WITH TIME ZONE NOT NULL);
            CREATE TABLE core_initiative_function (
              initiative_id VARCHAR(64) NOT NULL REFERENCES core_initiative(id),
              function_id VARCHAR(64) NOT NULL,
              PRIMARY KEY (initiative_id, function_id));
            CREATE TABLE core_body (
              id BIGINT AUTO_INCREMENT PRIMARY KEY,
              initiative_id VARCHAR(64) NOT NULL REFERENCES core_initiative(id),
              type VARCHAR(64) NOT NULL,
              name VARCHAR(200) NOT NULL);
            CREATE TABLE core_membership (
              id BIGINT AUTO_INCREMENT PRIMARY KEY,
              body_id BIGINT NOT NULL REFERENCES core_body(id),
              person VARCHAR(200),
              username VARCHAR(100),
              organisation VARCHAR(200) NOT NULL,
              role VARCHAR(100) NOT NULL,
              sector VARCHAR(32) NOT NULL);
            CREATE TABLE core_audit_log (
              id BIGINT AUTO_INCREMENT PRIMARY KEY,
              at TIMESTAMP WITH TIME ZONE NOT NULL,
              actor VARCHAR(100) NOT NULL,
              initiative_id VARCHAR(64),
              module VARCHAR(100) NOT NULL,
              action VARCHAR(100) NOT NULL,
              detail VARCHAR(2000));
            CREATE TABLE core_flag (
              name VARCHAR(100) PRIMARY KEY,
              set_at TIMESTAMP WITH TIME ZONE NOT NULL);
            """));

    private CoreSchema() {
    }
}
