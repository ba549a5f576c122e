package org.civicbackbone.api.rest;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares who may call a JAX-RS resource method. Every resource method of the platform and of every module must
 * carry one (on the method, or on its class for all its methods that carry none): the platform refuses a method with
 * no declaration (fails closed, 403). Access is decided after the request has been matched to the method, on the
 * matched {@value #INITIATIVE} path parameter, so no spelling of the address (matrix parameters, encoded characters,
 * doubled or trailing slashes) can reach a method with less than its declaration.
 *
 * <pre>
 * &#64;GET &#64;Path("grants") &#64;Allow(Audience.READERS)
 * public List&lt;Grant&gt; grants(&#64;PathParam("initiativeId") String initiativeId) { ... }
 * </pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Allow {

    /** The path parameter that names the initiative for the initiative-scoped audiences. */
    String INITIATIVE = "initiativeId";

    /** Who may call. */
    Audience value();
}
