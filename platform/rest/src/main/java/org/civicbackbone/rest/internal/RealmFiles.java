package org.civicbackbone.rest.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.security.auth.login.AppConfigurationEntry;
import org.apache.karaf.jaas.config.JaasRealm;

/**
 * The files a JAAS realm keeps its logins in (the {@code users} option of Karaf's properties login module,
 * {@code etc/users.properties}), watched by their size and time of change. {@code jaas:} shell commands, the
 * platform's own user changes and an edit by hand all write the file, so a change of a password or a role shows
 * here on the next request.
 */
final class RealmFiles {

    private volatile List<Path> files = List.of();
    private volatile long stamp;

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
    }

    /** Whether a watched file was written since the last call (or since {@link #watch}). */
    boolean changed() {
        long now = stamp();
        if (now == stamp) {
            return false;
        }
        stamp = now;
        return true;
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
