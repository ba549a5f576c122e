package org.civicbackbone.http.refusals;

import java.io.IOException;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.eclipse.jetty.http.HttpHeader;
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

    @Override
    public void handle(String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        try {
            super.handle(target, baseRequest, request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            if (!apiNotInPlace(target, baseRequest)) {
                throw e;
            }
            // the runtime failed half-way through building the application; the container would answer HTML 500
            LOG.debug("A request for {} failed before the API was in place", target, e);
            response.reset();
            answerNotServedYet(response);
            baseRequest.setHandled(true);
            return;
        }
        if (response.getStatus() < 400 || !apiNotInPlace(target, baseRequest)) {
            return;
        }
        if (baseRequest.getHttpChannelState().isSendError()) {
            // sent by the container: its error page is still to be written, by the server's handler instead
            baseRequest.removeAttribute(ErrorHandler.ERROR_CONTEXT);
            baseRequest.setAttribute(NOT_SERVED_YET, Boolean.TRUE);
        } else {
            // written by a servlet before the API's filter was in front of it (the runtime's "No service was found")
            response.reset();
            answerNotServedYet(response);
            baseRequest.setHandled(true);
        }
    }

    /** A request for the API that its front filter did not take, whose answer can still be replaced. */
    private static boolean apiNotInPlace(String target, Request baseRequest) {
        return ProblemErrorHandler.isApi(target) && baseRequest.getAttribute(API_TOOK_REQUEST) == null
                && !baseRequest.getHttpChannel().isCommitted() && !baseRequest.isAsyncStarted();
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
