package org.civicbackbone.rest.internal;

import static org.junit.Assert.assertEquals;

import org.junit.Test;

public class HealthResourceTest {

    @Test
    public void namesTheInnermostCauseOfAFailedActivation() {
        String trace = """
                java.lang.reflect.InvocationTargetException
                \tat java.base/jdk.internal.reflect.NativeConstructorAccessorImpl.newInstance0(Native Method)
                Caused by: java.lang.IllegalStateException: deliberately broken in activation
                \tat org.example.Broken.<init>(Broken.java:12)
                """;
        assertEquals("java.lang.IllegalStateException: deliberately broken in activation",
                HealthResource.rootCause(trace));
    }

    @Test
    public void fallsBackToTheFirstLineOrAPlainReason() {
        assertEquals("java.lang.IllegalStateException: no", HealthResource.rootCause("java.lang.IllegalStateException: no\n\tat x"));
        assertEquals("failed to activate", HealthResource.rootCause(null));
    }
}
