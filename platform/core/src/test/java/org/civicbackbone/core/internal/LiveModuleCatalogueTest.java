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
}
