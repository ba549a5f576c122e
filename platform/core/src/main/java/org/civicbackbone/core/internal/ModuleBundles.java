package org.civicbackbone.core.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.karaf.features.BundleInfo;
import org.apache.karaf.features.Feature;
import org.civicbackbone.api.module.BackboneFunction;
import org.civicbackbone.api.module.StructureModel;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;

/** Which of a module feature's bundles are the module itself, as opposed to libraries it brings along. */
final class ModuleBundles {

    private ModuleBundles() {
    }

    /**
     * The feature's installed bundles that register a function or a structure model. A library the feature also
     * brings may serve other features, and is left to Karaf's deployer.
     */
    static List<Bundle> own(BundleContext context, Feature feature) {
        List<Bundle> own = new ArrayList<>();
        for (BundleInfo info : feature.getBundles()) {
            Bundle bundle = context.getBundle(info.getLocation());
            ServiceReference<?>[] registered = bundle == null ? null : bundle.getRegisteredServices();
            if (registered != null && Arrays.stream(registered).anyMatch(ModuleBundles::isModuleService)) {
                own.add(bundle);
            }
        }
        return own;
    }

    private static boolean isModuleService(ServiceReference<?> reference) {
        List<String> classes = List.of((String[]) reference.getProperty(Constants.OBJECTCLASS));
        return classes.contains(BackboneFunction.class.getName()) || classes.contains(StructureModel.class.getName());
    }
}
