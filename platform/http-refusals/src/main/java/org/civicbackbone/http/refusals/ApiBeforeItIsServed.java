package org.civicbackbone.http.refusals;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpServletResponseWrapper;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.server.handler.HandlerWrapper;
import org.eclipse.jetty.util.log.Log;
import org.eclipse.jetty.util.log.Logger;

/**
 * Wrapped around Pax Web's handlers by this fragment's {@code jetty.xml}. While the platform runs, every request under
 * {@code /api} passes the API's own front filter ({@code backbone-rest}'s {@code ContainerRefusals}), which marks it
 * with {@link #API_TOOK_REQUEST} and never lets an error of the container or an HTML page through. An error answer
 * under {@code /api} for a request that filter did not take means the API is not in place: the platform is starting or
 * stopping, and a context took the request before the filter was in it: the console's servlet made the context, or the
 * JAX-RS runtime's servlet is registered and answers its plain "No service was found" page, or fails half-way through
 * building the application. Which of them comes first is not up to the platform (the HTTP whiteboard takes
 * registrations up on a thread of its own, whatever the bundles' start order), so the decision rests on the filter's
 * mark alone. Such an answer becomes 503 with {@code Retry-After}, as a problem: an error the container sends is
 * handed from the context's error handler (Pax Web gives every context Jetty's stock one, an HTML page) to the
 * server's, {@link ProblemErrorHandler}; an error page a servlet wrote is replaced while it is still in the buffer.
 * A read (GET or HEAD) that a servlet answered so, that the context found no servlet for, or that no context took
 * at all, is first asked again for up to 5 s, every 50 ms: while a module is installed or removed the runtime rebuilds
 * the application, and the filter may come back in front a moment after the runtime's servlet; a reader of another
 * module should not see that gap. The context's "no servlet" error is held back for a read ({@link HeldError}): once
 * the container has sent it, it cannot be taken back. A write is answered 503 at once: its body may have been read by
 * then, so it cannot be handed on again.
 */
public class ApiBeforeItIsServed extends HandlerWrapper {

    /**
     * The request attribute the API's front filter sets on every request it takes. The same name is written in
     * {@code org.civicbackbone.rest.internal.ContainerRefusals}: this fragment of the web server imports nothing of the
     * platform's.
     */
    public static final String API_TOOK_REQUEST = "org.civicbackbone.api.took-request";

    /** Set here on a request whose error is to be answered as "not served yet" by {@link ProblemErrorHandler}. */
    static final String NOT_SERVED_YET = "org.civicbackbone.api.not-served-yet";

    private static final Logger LOG = Log.getLogger(ApiBeforeItIsServed.class);

    /** How long a read that met the API out of place is asked again before it is answered 503. */
    private final long readWaitNanos;

    /** As {@code jetty.xml} makes it: a read waits out a gap of up to 5 s, as the API's front filter lets it. */
    public ApiBeforeItIsServed() {
        this(Duration.ofSeconds(5));
    }

    ApiBeforeItIsServed(Duration readWait) {
        this.readWaitNanos = readWait.toNanos();
    }

    @Override
    public void handle(String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        boolean read = HttpMethod.GET.is(request.getMethod()) || HttpMethod.HEAD.is(request.getMethod());
        long giveUp = System.nanoTime() + readWaitNanos;
        while (!handledInPlace(target, baseRequest, request, response, read)) {
            // a servlet answered, or failed, before the API's filter was in front of it, or no context took a read:
            // nothing has gone out yet
            response.reset();
            if (!read || System.nanoTime() - giveUp >= 0) {
                answerNotServedYet(response);
                baseRequest.setHandled(true);
                return;
            }
            // the JAX-RS runtime is rebuilding the application (a module comes or goes): a read is simply asked
            // again in a moment, as the front filter does once it is in place, and the reader never sees the gap
            baseRequest.setHandled(false);
            pause();
        }
    }

