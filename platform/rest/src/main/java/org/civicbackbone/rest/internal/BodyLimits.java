package org.civicbackbone.rest.internal;

import java.io.IOException;
import java.lang.reflect.Method;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.Context;
import javax.ws.rs.ext.ReaderInterceptor;
import javax.ws.rs.ext.ReaderInterceptorContext;
import org.civicbackbone.api.rest.Upload;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

/**
 * Bounds the body of every resource method while it is read, by what was matched: a method marked {@link Upload}
 * to the upload limit, every other to the request limit ({@link RequestLimits}, whose configuration is read at each
 * request, so a changed limit holds at once). A body past its limit is cut off with 413. One interceptor for the
 * application reading the matched method from {@link ResourceInfo}, not one per method (ADR 0006's amendment).
 */
@Component(service = ReaderInterceptor.class)
@JaxrsExtension
@JaxrsName("backbone.body-limits")
public class BodyLimits implements ReaderInterceptor {

    private final RequestLimits limits;

    /** The method this request matched: CXF sets it for each request behind this proxy (JAX-RS context). */
    @Context
    private ResourceInfo matched;

    @Activate
    public BodyLimits(@Reference RequestLimits limits) {
        this.limits = limits;
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        Method method = matched == null ? null : matched.getResourceMethod();
        long limit = limits.limit(method != null && method.isAnnotationPresent(Upload.class));
        context.setInputStream(new RequestLimits.Bounded(context.getInputStream(), limit));
        return context.proceed();
    }
}
