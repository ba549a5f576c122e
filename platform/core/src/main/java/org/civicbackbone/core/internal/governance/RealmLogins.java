package org.civicbackbone.core.internal.governance;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.karaf.jaas.config.JaasRealm;
import org.apache.karaf.jaas.modules.BackingEngine;
import org.apache.karaf.jaas.modules.BackingEngineFactory;
import org.civicbackbone.core.internal.RealmEngines;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The logins of the platform's JAAS realm ({@code karaf}), read through the backing engines Karaf registers for its
 * login modules (the properties file by default), so that a seat whose login does not exist (a typo) is shown as a
 * set-up problem instead of counting as a voter who never votes.
 */
@Component(service = RealmLogins.class)
public class RealmLogins {

    private final List<JaasRealm> realms = new CopyOnWriteArrayList<>();
    private final List<BackingEngineFactory> factories = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addRealm(JaasRealm realm) {
        realms.add(realm);
    }

    void removeRealm(JaasRealm realm) {
        realms.remove(realm);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addFactory(BackingEngineFactory factory) {
        factories.add(factory);
    }

    void removeFactory(BackingEngineFactory factory) {
        factories.remove(factory);
    }

    /**
     * Runs a write to the realm's logins alone in this JVM: an engine saves the whole file it loaded, so two writers
     * at once (the demo's logins at start, an admin's new login) can each undo the other, or save a copy read while
     * the other was writing, which loses every login after the point it was read to.
     */
    public synchronized <T> T writing(java.util.function.Supplier<T> write) {
        return write.get();
    }

    /** The engine that can write the realm's logins (its properties file), or null when it keeps them elsewhere. */
    public BackingEngine writableEngine() {
        return RealmEngines.propertiesEngine(realms, factories);
    }

    /**
     * The names of the realm's logins; empty when they cannot be listed (LDAP, say). Logins named but not found are
     * looked for once more: Karaf rewrites its users file in place, and a read in the middle comes up short.
     */
    public Optional<Set<String>> names(Collection<String> expected) {
        Optional<Set<String>> names = read();
        if (names.isPresent() && !names.get().containsAll(expected)) {
            Set<String> again = new HashSet<>(names.get());
            read().ifPresent(again::addAll);
            return Optional.of(again);
        }
        return names;
    }

    private Optional<Set<String>> read() {
        List<BackingEngine> engines = RealmEngines.of(realms, factories);
        if (engines.isEmpty()) {
            return Optional.empty();
        }
        Set<String> names = new HashSet<>();
        engines.forEach(engine -> engine.listUsers().forEach(user -> names.add(user.getName())));
        return Optional.of(names);
    }
}
