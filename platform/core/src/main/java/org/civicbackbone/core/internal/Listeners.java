package org.civicbackbone.core.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.osgi.service.component.ComponentServiceObjects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The listeners a core service tells of committed changes. Bound as service objects and fetched only when telling:
 * a listener that itself needs the service is then not activated while the service is (SCR would see a circular
 * reference and fail one of them for a while). A listener that throws is logged; the others are still told.
 *
 * @param <L> the listener interface
 */
public final class Listeners<L> {

    private static final Logger LOG = LoggerFactory.getLogger(Listeners.class);

    private final List<ComponentServiceObjects<L>> bound = new CopyOnWriteArrayList<>();

    /** From the service's bind method. */
    public void add(ComponentServiceObjects<L> listener) {
        bound.add(listener);
    }

    /** From the service's unbind method. */
    public void remove(ComponentServiceObjects<L> listener) {
        bound.remove(listener);
    }

    /** Tells every listener; {@code what} names the change in the log when one fails. */
    public void tell(Consumer<L> call, String what) {
        for (ComponentServiceObjects<L> objects : bound) {
            L listener = null;
            try {
                listener = objects.getService();
                if (listener != null) {
                    call.accept(listener);
                }
            } catch (RuntimeException e) {
                LOG.error("Listener {} failed on {}", objects.getServiceReference(), what, e);
            } finally {
                if (listener != null) {
                    objects.ungetService(listener);
                }
            }
        }
    }
}
