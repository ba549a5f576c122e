package org.civicbackbone.rest.internal;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javax.annotation.Priority;
import javax.ws.rs.Path;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import org.civicbackbone.api.module.ModuleCatalogue;
import org.civicbackbone.api.problem.Problem;
import org.civicbackbone.api.rest.RestExtensions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Keeps one function module's faults its own. Every request under {@code /api/v1/initiatives/{id}/<function>} is
 * watched: a request still running at the deadline is interrupted and answered 503; a module with too many requests
 * still running gets no more threads (503 at once) so a hanging plugin cannot take the server's threads; a module
 * whose requests keep failing with 5xx is reported by {@code /api/v1/health}. Everything else keeps serving.
 */
@Component(service = {ContainerRequestFilter.class, ContainerResponseFilter.class, FunctionRequestGuard.class},
        configurationPid = FunctionRequestGuard.PID)
@Designate(ocd = FunctionRequestGuard.Config.class)
@JaxrsExtension
@JaxrsName("backbone.guard")
@Priority(Priorities.USER)
public class FunctionRequestGuard implements ContainerRequestFilter, ContainerResponseFilter {

    static final String PID = "org.civicbackbone.rest.requests";
    static final int FAILING_AFTER = 3;
    private static final String RUNNING = FunctionRequestGuard.class.getName() + ".running";

    /** How long a function module may take, and how many of its requests may run at once. */
    @ObjectClassDefinition(name = "Civic Backbone request guard",
            description = "Limits what one function module's requests can hold of the server")
    public @interface Config {
        @AttributeDefinition(description = "Seconds a function request may run before it is interrupted and "
                + "answered 503")
        int deadlineSeconds() default 30;

        @AttributeDefinition(description = "Requests of one function module that may run at once; more are "
                + "answered 503 at once")
        int maxRunningPerModule() default 16;
    }

    /** A module whose requests fail or hang, as health reports it. */
    public record Trouble(String module, String reason) {
    }

    /** One request being served by a module. */
    private static final class Running {
        final String module;
        final Thread thread;
        final Instant started = Instant.now();
        volatile ScheduledFuture<?> deadline;
        private boolean finished;
        private boolean timedOut;

        /** Called by the deadline: interrupts the request unless it has already finished. */
        synchronized void expire() {
            if (!finished) {
                timedOut = true;
                thread.interrupt();
            }
        }

        /** Called as the answer leaves; after this the deadline no longer touches the thread. */
        synchronized boolean finish() {
            finished = true;
            return timedOut;
        }

        Running(String module, Thread thread) {
            this.module = module;
            this.thread = thread;
        }
    }

    private record Streak(int failures, Instant last) {
    }

    private final ModuleCatalogue catalogue;
    private final Duration deadline;
    private final int maxRunning;
    private final ScheduledThreadPoolExecutor clock = new ScheduledThreadPoolExecutor(1,
            r -> new Thread(r, "backbone-request-deadlines"));
    private final Map<Running, Boolean> running = new ConcurrentHashMap<>();
    private final Map<String, Streak> streaks = new ConcurrentHashMap<>();

    /** The method this request matched: CXF sets it for each request behind this proxy (JAX-RS context). */
    @Context
    private ResourceInfo matched;

    /** The function each resource method serves ("" for none), worked out of its address template once. */
    private final MethodFacts<String> functions =
            new MethodFacts<>((resource, m) -> Objects.requireNonNullElse(functionOf(resource, m), ""));

    @Activate
    public FunctionRequestGuard(@Reference ModuleCatalogue catalogue, Config config) {
        this.catalogue = catalogue;
        this.deadline = Duration.ofSeconds(Math.max(1, config.deadlineSeconds()));
        this.maxRunning = Math.max(1, config.maxRunningPerModule());
        // a deadline is cancelled as its request answers: drop it then, not 30 s later (thousands a second queue up)
        clock.setRemoveOnCancelPolicy(true);
    }

