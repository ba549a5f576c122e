package org.civicbackbone.core.internal;

import java.util.List;
import org.civicbackbone.api.store.SchemaMigration;

/** The core's tables: initiatives, their functions, governance bodies, memberships and the audit log. */
public final class CoreSchema {

    public static final String MODULE = "core";

    public static final List<SchemaMigration> MIGRATIONS = List.of(new SchemaMigration(1, "initiatives, bodies, audit log", """
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
            """), new SchemaMigration(2, "proposals, approval steps, votes, staff hires", """
            CREATE TABLE gov_proposal (
              id BIGINT AUTO_INCREMENT PRIMARY KEY,
              initiative_id VARCHAR(64) NOT NULL REFERENCES core_initiative(id),
              type VARCHAR(32) NOT NULL,
              title VARCHAR(300) NOT NULL,
              description VARCHAR(4000),
              beneficiary VARCHAR(200),
              module VARCHAR(100) NOT NULL,
              model_id VARCHAR(64) NOT NULL,
              rationale VARCHAR(2000),
              proposed_by VARCHAR(100) NOT NULL,
              state VARCHAR(16) NOT NULL,
              created_at TIMESTAMP WITH TIME ZONE NOT NULL,
              expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
              decided_at TIMESTAMP WITH TIME ZONE);
            CREATE TABLE gov_step (
              proposal_id BIGINT NOT NULL REFERENCES gov_proposal(id),
              step_index INT NOT NULL,
              body_type VARCHAR(64) NOT NULL,
              rule VARCHAR(32) NOT NULL,
              state VARCHAR(16) NOT NULL,
              PRIMARY KEY (proposal_id, step_index));
            CREATE TABLE gov_vote (
              id BIGINT AUTO_INCREMENT PRIMARY KEY,
              proposal_id BIGINT NOT NULL REFERENCES gov_proposal(id),
              step_index INT NOT NULL,
              voter VARCHAR(100) NOT NULL,
              organisation VARCHAR(200),
              choice VARCHAR(16) NOT NULL,
              reason VARCHAR(2000) NOT NULL,
              cast_at TIMESTAMP WITH TIME ZONE NOT NULL);
            CREATE TABLE core_staff_hire (
              proposal_id BIGINT PRIMARY KEY REFERENCES gov_proposal(id),
              initiative_id VARCHAR(64) NOT NULL REFERENCES core_initiative(id),
              person VARCHAR(200) NOT NULL,
              username VARCHAR(100),
              role VARCHAR(100) NOT NULL,
              organisation VARCHAR(200) NOT NULL,
              hired_at TIMESTAMP WITH TIME ZONE);
            """), new SchemaMigration(3, "rule adjustments and model history", """
            CREATE TABLE gov_rule_change (
              proposal_id BIGINT PRIMARY KEY REFERENCES gov_proposal(id),
              initiative_id VARCHAR(64) NOT NULL,
              model_id VARCHAR(64) NOT NULL,
              decision_type VARCHAR(32) NOT NULL,
              steps VARCHAR(2000) NOT NULL);
            CREATE TABLE gov_rule_version (
              initiative_id VARCHAR(64) NOT NULL,
              model_id VARCHAR(64) NOT NULL,
              decision_type VARCHAR(32) NOT NULL,
              version INT NOT NULL,
              steps VARCHAR(2000) NOT NULL,
              proposal_id BIGINT NOT NULL,
              effective_at TIMESTAMP WITH TIME ZONE NOT NULL,
              PRIMARY KEY (initiative_id, model_id, decision_type, version));
            CREATE TABLE gov_model_change (
              proposal_id BIGINT PRIMARY KEY REFERENCES gov_proposal(id),
              initiative_id VARCHAR(64) NOT NULL,
              from_model VARCHAR(64) NOT NULL,
              to_model VARCHAR(64) NOT NULL);
            CREATE TABLE gov_model_history (
              id BIGINT AUTO_INCREMENT PRIMARY KEY,
              initiative_id VARCHAR(64) NOT NULL,
              model_id VARCHAR(64) NOT NULL,
              effective_at TIMESTAMP WITH TIME ZONE NOT NULL,
              proposal_id BIGINT);
            """), new SchemaMigration(4, "voters fixed when a proposal opens; indexes the engine reads by", """
            CREATE TABLE gov_step_voter (
              proposal_id BIGINT NOT NULL REFERENCES gov_proposal(id),
              step_index INT NOT NULL,
              voter VARCHAR(100) NOT NULL,
              organisation VARCHAR(200),
              conflicted BOOLEAN NOT NULL,
              PRIMARY KEY (proposal_id, step_index, voter));
            CREATE INDEX gov_vote_proposal ON gov_vote(proposal_id);
            CREATE INDEX gov_proposal_initiative ON gov_proposal(initiative_id, state);
            CREATE INDEX core_membership_body ON core_membership(body_id);
            CREATE INDEX core_audit_initiative ON core_audit_log(initiative_id, id);
            """), new SchemaMigration(5, "indexes on every column the module looks rows up by", """
            CREATE INDEX core_initiative_structure_model_idx ON core_initiative(structure_model_id);
            CREATE INDEX core_initiative_function_function_idx ON core_initiative_function(function_id);
            CREATE INDEX core_membership_login_idx ON core_membership(username);
            CREATE INDEX core_staff_hire_login_idx ON core_staff_hire(username);
            CREATE INDEX core_staff_hire_initiative_idx ON core_staff_hire(initiative_id);
            CREATE INDEX gov_model_change_initiative_idx ON gov_model_change(initiative_id);
            CREATE INDEX gov_model_history_initiative_idx ON gov_model_history(initiative_id);
            CREATE INDEX gov_model_history_model_idx ON gov_model_history(model_id);
            CREATE INDEX gov_model_history_proposal_idx ON gov_model_history(proposal_id);
            CREATE INDEX gov_proposal_model_idx ON gov_proposal(model_id);
            CREATE INDEX gov_rule_change_initiative_idx ON gov_rule_change(initiative_id);
            CREATE INDEX gov_rule_change_model_idx ON gov_rule_change(model_id);
            CREATE INDEX gov_rule_version_model_idx ON gov_rule_version(model_id);
            CREATE INDEX gov_rule_version_proposal_idx ON gov_rule_version(proposal_id);
            CREATE INDEX core_body_initiative_idx ON core_body(initiative_id);
            """));

    private CoreSchema() {
    }
}
