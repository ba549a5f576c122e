package org.civicbackbone.core.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeaturesService;
import org.civicbackbone.api.initiative.Initiative;
import org.civicbackbone.api.initiative.InitiativeService;
import org.civicbackbone.api.module.ModuleCatalogue;
import org.civicbackbone.api.module.ModuleManagement;
import org.civicbackbone.api.module.ModuleStatus;
import org.civicbackbone.api.problem.Problem;
import org.civicbackbone.api.problem.ProblemException;
import org.civicbackbone.api.store.BackboneStore;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Modules are the {@code backbone-function-*} and {@code backbone-structure-*} features. Operations run on one
 * background thread, without automatic bundle refresh so that no unrelated bundle restarts; Karaf keeps the set of
 * installed features across restarts. A module being uninstalled is stopped first (its own bundles: those that
 * register its function or structure model), so it leaves its users at once instead of after Karaf's deployer has
 * worked out the whole new state (about half a second); should the uninstall fail, they are started again. An
 * install or uninstall asked of this node is also recorded in the database as the choice for every node on it, which
 * {@link ModuleSet} applies on the others (ADR 0019).
 */
@Component(service = {ModuleManagement.class, KarafModuleManagement.class})
public class KarafModuleManagement implements ModuleManagement {

    private static final Logger LOG = LoggerFactory.getLogger(KarafModuleManagement.class);

    /** How many times a module's deployment is tried before its operation is reported failed. */
    private static final int ATTEMPTS = 3;

    /** The last operation on a module. */
    private record Operation(String state, String message, Instant at) {
    }

