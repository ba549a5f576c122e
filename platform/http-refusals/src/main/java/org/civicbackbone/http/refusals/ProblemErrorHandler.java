package org.civicbackbone.http.refusals;

import java.io.IOException;
import java.nio.ByteBuffer;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * The web server's own error handler, installed by this fragment's {@code jetty.xml}. Jetty answers some requests
 * itself: those its parser cannot read (a malformed request line, an ambiguous or undecodable URI such as
 * {@code %00} or an encoded {@code /}, oversized headers) and those no context serves (a path outside
 * {@code /api}). Its stock answers are HTML pages that repeat the parser's words; this one answers every such request
 * with a problem+json body naming the status only. A request for the API that no context serves at all meets a
 * platform that is starting or stopping (while it runs, the API's context serves every path under {@code /api}): it
 * is answered 503 with {@code Retry-After}, not 404, so that a balancer or a script polling health waits; so is an
 * error a context sent for a request under {@code /api} that the API's filter did not take ({@link ApiBeforeItIsServed}).
 */
public class ProblemErrorHandler extends ErrorHandler {

    /** Refusals decided while parsing, before a request object exists. */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields fields) {
        fields.put(HttpHeader.CONTENT_TYPE, ProblemBody.MEDIA_TYPE);
        fields.put(HttpHeader.CACHE_CONTROL, "no-store");
        fields.put("X-Content-Type-Options", "nosniff");
        return ByteBuffer.wrap(ProblemBody.of(status));
    }

    /** Errors of a parsed request that no servlet answered itself, whatever the caller accepts. */
    @Override
    protected void generateAcceptableResponse(Request baseRequest, HttpServletRequest request,
            HttpServletResponse response, int code, String message) throws IOException {
        baseRequest.setHandled(true);
        if (baseRequest.getAttribute(ApiBeforeItIsServed.NOT_SERVED_YET) != null
                || code == 404 && servedByNoContext(baseRequest) && isApi(request.getRequestURI())) {
            ApiBeforeItIsServed.answerNotServedYet(response);
            return;
        }
        byte[] body = ProblemBody.of(code);
        response.setContentType(ProblemBody.MEDIA_TYPE);
        response.setHeader(HttpHeader.CACHE_CONTROL.asString(), "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** Whether no context took the request: the server itself found nothing to serve it. */
    private static boolean servedByNoContext(Request baseRequest) {
        return baseRequest.getContext() == null && baseRequest.getAttribute(ERROR_CONTEXT) == null;
    }

    static boolean isApi(String path) {
        return path != null && (path.equals("/api") || path.startsWith("/api/"));
    }
}
