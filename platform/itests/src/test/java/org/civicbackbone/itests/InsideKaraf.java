package org.civicbackbone.itests;

import java.util.Arrays;
import javax.inject.Inject;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.osgi.framework.BundleContext;

/**
 * What a Pax Exam test of the platform starts from: a Karaf running the built features
 * ({@link BackboneContainer#options()}), the test bundle's context inside it, and HTTP to its REST API. A test that
 * needs other settings overrides {@link #config()}, annotated {@code @Configuration} again.
 */
public abstract class InsideKaraf {

    @Inject
    protected BundleContext bundleContext;

    protected final Http http = new Http();

    @Configuration
    public Option[] config() {
        return BackboneContainer.options();
    }

    /** Waits until health answers 200 and names each of these modules (the platform starts them asynchronously). */
    protected void awaitServing(String... modules) throws InterruptedException {
        http.await("/health", a -> a.status() == 200 && Arrays.stream(modules).allMatch(a.body()::contains));
    }
}
