package org.civicbackbone.rest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import javax.ws.rs.Consumes;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.MultivaluedMap;
import javax.ws.rs.ext.MessageBodyReader;
import javax.ws.rs.ext.MessageBodyWriter;
import org.civicbackbone.api.problem.InputValidator;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsMediaType;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

/**
 * JSON for every resource of the platform and its modules: strict reading with validation of every request body,
 * and writing of records (including problem details). Also offered as the {@link InputValidator} service.
 */
@Component(service = {MessageBodyReader.class, MessageBodyWriter.class, InputValidator.class})
@JaxrsExtension
@JaxrsName(RestNames.JSON)
@JaxrsMediaType({MediaType.APPLICATION_JSON, "application/problem+json"})
@Consumes({MediaType.APPLICATION_JSON, "application/*+json"})
@Produces({MediaType.APPLICATION_JSON, "application/problem+json"})
public class JsonProvider implements MessageBodyReader<Object>, MessageBodyWriter<Object>, InputValidator {

    private final JsonBinding json = new JsonBinding();

    @Deactivate
    void deactivate() {
        json.close();
    }

    @Override
    public void validate(Object input) {
        json.validate(input);
    }

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return isJson(mediaType) && !InputStream.class.isAssignableFrom(type);
    }

    @Override
    public Object readFrom(Class<Object> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                           MultivaluedMap<String, String> httpHeaders, InputStream entityStream) {
        return json.read(entityStream, type);
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return isJson(mediaType) && !String.class.equals(type) && !byte[].class.equals(type)
                && !javax.ws.rs.core.StreamingOutput.class.isAssignableFrom(type);
    }

    @Override
    public void writeTo(Object value, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                        MultivaluedMap<String, Object> httpHeaders, OutputStream entityStream) throws IOException {
        json.write(value, entityStream);
    }

    private static boolean isJson(MediaType mediaType) {
        return mediaType == null || mediaType.isWildcardType()
                || mediaType.getSubtype().equals("json") || mediaType.getSubtype().endsWith("+json");
    }
}
