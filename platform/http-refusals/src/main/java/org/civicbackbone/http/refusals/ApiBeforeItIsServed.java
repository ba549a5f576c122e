package org.civicbackbone.http.refusals;

import java.io.IOException;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.server.handler.HandlerWrapper;

/**
 * Wrapped around Pax Web's handlers by this fragment's {@code jetty.xml}. While the platform runs, every request under
 * {@code /api} is answered by the API's own filter and servlet, which never let the container send a 404 of its own.
 * One that the container does send there means the API is not in place: the platform is starting or stopping, and a
 * context created by another servlet (the console's) took the request before the API's filter was in it. Such an
 * error is handed from that context's error handler (Pax Web gives every context Jetty's stock one, an HTML page) to
 * the server's, {@link ProblemErrorHandler}, which answers it 503 with {@code Retry-After}.
 */
public class ApiBeforeItIsServed extends HandlerWrapper {

    @Override
    public void handle(String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        super.handle(target, baseRequest, request, response);
        // a 404 sent by the container (sendError: its error page is still to be written) from within a context
        if (ProblemErrorHandler.isApi(target) && response.getStatus() == 404
                && baseRequest.getHttpChannelState().isSendError()
                && baseRequest.getAttribute(ErrorHandler.ERROR_CONTEXT) != null) {
            baseRequest.removeAttribute(ErrorHandler.ERROR_CONTEXT);
        }
    }
}
