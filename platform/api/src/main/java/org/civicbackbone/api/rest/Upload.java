package org.civicbackbone.api.rest;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource method that takes a file upload (a CSV import): its request body may be as large as the
 * platform's upload limit ({@code maxUploadBytes} of {@code org.civicbackbone.rest.limits}, 50 MiB by default)
 * instead of the limit of every other request ({@code maxBodyBytes}, 10 MiB). The limit is chosen on the matched
 * method, never on the address. Read such a body as an {@code InputStream}, not whole into memory.
 *
 * @since 1.3
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Upload {
}
