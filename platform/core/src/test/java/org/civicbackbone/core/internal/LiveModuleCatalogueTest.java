package org.civicbackbone.core.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.civicbackbone.api.module.BackboneFunction;
import org.civicbackbone.api.module.FunctionKind;
import org.junit.After;
import org.junit.Test;

public class LiveModuleCatalogueTest {

    private final LiveModuleCatalogue catalogue = new LiveModuleCatalogue();
    private final List<String> ran = new CopyOnWriteArrayList<>();

    @After
    public void stop() {
        catalogue.stop();
    }

    private static BackboneFunction function(String id) {
        return new BackboneFunction() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public String name() {
                return id;
            }

            @Override
            public FunctionKind kind() {
                return FunctionKind.CUSTOM;
            }

            @Override
            public String description() {
                return id;
            }
        };
    }

    @Test
    public void workWaitsUntilItsFunctionIsInstalled() throws Exception {
        Future<?> waiting = catalogue.whenAvailable("policy", () -> ran.add("policy"));
        Future<?> other = catalogue.whenAvailable("resources", () -> ran.add("resources"));
        catalogue.addFunction(function("policy"), null);
        waiting.get(10, TimeUnit.SECONDS);
        assertEquals(List.of("policy"), ran);
        assertFalse("another function's work still waits", other.isDone());
    }

    @Test
    public void workForAnInstalledFunctionRunsSoonAndCancelledWorkNever() throws Exception {
        catalogue.addFunction(function("policy"), null);
        catalogue.whenAvailable("policy", () -> ran.add("now")).get(10, TimeUnit.SECONDS);
        Future<?> cancelled = catalogue.whenAvailable("resources", () -> ran.add("cancelled"));
        assertTrue(cancelled.cancel(false));
        catalogue.addFunction(function("resources"), null);
        catalogue.whenAvailable("resources", () -> ran.add("after")).get(10, TimeUnit.SECONDS);
        assertEquals(List.of("now", "after"), ran);
    }

    /** Service objects as SCR hands them to a dynamic reference, counting what is fetched and given back. */
    private static final class Objects implements org.osgi.service.component.ComponentServiceObjects<BackboneFunction> {
        private final BackboneFunction function;
        private final List<String> calls;

        Objects(BackboneFunction function, List<String> calls) {
            this.function = function;
            this.calls = calls;
        }

        @Override
        public BackboneFunction getService() {
            calls.add("get " + Thread.currentThread().getName());
            return function;
        }

        @Override
        public void ungetService(BackboneFunction service) {
            calls.add("unget");
        }

        @Override
        public org.osgi.framework.ServiceReference<BackboneFunction> getServiceReference() {
            return null;
        }
    }

    @Test
    public void aBoundFunctionIsFetchedOffTheBindingThreadAndGivenBackWhenUnbound() throws Exception {
        List<String> calls = new CopyOnWriteArrayList<>();
        Objects policy = new Objects(function("policy"), calls);
        catalogue.bindFunction(policy);
        catalogue.whenAvailable("policy", () -> ran.add("policy")).get(10, TimeUnit.SECONDS);
        assertEquals(List.of("get backbone-function-announcer"), calls);
        assertTrue(catalogue.function("policy").isPresent());
        catalogue.unbindFunction(policy);
        assertFalse(catalogue.function("policy").isPresent());
        assertEquals(List.of("get backbone-function-announcer", "unget"), calls);
    }
}
