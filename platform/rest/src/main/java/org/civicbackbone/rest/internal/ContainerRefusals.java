package org.civicbackbone.rest.internal;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers, as problem+json, the failures that happen in the servlet container before the REST application sees the
 * request, or that escape it: a body in a charset Java does not know (the container throws while CXF reads it), and
 * any exception thrown out of the JAX-RS servlet. Without it those answers are the container's HTML page naming Java
 * classes. It also hides the gap while the JAX-RS whiteboard rebuilds the application (a module comes or goes) or
 * has not registered its servlet yet (the platform is starting; this filter's bundle starts before the whiteboard): a
 * read that meets the runtime's plain "No service was found", or the container's 404 for want of any servlet, or any
 * 404 before the node has been ready (the application may serve some resources and not yet others), or a 404 for an
 * address that a resource registered now takes ({@link #APPLICATION_BEHIND}), is asked again for up to 5 s, and a write is answered 503 with {@code Retry-After} instead; a gap that lasts a minute is
 * reported as a stall ({@link ApiStall}). Every request it takes is marked ({@link #TOOK_REQUEST}), so that the web
 * server tells an API that is not in place yet from one that answers, and carries what the API's filters need of the
 * container ({@link Received}).
 * Registered in front of the API's servlets through the HTTP whiteboard.
 */
@Component(service = Filter.class, property = {
    "osgi.http.whiteboard.filter.pattern=/api/*",
    "osgi.http.whiteboard.filter.name=backbone-container-refusals",
    "osgi.http.whiteboard.context.select=(osgi.http.whiteboard.context.name=*)"})
public class ContainerRefusals implements Filter {

    private static final Logger LOG = LoggerFactory.getLogger(ContainerRefusals.class);

    /**
     * Marks a request this filter took. The web server's fragment ({@code backbone-http-refusals},
     * {@code ApiBeforeItIsServed}) answers an error under {@code /api} without this mark as "not served yet" (503): it
     * met the API before this filter was in front of it. The same name is written there.
     */
    static final String TOOK_REQUEST = "org.civicbackbone.api.took-request";

    /**
     * Set by {@link ProblemMapper} on a request the application answered 404 although a resource registered now takes
     * its address: the application is one built before that resource came, and the 404 is a gap like the runtime's
     * "No service was found", however long the node has been ready.
     */
    static final String APPLICATION_BEHIND = "org.civicbackbone.api.application-behind";

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!(request instanceof HttpServletRequest http) || !(response instanceof HttpServletResponse answer)) {
            chain.doFilter(request, response);
            return;
        }
        http.setAttribute(TOOK_REQUEST, Boolean.TRUE);
        http.setAttribute(Received.ATTRIBUTE, Received.of(http)); // what the API's filters read of the container
        String charset = charset(http.getContentType());
        if (charset != null && !supported(charset)) {
            problem(answer, 415, "Unsupported Media Type", "The body's charset is not one this platform reads; send UTF-8.");
            return;
        }
        boolean safe = "GET".equals(http.getMethod()) || "HEAD".equals(http.getMethod());
        long giveUp = System.nanoTime() + REBUILD_WAIT_NANOS;
        while (true) {
            RebuildGap gap = new RebuildGap(answer);
            http.removeAttribute(APPLICATION_BEHIND); // what the last attempt's application said
            try {
                chain.doFilter(request, gap);
            } catch (IOException | ServletException | RuntimeException | LinkageError e) {
                if (answer.isCommitted()) {
                    throw e;
                }
                if (safe && System.nanoTime() < giveUp) {
                    pause();
                    continue; // the runtime failed half-way through a rebuild: a read can simply be asked again
                }
                if (e instanceof LinkageError) {
                    // a class of a bundle the framework is replacing (a module installed or removed, a refresh):
                    // the platform is changing, not the request wrong. A read asked until now is refused for a
                    // moment; a write may have met it after its commit, so it gets no Retry-After, which promises
                    // that nothing was done (a client sends such a 503 again by itself, as the console does)
                    LOG.warn("A request to {} met a bundle being replaced", http.getRequestURI(), e);
                    if (safe) {
                        answer.setHeader("Retry-After", "1");
                    }
                    problem(answer, 503, "Service Unavailable", safe ? NOT_SERVED : CHANGED_UNDER_WRITE);
                    return;
                }
                LOG.warn("A request to {} failed in the servlet container", http.getRequestURI(), e);
                problem(answer, 400, "Bad Request", "The request could not be read.");
                return;
            }
            if (!gap.isGap(gap.holdsNotFound() && (!hasBeenReady() || http.getAttribute(APPLICATION_BEHIND) != null))) {
                stall.served();
                gap.release();
                return;
            }
            if (!safe || System.nanoTime() >= giveUp) {
                answer.setHeader("Retry-After", "1");
                problem(answer, 503, "Service Unavailable", gapDetail(stall.gap()));
                return;
            }
            pause(); // the application is being rebuilt: ask again in a moment, the reader never sees the gap
        }
    }

    private final ApiStall stall = new ApiStall(System::nanoTime);

    /** Health's verdict on the start; absent until health is served, which counts as still starting. */
    private volatile NodeStart start;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, unbind = "unbindStart")
    void bindStart(NodeStart verdict) {
        start = verdict;
    }

    void unbindStart(NodeStart verdict) {
        if (start == verdict) { // a replacement may have been bound first
            start = null;
        }
    }

    private boolean hasBeenReady() {
        NodeStart current = start;
        return current != null && current.hasBeenReady();
    }

    /** What a request answered 503 in a gap is told; a stall is reported once, with the threads that wait. */
    private String gapDetail(Duration lasted) {
        if (lasted.compareTo(ApiStall.LONG) < 0) {
            return NOT_SERVED;
        }
        if (stall.firstReport(lasted)) {
            LOG.error("The REST API has served nothing for {} s: its runtime is not taking up the platform's resources. "
                    + "Threads that wait:\n{}", lasted.toSeconds(), ApiStall.waitingThreads());
        }
        return "The API has served nothing for " + lasted.toSeconds() + " s; the platform's log names what it waits "
                + "for.";
    }

    /** What a request is told while the API is not served. */
    static final String NOT_SERVED = "The API is not served at the moment (the platform is starting, or a module is "
            + "being installed or removed); try again in a moment.";

    /** What a write is told that met a module coming or going while it ran: whether it was done is not known. */
    static final String CHANGED_UNDER_WRITE = "A module was being installed or removed while this request ran, and "
            + "whether it was done is not known: look at what it would change before sending it again.";

    /** How long a read waits out a rebuild of the REST application before it is answered 503. */
    private static final long REBUILD_WAIT_NANOS = 5_000_000_000L;

    private static void pause() throws IOException {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while the REST application was rebuilt");
        }
    }

    /** The charset parameter of a Content-Type, or null. */
    static String charset(String contentType) {
        if (contentType == null) {
            return null;
        }
        for (String part : contentType.split(";")) {
            String p = part.strip();
            if (p.regionMatches(true, 0, "charset=", 0, 8)) {
                return p.substring(8).replace("\"", "").strip();
            }
        }
        return null;
    }

    private static boolean supported(String charset) {
        try {
            return Charset.isSupported(charset);
        } catch (IllegalCharsetNameException e) {
            return false;
        }
    }

    private static void problem(HttpServletResponse answer, int status, String title, String detail) throws IOException {
        answer.resetBuffer();
        answer.setStatus(status);
        answer.setContentType("application/problem+json");
        answer.setHeader("X-Content-Type-Options", "nosniff");
        answer.setHeader("Cache-Control", "no-store");
        byte[] body = ("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\""
                + detail + "\",\"violations\":[]}").getBytes(StandardCharsets.UTF_8);
        answer.setContentLength(body.length);
        answer.getOutputStream().write(body);
    }
}
