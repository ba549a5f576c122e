package org.civicbackbone.api.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Makes a Declarative Services component a resource of the platform's REST API: a JAX-RS whiteboard resource that
 * selects JSON, problem answers and authentication ({@link RestExtensions}), so it goes live only once all three are
 * in place. It stands for {@code @JaxrsResource} with {@code @JaxrsExtensionSelect} of the three filters:
 *
 * <pre>{@code
 * @Component(service = PolicyResource.class)
 * @ApiResource
 * @Path(RestExtensions.INITIATIVE + "policy")
 * }</pre>
 */
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface ApiResource {

    /** The prefix of the generated property names. */
    String PREFIX_ = "osgi.";

    /** {@code osgi.jaxrs.resource}: the whiteboard takes the service as a resource. */
    boolean jaxrs_resource() default true;

    /** {@code osgi.jaxrs.extension.select}: the extensions the resource waits for. */
    String[] jaxrs_extension_select() default {RestExtensions.JSON, RestExtensions.PROBLEMS, RestExtensions.AUTHENTICATION};
}
