package org.civicbackbone.core.internal;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.civicbackbone.api.store.BackboneStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this node's modules as they were chosen through any node on the same database (ADR 0019): every few seconds,
 * and at once on start, each recorded choice that this node does not match is applied here, one module at a time, by
 * the same feature operation as an install or uninstall asked of this node (no unrelated bundle restarts). A platform
 * whose modules were never installed or uninstalled through the API has no choices and keeps its features.
 */
@Component(service = {}, immediate = true, configurationPid = "org.civicbackbone.cluster")
@Designate(ocd = ModuleSet.Config.class)
public class ModuleSet {

    /** How often a node looks at the chosen module set. */
    @ObjectClassDefinition(name = "Civic Backbone cluster", description = "Nodes sharing one database")
    public @interface Config {
        @AttributeDefinition(name = "Module set check (s)", description = "Seconds between two looks at the module "
                + "set chosen for every node on the database")
        int moduleSetSeconds() default 2;
    }

    private static final Logger LOG = LoggerFactory.getLogger(ModuleSet.class);

    private final BackboneStore store;
    private final KarafModuleManagement modules;
    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "backbone-module-set"));

    @Activate
    public ModuleSet(Config config, @Reference BackboneStore store, @Reference KarafModuleManagement modules) {
        this.store = store;
        this.modules = modules;
        timer.scheduleWithFixedDelay(this::converge, 0, Math.max(1, config.moduleSetSeconds()), TimeUnit.SECONDS);
    }

    @Deactivate
    void stop() {
        timer.shutdownNow();
    }

    /** Applies here what was chosen elsewhere; a failure waits for the next look. */
    void converge() {
        try {
            modules.follow(() -> store.read(c -> store.mapper(c, ModuleChoiceRecords.class).choices()));
        } catch (RuntimeException e) {
            LOG.warn("Could not bring this node's modules to the chosen set; trying again shortly: {}", e.getMessage());
        }
    }
}
