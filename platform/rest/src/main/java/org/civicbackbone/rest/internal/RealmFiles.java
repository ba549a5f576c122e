package org.civicbackbone.rest.internal;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import javax.security.auth.login.AppConfigurationEntry;
import org.apache.karaf.jaas.config.JaasRealm;

/**
 * The files a JAAS realm keeps its logins in (the {@code users} option of Karaf's properties login module,
 * {@code etc/users.properties}), watched by their size and time of change. {@code jaas:} shell commands, the
 * platform's own login changes and an edit by hand all write the file, so a change of a password or a role shows
 * here on the next request; each login's entry (its password hash, roles and groups' roles) is kept as a
 * fingerprint so that a change ends only the sessions of the logins it touched.
 */
final class RealmFiles {

    private static final String GROUP_PREFIX = "_g_:";

    private volatile List<Path> files = List.of();
    private volatile long stamp;
    private volatile Map<String, String> fingerprints = Map.of();

    /** Watches the files of the realm named {@code name} among these realms. */
    void watch(Collection<JaasRealm> realms, String name) {
        List<Path> found = new ArrayList<>();
        for (JaasRealm realm : realms) {
            if (!name.equals(realm.getName())) {
                continue;
            }
            for (AppConfigurationEntry entry : realm.getEntries()) {
                for (Object value : entry.getOptions().values()) {
                    Path file = file(value);
                    if (file != null) {
                        found.add(file);
                    }
                }
            }
        }
        files = List.copyOf(found);
        stamp = stamp();
        fingerprints = read();
    }

    /** Whether a watched file was written since the last call (or since {@link #watch}). */
    boolean changed() {
        long now = stamp();
        if (now == stamp) {
            return false;
        }
        stamp = now;
        fingerprints = read();
        return true;
    }

    /** Whether a watched file was written within the last {@code millis}. */
    boolean writtenWithinMillis(long millis) {
        long now = System.currentTimeMillis();
        for (Path file : files) {
            try {
                if (now - Files.getLastModifiedTime(file).toMillis() < millis) {
                    return true;
                }
            } catch (IOException e) {
                return true; // gone for a moment: being replaced
            }
        }
        return false;
    }

    /** The files' size and time of change now, without taking it as seen. */
    long current() {
        return stamp();
    }

    /**
     * A digest of the login's entry as the files last read hold it (password hash, roles, its groups' roles); null
     * when no watched file names the login (a realm that keeps its logins elsewhere).
     */
    String fingerprint(String login) {
        return fingerprints.get(login);
    }

    private Map<String, String> read() {
        Map<String, String> read = new HashMap<>();
        for (Path file : files) {
            Properties entries = new Properties();
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                entries.load(in);
            } catch (IOException e) {
                continue; // gone or unreadable: its logins have no entry, so their sessions end
            }
            for (String login : entries.stringPropertyNames()) {
                if (login.startsWith(GROUP_PREFIX)) {
                    continue;
                }
                StringBuilder entry = new StringBuilder(entries.getProperty(login));
                for (String part : entries.getProperty(login).split(",")) {
                    if (part.trim().startsWith(GROUP_PREFIX)) {
                        entry.append('|').append(entries.getProperty(part.trim(), ""));
                    }
                }
                read.merge(login, digest(entry.toString()), (a, b) -> digest(a + b));
            }
        }
        return Map.copyOf(read);
    }

    private static String digest(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    private long stamp() {
        long stamp = 17;
        for (Path file : files) {
            try {
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                stamp = stamp * 31 + attributes.lastModifiedTime().toMillis() * 1_000_003L + attributes.size();
                Object key = attributes.fileKey();
                stamp = stamp * 31 + (key == null ? 0 : key.hashCode());
            } catch (IOException e) {
                stamp = stamp * 31 - 1; // gone or unreadable: a change too
            }
        }
        return stamp;
    }

    /** The option's value as a file of the realm, or null when it names none (most options are flags). */
    private static Path file(Object value) {
        if (!(value instanceof String text) || text.isBlank() || !(text.contains("/") || text.contains("\\"))) {
            return null;
        }
        try {
            Path path = Path.of(text);
            return Files.isRegularFile(path) ? path : null;
        } catch (InvalidPathException e) {
            return null;
        }
    }
}
