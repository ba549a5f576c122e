package org.civicbackbone.rest.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.ws.rs.Path;
import org.civicbackbone.api.rest.RestExtensions;
import org.osgi.framework.AllServiceListener;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceReference;

/**
 * The classes of the API's resources that the JAX-RS whiteboard serves at this moment: the core's and those of every
 * module installed. They are read from the resource services when first asked after a resource service came, went or
 * changed, so a module installed or removed a moment ago counts and an unchanged platform pays for one read only.
 * Every such service counts, whichever package it is registered under ({@link AllServiceListener}).
 * Whoever makes one {@link #close}s it when done.
 */
final class ServedResources implements AllServiceListener {

    private static final String RESOURCES = "(osgi.jaxrs.resource=true)";

    private final BundleContext context;
    /** Counts the changes, so a read that a change overtook is not kept. */
    private final AtomicLong changes = new AtomicLong();
    /** The classes as last read; null once a change made them stale. */
    private volatile List<Class<?>> known;

    ServedResources(BundleContext context) {
        this.context = context;
        try {
            context.addServiceListener(this, RESOURCES);
        } catch (InvalidSyntaxException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    @Override
    public void serviceChanged(ServiceEvent event) {
        changes.incrementAndGet();
        known = null;
    }

    /** The resource classes whose address is under {@link RestExtensions#API}. */
    List<Class<?>> classes() {
        List<Class<?>> classes = known;
        if (classes == null) {
            long before = changes.get();
            classes = read();
            if (changes.get() == before) {
                known = classes;
            }
        }
        return classes;
    }

    /** Stops following the resource services. */
    void close() {
        context.removeServiceListener(this);
    }

    private List<Class<?>> read() {
        ServiceReference<?>[] references;
        try {
            references = context.getServiceReferences((String) null, RESOURCES);
        } catch (InvalidSyntaxException impossible) {
            throw new IllegalStateException(impossible);
        }
        List<Class<?>> resources = new ArrayList<>();
        for (ServiceReference<?> reference : references == null ? new ServiceReference<?>[0] : references) {
            Object resource = context.getService(reference);
            if (resource == null) {
                continue; // went away meanwhile
            }
            try {
                Path path = resource.getClass().getAnnotation(Path.class);
                if (path != null && path.value().startsWith(RestExtensions.API)) {
                    resources.add(resource.getClass());
                }
            } finally {
                context.ungetService(reference);
            }
        }
        return List.copyOf(resources);
    }
}