    @Deactivate
    void stop() {
        clock.shutdownNow();
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String module = moduleOf();
        if (module == null) {
            return;
        }
        List<Running> ofModule = runningOf(module);
        if (ofModule.size() >= maxRunning) {
            long oldest = Duration.between(ofModule.stream().map(r -> r.started).min(Instant::compareTo)
                    .orElse(Instant.now()), Instant.now()).toSeconds();
            request.abortWith(Response.fromResponse(ProblemMapper.answer(unavailable(module + " is not answering: "
                    + ofModule.size() + " of its requests are still running, the oldest for " + oldest
                    + " s. Try again later."))).header("Retry-After", deadline.toSeconds()).build());
            return;
        }
        Running r = new Running(module, Thread.currentThread());
        running.put(r, Boolean.TRUE);
        request.setProperty(RUNNING, r);
        r.deadline = clock.schedule(r::expire, deadline.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String module;
        if (request.getProperty(RUNNING) instanceof Running r) {
            module = r.module;
            running.remove(r);
            r.deadline.cancel(false);
            if (r.finish()) {
                // the interrupt was ours: clear it so Jetty can write the answer on this thread
                Thread.interrupted();
                Problem late = unavailable(module + " did not answer within " + deadline.toSeconds()
                        + " s; the request was stopped.");
                response.setStatus(late.status());
                response.setEntity(late, new Annotation[0], MediaType.valueOf(Problem.MEDIA_TYPE));
            }
        } else {
            module = moduleOf();
        }
        if (module == null) {
            return;
        }
        if (response.getStatus() >= 500) {
            streaks.merge(module, new Streak(1, Instant.now()), (old, now) -> new Streak(old.failures() + 1, now.last()));
        } else {
            streaks.remove(module);
        }
    }

    /** Modules whose requests keep failing, or are still running past the deadline. */
    List<Trouble> troubles() {
        List<Trouble> troubles = new ArrayList<>();
        streaks.forEach((module, streak) -> {
            if (streak.failures() >= FAILING_AFTER) {
                troubles.add(new Trouble(module, streak.failures() + " requests in a row failed, the last at "
                        + streak.last()));
            }
        });
        Instant late = Instant.now().minus(deadline);
        running.keySet().stream().filter(r -> r.started.isBefore(late)).map(r -> r.module).distinct()
                .forEach(module -> troubles.add(new Trouble(module, runningOf(module).size()
                        + " requests still running past the " + deadline.toSeconds() + " s deadline")));
        return troubles;
    }

    private List<Running> runningOf(String module) {
        return running.keySet().stream().filter(r -> r.module.equals(module)).toList();
    }

    private static Problem unavailable(String detail) {
        return new Problem("urn:civicbackbone:problem:module-unavailable", "Module not answering", 503, detail,
                List.of());
    }

    /**
     * The installed function module serving this request, or null for the platform's own addresses. Decided on the
     * address template of the matched resource ({@code /api/v1/initiatives/{initiativeId}/<function>...}, on the class
     * or, under the initiatives' root, on the method), so no spelling of the address takes a function's request out
     * of the guard, and nothing is parsed per request beyond two annotations.
     */
    private String moduleOf() {
        Method method = matched == null ? null : matched.getResourceMethod();
        if (method == null) {
            return null;
        }
        String functionId = functions.of(matched.getResourceClass(), method);
        return !functionId.isEmpty() && catalogue.function(functionId).isPresent() ? "function-" + functionId : null;
    }

    /** The function named by a resource method's address template, or null. */
    static String functionOf(Class<?> resource, Method method) {
        Path onClass = resource == null ? null : resource.getAnnotation(Path.class);
        String template = joined(onClass == null ? "" : onClass.value(), "");
        if (!template.startsWith(RestExtensions.INITIATIVE)) { // under the initiatives' root: the method's part says
            Path onMethod = method.getAnnotation(Path.class);
            template = joined(template, onMethod == null ? "" : onMethod.value());
            if (!template.startsWith(RestExtensions.INITIATIVE)) {
                return null;
            }
        }
        String rest = template.substring(RestExtensions.INITIATIVE.length());
        int end = rest.indexOf('/');
        String functionId = end < 0 ? rest : rest.substring(0, end);
        return functionId.isEmpty() || functionId.contains("{") ? null : functionId;
    }

    /** Two parts of an address template as one, starting and ending with a slash, without empty segments. */
    private static String joined(String first, String second) {
        String template = "/" + first + "/" + second + "/";
        while (template.contains("//")) {
            template = template.replace("//", "/");
        }
        return template;
    }
}
