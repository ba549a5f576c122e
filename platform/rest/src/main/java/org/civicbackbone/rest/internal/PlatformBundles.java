package org.civicbackbone.rest.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;

/**
 * The bundles built on the platform API (they import one of its packages): the platform's own and every module's.
 * Health asks on every request; the answer per bundle is kept until its wiring changes (a refresh), because reading
 * a bundle's wires cost more than the rest of a health answer.
 */
final class PlatformBundles {

    private final BundleContext context;
    private final Map<Long, Map.Entry<BundleWiring, Boolean>> known = new ConcurrentHashMap<>();

    PlatformBundles(BundleContext context) {
        this.context = context;
    }

    /** Every installed bundle built on the platform API. */
    List<Bundle> all() {
        List<Bundle> platform = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            if (builtOnApi(bundle)) {
                platform.add(bundle);
            }
        }
        return platform;
    }

    /** Whether this bundle (null: one that has just gone) imports a package of the platform API. */
    boolean builtOnApi(Bundle bundle) {
        BundleWiring wiring = bundle == null ? null : bundle.adapt(BundleWiring.class);
        if (wiring == null) {
            return false;
        }
        Map.Entry<BundleWiring, Boolean> answer = known.get(bundle.getBundleId());
        if (answer != null && answer.getKey() == wiring) {
            return answer.getValue();
        }
        boolean uses = importsPlatformApi(wiring);
        known.put(bundle.getBundleId(), Map.entry(wiring, uses));
        return uses;
    }

    private static boolean importsPlatformApi(BundleWiring wiring) {
        for (BundleWire wire : wiring.getRequiredWires("osgi.wiring.package")) {
            Object pkg = wire.getCapability().getAttributes().get("osgi.wiring.package");
            if (pkg != null && pkg.toString().startsWith("org.civicbackbone.api")) {
                return true;
            }
        }
        return false;
    }
}