    private final FeaturesService features;
    private final ModuleCatalogue catalogue;
    private final InitiativeService initiatives;
    private final BackboneStore store;
    private final BundleContext bundles;
    private final Map<String, Operation> operations = new ConcurrentHashMap<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "backbone-modules"));
    /** Set once a look at the chosen module set found nothing left to do here (ADR 0019). */
    private volatile boolean caughtUp;

    @Activate
    public KarafModuleManagement(@Reference FeaturesService features, @Reference ModuleCatalogue catalogue,
                                 @Reference InitiativeService initiatives, @Reference BackboneStore store,
                                 BundleContext bundles) {
        this.features = features;
        this.bundles = bundles;
        this.catalogue = catalogue;
        this.initiatives = initiatives;
        this.store = store;
        store.migrate(CoreSchema.MODULE, CoreSchema.MIGRATIONS);
    }

    @Deactivate
    void deactivate() {
        worker.shutdownNow();
    }

    /** Stops the module's own bundles, then has Karaf's deployer uninstall the feature; starts them again if it fails. */
    private void uninstall(Feature f, EnumSet<FeaturesService.Option> options) throws Exception {
        List<Bundle> own = ModuleBundles.own(bundles, f);
        try {
            for (Bundle b : own) {
                b.stop(Bundle.STOP_TRANSIENT);
            }
            features.uninstallFeature(f.getName(), f.getVersion(), options);
        } catch (Exception e) { // a bundle that would not stop, or the deployer failing: what was stopped serves again
            for (Bundle b : own) {
                if (b.getState() == Bundle.RESOLVED) {
                    b.start(Bundle.START_TRANSIENT);
                }
            }
            throw e;
        }
    }

    private static boolean isModule(Feature f) {
        return f.getName().startsWith("backbone-function-") || f.getName().startsWith("backbone-structure-");
    }

    private List<Feature> moduleFeatures() {
        try {
            List<Feature> all = new ArrayList<>();
            for (Feature f : features.listFeatures()) {
                if (isModule(f) && all.stream().noneMatch(o -> o.getName().equals(f.getName()))) {
                    all.add(f);
                }
            }
            all.sort(Comparator.comparing((Feature f) -> f.getName().startsWith("backbone-structure-"))
                    .thenComparing(Feature::getName));
            return all;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read the features repositories: " + e.getMessage(), e);
        }
    }

    private Feature feature(String moduleId) {
        return moduleFeatures().stream().filter(f -> f.getName().equals("backbone-" + moduleId)).findFirst()
                .orElseThrow(() -> new ProblemException(Problem.notFound("There is no module '" + moduleId
                        + "' in this platform's features repositories.")));
    }

    private ModuleStatus status(Feature f, List<Initiative> all) {
        String id = f.getName().substring("backbone-".length());
        boolean function = id.startsWith("function-");
        String shortId = id.substring(id.indexOf('-') + 1);
        boolean installed = features.isInstalled(f);
        boolean active = function ? catalogue.function(shortId).isPresent() : catalogue.structureModel(shortId).isPresent();
        List<String> usedBy = all.stream()
                .filter(i -> function ? i.uses(shortId) : i.structureModelId().equals(shortId))
                .map(Initiative::id).toList();
        Operation op = operations.get(id);
        String state;
        if (op != null && (op.state().equals("installing") || op.state().equals("uninstalling") || op.state().equals("failed"))) {
            state = op.state();
        } else if (installed) {
            state = active ? "active" : "installed";
        } else {
            state = "available";
        }
        return new ModuleStatus(id, function ? "function" : "structure",
                f.getDescription() == null ? f.getName() : f.getDescription(), f.getVersion(), installed, state, usedBy,
                op == null ? null : op.message(), op == null ? null : op.at());
    }

    @Override
    public List<ModuleStatus> modules() {
        List<Initiative> all = initiatives.list();
        return moduleFeatures().stream().map(f -> status(f, all)).toList();
    }

    @Override
    public ModuleStatus module(String moduleId) {
        return status(feature(moduleId), initiatives.list());
    }

    @Override
    public ModuleStatus install(String moduleId, String actor) {
        return choose(moduleId, true, actor);
    }

    @Override
    public ModuleStatus uninstall(String moduleId, String actor) {
        return choose(moduleId, false, actor);
    }

    /**
     * Records the choice for every node on the database (ADR 0019), then applies it here; never while
     * {@link #follow} compares this node with the choices, so it cannot act on a choice read before this one.
     */
    private synchronized ModuleStatus choose(String moduleId, boolean install, String actor) {
        Feature f = feature(moduleId);
        refuseWhileBusy(moduleId); // before the choice is recorded: an install asked mid-uninstall must not read as done
        store.exclusively("modules", () -> store.inTransaction(c -> {
            store.mapper(c, ModuleChoiceRecords.class).choose(moduleId, install, actor);
            return null;
        }));
        if (features.isInstalled(f) == install) {
            return module(moduleId);
        }
        return start(moduleId, f, install, actor);
    }

    /**
     * Brings this node's modules to the states chosen through some node ({@link ModuleSet}), except those already
     * there, on their way, or that failed to get there within the last minute (tried again after that, not every
     * few seconds). The features repositories are read once for all the choices.
     */
    synchronized void follow(java.util.function.Supplier<List<ModuleChoiceRecords.ModuleChoice>> chosen) {
        List<ModuleChoiceRecords.ModuleChoice> choices = chosen.get(); // read under the lock: never older than a choice made here
        if (choices.isEmpty()) {
            caughtUp = true;
            return;
        }
        boolean behind = false;
        Map<String, Feature> offered = new java.util.HashMap<>();
        moduleFeatures().forEach(f -> offered.put(f.getName(), f));
        for (ModuleChoiceRecords.ModuleChoice choice : choices) {
            Feature f = offered.get("backbone-" + choice.moduleId());
            if (f == null || features.isInstalled(f) == choice.installed()) {
                continue; // a module this node's repositories do not offer stays out
            }
            Operation op = operations.get(choice.moduleId());
            if (op != null && (op.state().equals("installing") || op.state().equals("uninstalling"))) {
                behind = true;
                continue;
            }
            if (op != null && op.state().equals("failed") && op.at().isAfter(Instant.now().minusSeconds(60))) {
                continue; // failed here: health names the module; the node serves the rest
            }
            behind = true;
            start(choice.moduleId(), f, choice.installed(), "the cluster's choice (" + choice.chosenBy() + ")");
        }
        if (!behind) {
            caughtUp = true;
        }
    }

    @Override
    public boolean caughtUp() {
        return caughtUp;
    }

    /** A module being installed or uninstalled takes no other request until that is done (409). */
    private void refuseWhileBusy(String moduleId) {
        Operation current = operations.get(moduleId);
        if (current != null && (current.state().equals("installing") || current.state().equals("uninstalling"))) {
            throw new ProblemException(Problem.conflict("Module '" + moduleId + "' is already " + current.state()
                    + "; ask again once that is done."));
        }
    }

    private synchronized ModuleStatus start(String moduleId, Feature f, boolean install, String actor) {
        refuseWhileBusy(moduleId);
        String verb = install ? "installing" : "uninstalling";
        operations.put(moduleId, new Operation(verb, verb + " requested by " + actor, Instant.now()));
        worker.submit(() -> {
            try {
                apply(f, install);
                operations.put(moduleId, new Operation("done", (install ? "installed" : "uninstalled") + " by " + actor,
                        Instant.now()));
                LOG.info("Module {} {} by {}", moduleId, install ? "installed" : "uninstalled", actor);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // this component is going away; the next node start follows the choice
            } catch (Exception e) {
                LOG.error("Could not {} module {}", install ? "install" : "uninstall", moduleId, e);
                operations.put(moduleId, new Operation("failed", "could not " + (install ? "install" : "uninstall")
                        + ": " + e.getMessage(), Instant.now()));
            }
        });
        return module(moduleId);
    }

    /**
     * One install or uninstall by Karaf's deployer, tried up to {@link #ATTEMPTS} times: a deployment can fail for a
     * moment while bundles elsewhere change state, and a module an admin asked for should not wait a minute for the
     * next look at the chosen set ({@link #follow}) because of that. A module that cannot be deployed fails each try.
     */
    private void apply(Feature f, boolean install) throws Exception {
        EnumSet<FeaturesService.Option> options = EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles);
        for (int attempt = 1; ; attempt++) {
            try {
                if (features.isInstalled(f) == install) {
                    return; // an earlier try got there before it failed
                }
                if (install) {
                    features.installFeature(f.getName(), f.getVersion(), options);
                } else {
                    uninstall(f, options);
                }
                return;
            } catch (Exception e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                LOG.warn("Could not {} {} (try {} of {}); trying again in {} s", install ? "install" : "uninstall",
                        f.getName(), attempt, ATTEMPTS, attempt, e);
                Thread.sleep(1000L * attempt);
            }
        }
    }
}