    /**
     * Hands the request on; false when a servlet wrote an error page, or failed, before the API's filter took the
     * request, or when no context took a read of the API at all, and the answer can still be replaced.
     */
    private boolean handledInPlace(String target, Request baseRequest, HttpServletRequest request,
            HttpServletResponse response, boolean read) throws IOException, ServletException {
        HeldError held = read && ProblemErrorHandler.isApi(target) ? new HeldError(response, baseRequest) : null;
        try {
            super.handle(target, baseRequest, request, held == null ? response : held);
        } catch (IOException | ServletException | RuntimeException | LinkageError e) {
            if (apiNotInPlace(target, baseRequest)) {
                // the runtime failed half-way through building the application, or met a class of a bundle being
                // replaced; the container would answer HTML 500
                LOG.debug("A request for {} failed before the API was in place", target, e);
                return false;
            }
            if (!ProblemErrorHandler.isApi(target) || baseRequest.getHttpChannel().isCommitted()
                    || baseRequest.isAsyncStarted()) {
                throw e;
            }
            // the API's filter answers every failure itself; one that escaped it (thrown on the way out of the
            // container's chain, or an Error) is a fault of the server, answered as a problem, not the context's page
            LOG.warn("A request for {} failed past the API's own handling", target, e);
            response.reset();
            answerServerError(response);
            baseRequest.setHandled(true);
            return true;
        }
        if (held != null && held.isHeld()) {
            // the context found no servlet for it (the runtime's is being replaced): nothing has gone out
            return false;
        }
        if (!baseRequest.isHandled()) {
            // no context took it (the platform's is being replaced, or not there yet): a read waits a moment, anything
            // else goes on to the server, whose error handler answers "not served yet"
            return !read || !apiNotInPlace(target, baseRequest);
        }
        if (response.getStatus() < 400 || !apiNotInPlace(target, baseRequest)) {
            return true;
        }
        if (baseRequest.getHttpChannelState().isSendError()) {
            // a write's, sent by the container for want of any servlet (a read's is held back above): its error page
            // is still to be written, by the server's handler instead
            baseRequest.removeAttribute(ErrorHandler.ERROR_CONTEXT);
            baseRequest.setAttribute(NOT_SERVED_YET, Boolean.TRUE);
            return true;
        }
        // written by a servlet before the API's filter was in front of it (the runtime's "No service was found")
        return false;
    }

    /**
     * A read's response that holds back an error sent before the API's front filter took the request (the context's
     * "no servlet here" 404), so the read can be asked again. Once the filter has taken it, every error goes through.
     */
    private static final class HeldError extends HttpServletResponseWrapper {

        private final Request baseRequest;
        private boolean held;

        HeldError(HttpServletResponse response, Request baseRequest) {
            super(response);
            this.baseRequest = baseRequest;
        }

        boolean isHeld() {
            return held;
        }

        @Override
        public void sendError(int status) throws IOException {
            if (!hold()) {
                super.sendError(status);
            }
        }

        @Override
        public void sendError(int status, String message) throws IOException {
            if (!hold()) {
                super.sendError(status, message);
            }
        }

        private boolean hold() {
            held = baseRequest.getAttribute(API_TOOK_REQUEST) == null && !isCommitted();
            return held;
        }
    }

    private static void pause() throws IOException {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while the API was not in place");
        }
    }

    /** A request for the API that its front filter did not take, whose answer can still be replaced. */
    private static boolean apiNotInPlace(String target, Request baseRequest) {
        return ProblemErrorHandler.isApi(target) && baseRequest.getAttribute(API_TOOK_REQUEST) == null
                && !baseRequest.getHttpChannel().isCommitted() && !baseRequest.isAsyncStarted();
    }

    /** Writes the 500 problem of a failure no part of the API answered. */
    private static void answerServerError(HttpServletResponse response) throws IOException {
        byte[] body = ProblemBody.of(500);
        response.setStatus(500);
        response.setContentType(ProblemBody.MEDIA_TYPE);
        response.setHeader(HttpHeader.CACHE_CONTROL.asString(), "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** Writes the 503 a request for the API gets while the API is not in place. */
    static void answerNotServedYet(HttpServletResponse response) throws IOException {
        byte[] body = ProblemBody.notServedYet();
        response.setStatus(503);
        response.setHeader(HttpHeader.RETRY_AFTER.asString(), "1");
        response.setContentType(ProblemBody.MEDIA_TYPE);
        response.setHeader(HttpHeader.CACHE_CONTROL.asString(), "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
