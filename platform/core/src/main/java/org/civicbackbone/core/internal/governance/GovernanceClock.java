package org.civicbackbone.core.internal.governance;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.civicbackbone.api.store.BackboneStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link GovernanceSweep}s every few seconds on one thread of its own: proposals are decided when their
 * time is up even if nobody looks, and GET requests never write (issue 10). Each sweep runs under a lock of the
 * database ({@link BackboneStore#exclusively}), so nodes sharing one database sweep one at a time (ADR 0019).
 */
@Component(service = {}, immediate = true, configurationPid = "org.civicbackbone.governance")
@Designate(ocd = GovernanceClock.Config.class)
public class GovernanceClock {

    /** How often the sweeps run. */
    @ObjectClassDefinition(name = "Civic Backbone governance clock",
            description = "Deciding proposals whose time is up, and applying approved effects")
    public @interface Config {
        @AttributeDefinition(name = "Interval (s)", description = "Seconds between sweeps", min = "1", max = "3600")
        int sweepSeconds() default 10;
    }

    private static final Logger LOG = LoggerFactory.getLogger(GovernanceClock.class);

    private final List<GovernanceSweep> sweeps = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(
            r -> new Thread(r, "civic-backbone-governance-clock"));

    private final BackboneStore store;

    @Activate
    public GovernanceClock(Config config, @Reference BackboneStore store) {
        this.store = store;
        int seconds = Math.max(1, config.sweepSeconds());
        clock.scheduleWithFixedDelay(this::tick, seconds, seconds, TimeUnit.SECONDS);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addSweep(GovernanceSweep sweep) {
        sweeps.add(sweep);
    }

    void removeSweep(GovernanceSweep sweep) {
        sweeps.remove(sweep);
    }

    @Deactivate
    void stop() {
        clock.shutdownNow();
    }

    private void tick() {
        for (GovernanceSweep sweep : sweeps) {
            try {
                int done = store.exclusively("sweep:" + sweep.getClass().getName(), sweep::sweep);
                if (done > 0) {
                    LOG.info("{} settled {} item(s)", sweep.getClass().getSimpleName(), done);
                }
            } catch (RuntimeException e) { // a failed sweep is tried again at the next tick
                LOG.warn("Governance sweep {} failed; it runs again in a moment", sweep.getClass().getSimpleName(), e);
            }
        }
    }
}
