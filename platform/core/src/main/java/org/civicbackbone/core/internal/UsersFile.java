package org.civicbackbone.core.internal;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.civicbackbone.api.store.BackboneStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Karaf's {@code etc/users.properties} read as the seed of the logins in the database (ADR 0020): a login the
 * database does not have yet is copied in with its password (hashed if it was plain) and its roles, its groups'
 * roles included; a login the database has is left as the database has it. So a distribution's shipped admin, and
 * logins an operator wrote into the file before the first start, can sign in on every node.
 */
final class UsersFile {

    private static final String GROUP_PREFIX = "_g_:";
    private static final Logger LOG = LoggerFactory.getLogger(UsersFile.class);

    /** A login of the file. */
    record Entry(String name, String password, Set<String> roles) {
    }

    private final List<Entry> entries;

    UsersFile(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** The file under Karaf's {@code etc} folder, if there is one. */
    static Optional<UsersFile> atKarafEtc() {
        String etc = System.getProperty("karaf.etc");
        if (etc == null) {
            return Optional.empty();
        }
        Path file = Path.of(etc, "users.properties");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Properties properties = new Properties();
            properties.load(reader);
            return Optional.of(parse(properties));
        } catch (IOException e) {
            LOG.warn("Could not read {}: its logins are not copied to the database", file, e);
            return Optional.empty();
        }
    }

    /** The logins of the file's properties: {@code name = password, role or _g_:group, ...}. */
    static UsersFile parse(Properties properties) {
        List<Entry> entries = new ArrayList<>();
        for (String name : properties.stringPropertyNames()) {
            if (name.startsWith(GROUP_PREFIX)) {
                continue;
            }
            String[] parts = properties.getProperty(name).split(",");
            Set<String> roles = new LinkedHashSet<>();
            for (int i = 1; i < parts.length; i++) {
                String role = parts[i].trim();
                if (role.startsWith(GROUP_PREFIX)) {
                    String group = properties.getProperty(role);
                    if (group != null) {
                        String[] groupParts = group.split(",");
                        for (int j = 1; j < groupParts.length; j++) {
                            roles.add(groupParts[j].trim());
                        }
                    }
                } else if (!role.isEmpty()) {
                    roles.add(role);
                }
            }
            entries.add(new Entry(name, parts[0].trim(), roles));
        }
        return new UsersFile(entries);
    }

    List<Entry> entries() {
        return entries;
    }

    /** Copies the logins the database lacks, once across nodes starting together. */
    void copyMissing(BackboneStore store, UnaryOperator<String> stored) {
        store.exclusively("realm:users-file", () -> store.inTransaction(c -> {
            store.holdUntilCommit(c, CoreSchema.LOGIN_NAMES_LOCK);
            LoginRecords logins = store.mapper(c, LoginRecords.class);
            Instant now = Instant.now();
            for (Entry entry : entries) {
                if (logins.exists(entry.name())) {
                    continue;
                }
                logins.insert(entry.name(), stored.apply(entry.password()), now);
                entry.roles().forEach(role -> logins.insertRole(entry.name(), role));
                LOG.info("Copied the login '{}' of users.properties into the database", entry.name());
            }
            return null;
        }));
    }
}
