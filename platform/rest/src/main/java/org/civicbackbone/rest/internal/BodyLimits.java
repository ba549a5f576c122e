package org.civicbackbone.rest.internal;

import java.io.IOException;
import javax.ws.rs.container.DynamicFeature;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.FeatureContext;
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
 * request, so a changed limit holds at once). A body past its limit is cut off with 413.
 */
@Component(service = DynamicFeature.class)
@JaxrsExtension
@JaxrsName("backbone.body-limits")
public class BodyLimits implements DynamicFeature {

    private final RequestLimits limits;

    @Activate
    public BodyLimits(@Reference RequestLimits limits) {
        this.limits = limits;
    }

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        context.register(new MethodBody(limits, resource.getResourceMethod().isAnnotationPresent(Upload.class)));
    }

    /** The bound in front of one resource method's body. */
    static final class MethodBody implements ReaderInterceptor {
        private final RequestLimits limits;
        private final boolean upload;

        MethodBody(RequestLimits limits, boolean upload) {
            this.limits = limits;
            this.upload = upload;
        }

        @Override
        public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
            long limit = limits.limit(upload);
            context.setInputStream(new RequestLimits.Bounded(context.getInputStream(), limit));
            return context.proceed();
        }
    }
}
