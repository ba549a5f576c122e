package org.civicbackbone.api.module;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Installs and uninstalls function and structure modules while the platform runs. Operations run in the
 * background, one at a time; {@link #module(String)} shows their progress and outcome. Installing or uninstalling a
 * module never refreshes or restarts other bundles. Unknown modules are 404 problems.
 */
@ProviderType
public interface ModuleManagement {

    /** Every module in the features repositories, installed or not, functions first. */
    List<ModuleStatus> modules();

    /** One module. */
    ModuleStatus module(String moduleId);

    /** Starts installing a module (nothing happens if it is installed); returns its status. */
    ModuleStatus install(String moduleId, String actor);

    /**
     * Starts uninstalling a module; returns its status, whose {@code usedBy} names the initiatives that lose it.
     * Their data stays, and a reinstall restores it.
     */
    ModuleStatus uninstall(String moduleId, String actor);

    /**
     * Whether this node has caught up, since it started, with the module set chosen through any node on the same
     * database: until then it is not ready to serve (health answers STARTING). Later changes chosen elsewhere are
     * applied while it serves.
     */
    boolean caughtUp();
}
