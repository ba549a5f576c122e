package org.civicbackbone.rest.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import javax.annotation.Priority;
import javax.ws.rs.Priorities;
import javax.ws.rs.WebApplicationException;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.PreMatching;
import org.civicbackbone.api.problem.Problem;
import org.civicbackbone.api.problem.ProblemException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Bounds what a request may be and cost. A declared body length over every limit is refused before anything is read;
 * once the method is matched, its body is cut off at its own limit while it is read ({@link BodyLimits}): both 413.
 * {@code OPTIONS} is answered 405 to everyone before matching: the JAX-RS runtime would otherwise answer it itself,
 * past every access check, and the API serves no cross-origin callers (its methods are in its OpenAPI description).
 */
@Component(service = {ContainerRequestFilter.class, RequestLimits.class}, configurationPid = RequestLimits.PID)
@Designate(ocd = RequestLimits.Config.class)
@JaxrsExtension
@JaxrsName("backbone.limits")
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class RequestLimits implements ContainerRequestFilter {

    static final String PID = "org.civicbackbone.rest.limits";

    /** Limits of a request. */
    @ObjectClassDefinition(name = "Civic Backbone request limits", description = "What one request body may cost")
    public @interface Config {
        @AttributeDefinition(description = "Largest request body accepted, in bytes, but for uploads")
        long maxBodyBytes() default 10L * 1024 * 1024;

        @AttributeDefinition(description = "Largest upload accepted (a CSV import: methods marked @Upload), in bytes")
        long maxUploadBytes() default 50L * 1024 * 1024;
    }

    private volatile long maxBodyBytes;
    private volatile long maxUploadBytes;

    @Activate
    public RequestLimits(Config config) {
        modified(config);
    }

    @Modified
    void modified(Config config) {
        this.maxBodyBytes = Math.max(1024, config.maxBodyBytes());
        this.maxUploadBytes = Math.max(this.maxBodyBytes, config.maxUploadBytes());
    }

    /** The limit of a matched method's body. */
    long limit(boolean upload) {
        return upload ? maxUploadBytes : maxBodyBytes;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if ("OPTIONS".equals(request.getMethod())) {
            request.abortWith(javax.ws.rs.core.Response.fromResponse(ProblemMapper.answer(new Problem("about:blank",
                    "Method Not Allowed", 405, "This API does not answer OPTIONS requests.", List.of())))
                    .header("Allow", "GET, HEAD, POST, PUT, DELETE").build());
            return;
        }
        if (request.getLength() > maxUploadBytes) {
            request.abortWith(ProblemMapper.answer(tooLarge(maxUploadBytes)));
        }
    }

    static Problem tooLarge(long limit) {
        return new Problem("urn:civicbackbone:problem:too-large", "Payload too large", 413,
                "The request body is larger than the " + limit + " bytes this platform accepts.", List.of());
    }

    /** Reads at most the limit, then refuses. */
    static final class Bounded extends FilterInputStream {
        private final long limit;
        private long read;

        Bounded(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        private void count(long n) {
            if (n > 0) {
                read += n;
                if (read > limit) {
                    throw new WebApplicationException(new ProblemException(tooLarge(limit)), 413);
                }
            }
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count(n);
            return n;
        }
    }
}
