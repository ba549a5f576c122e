package org.civicbackbone.rest.internal;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.annotation.Priority;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.Response;
import org.civicbackbone.api.module.BackboneFunction;
import org.civicbackbone.api.module.StructureModel;
import org.civicbackbone.api.rest.Live;
import org.civicbackbone.api.rest.RestExtensions;
import org.civicbackbone.api.store.BackboneStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Gives an answer to a read of an initiative's data again, without asking the database, while nothing it could
 * depend on changed (ADR 0023): no unit of work committed on any node ({@link BackboneStore#dataVersion}), no
 * function or structure model came or went, and it is younger than {@code maxAgeMillis} (answers that depend on the
 * date or the hour). Decided on the matched resource method ({@link ResourceInfo}), never on an address: a
 * {@code GET} of a resource under {@code /api/v1/initiatives} that returns its entity (not a {@code Response}, which
 * may carry headers of its own) and is not {@link Live}. Answers are kept per method, per login and per address,
 * after the access check, so a login is only ever given what it was given itself. One filter for the application
 * rather than one bound to each method, which made CXF look through every method's filters on every request.
 */
@Component(service = {ContainerRequestFilter.class, ContainerResponseFilter.class, ReadCache.class},
        configurationPid = ReadCache.PID)
@Designate(ocd = ReadCache.Config.class)
@JaxrsExtension
@JaxrsName(RestNames.READ_CACHE)
@Priority(Priorities.USER + 100)
public class ReadCache implements ContainerRequestFilter, ContainerResponseFilter {

    static final String PID = "org.civicbackbone.rest.reads";
    private static final String KEPT = ReadCache.class.getName() + ".kept";

    /** How long and how many answers are given again. */
    @ObjectClassDefinition(name = "Civic Backbone repeated reads",
            description = "Answers to reads given again while the data they come from did not change")
    public @interface Config {
        @AttributeDefinition(description = "Milliseconds an answer may be given again at most, even when nothing "
                + "was written (answers that depend on the date); 0 gives no answer again")
        int maxAgeMillis() default 1000;

        @AttributeDefinition(description = "Answers kept per resource method; when full they are all dropped")
        int answersPerMethod() default 1000;
    }

    private final BackboneStore store;
    private final long maxAgeNanos;
    private final int answersPerMethod;
    /** Moves whenever a function or a structure model comes or goes: answers may name them. */
    private final AtomicLong modules = new AtomicLong();
    /**
     * Each repeatable method's answers. Emptied whenever a module comes or goes: its answers could not be given again
     * anyway, and a module that went must not stay in the heap through its methods.
     */
    private final Map<Method, KeptAnswers> answers = new ConcurrentHashMap<>();

    /** The method this request matched: CXF sets it for each request behind this proxy (JAX-RS context). */
    @Context
    private ResourceInfo matched;

    @Activate
    public ReadCache(@Reference BackboneStore store, Config config) {
        this.store = store;
        this.maxAgeNanos = Math.max(0, config.maxAgeMillis()) * 1_000_000L;
        this.answersPerMethod = Math.max(1, config.answersPerMethod());
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addFunction(BackboneFunction function) {
        modulesChanged();
    }

    void removeFunction(BackboneFunction function) {
        modulesChanged();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addModel(StructureModel model) {
        modulesChanged();
    }

    void removeModel(StructureModel model) {
        modulesChanged();
    }

    private void modulesChanged() {
        modules.incrementAndGet();
        answers.clear();
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = matched == null ? null : matched.getResourceMethod();
        if (maxAgeNanos == 0 || method == null || !repeatable(matched.getResourceClass(), method)) {
            return;
        }
        KeptAnswers kept = answers.computeIfAbsent(method, m -> new KeptAnswers(this::version, maxAgeNanos,
                answersPerMethod));
        request.setProperty(KEPT, kept);
        kept.filter(request, Received.of(request).query()); // the raw query as Jetty received it
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(KEPT) instanceof KeptAnswers kept) {
            kept.filter(request, response);
        }
    }

    /** Whether a resource method's answers may be given again: decided on the method, never on an address. */
    static boolean repeatable(Class<?> resource, Method method) {
        Path path = resource == null ? null : resource.getAnnotation(Path.class);
        return method.isAnnotationPresent(GET.class) && !method.isAnnotationPresent(Live.class)
                && !Response.class.isAssignableFrom(method.getReturnType()) && method.getReturnType() != void.class
                && path != null && path.value().startsWith(RestExtensions.API + "/initiatives");
    }

    /** What an answer depends on, besides its address and login: the data and the modules. */
    KeptAnswers.Version version() {
        return new KeptAnswers.Version(store.dataVersion(), modules.get());
    }
}
