package org.civicbackbone.mail.internal;

import java.util.List;
import org.civicbackbone.api.store.SchemaMigration;

/** The mail bundle's tables: a row for each digest of a day, so that a restart or a second node sends none twice. */
final class MailSchema {

    static final String MODULE = "mail";

    static final List<SchemaMigration> MIGRATIONS = List.of(new SchemaMigration(1, "each day's digest to each address",
            """
            CREATE TABLE mail_digest (
              login VARCHAR(100) NOT NULL,
              address VARCHAR(254) NOT NULL,
              digest_day DATE NOT NULL,
              state VARCHAR(20) NOT NULL,
              items INT NOT NULL,
              attempts INT NOT NULL,
              noted_at TIMESTAMP WITH TIME ZONE NOT NULL,
              error VARCHAR(1000),
              PRIMARY KEY (digest_day, login, address));
            """), new SchemaMigration(2, "how often each person wants the digest", """
            CREATE TABLE mail_choice (
              login VARCHAR(100) PRIMARY KEY,
              frequency VARCHAR(10) NOT NULL,
              chosen_at TIMESTAMP WITH TIME ZONE NOT NULL);
            """), new SchemaMigration(3, "the key that signs each letter's link to stop the digest", """
            CREATE TABLE mail_secret (
              id INT PRIMARY KEY,
              secret VARCHAR(64) NOT NULL);
            """));

    private MailSchema() {
    }
}
