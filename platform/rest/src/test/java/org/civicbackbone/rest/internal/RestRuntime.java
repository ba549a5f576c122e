package org.civicbackbone.rest.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.Set;
import javax.servlet.DispatcherType;
import javax.ws.rs.core.Application;
import org.apache.cxf.jaxrs.servlet.CXFNonSpringJaxrsServlet;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.FilterHolder;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;

/**
 * The HTTP stack the API runs on, for unit tests: a real Jetty on 127.0.0.1 with CXF serving the given resources and
 * providers under {@code /api}, behind {@link ContainerRefusals} as in the distribution once the node has started,
 * and the same application under {@code /bare} without it (as while the platform starts).
 */
final class RestRuntime implements AutoCloseable {

    private final HttpClient client = HttpClient.newHttpClient();
    private final Server server = new Server();
    private final String root;

    RestRuntime(Object... singletons) throws Exception {
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        Application application = new Application() {
            @Override
            public Set<Object> getSingletons() {
                return Set.of(singletons);
            }
        };
        ServletContextHandler context = new ServletContextHandler();
        ContainerRefusals refusals = new ContainerRefusals();
        refusals.bindStart(() -> true); // every resource is served from the first request: a node after its start
        context.addFilter(new FilterHolder(refusals), "/api/*", EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(new ServletHolder(new CXFNonSpringJaxrsServlet(application)), "/api/*");
        context.addServlet(new ServletHolder(new CXFNonSpringJaxrsServlet(application)), "/bare/*");
        server.setHandler(context);
        server.start();
        root = "http://127.0.0.1:" + connector.getLocalPort();
    }

    /** Sends a request with a text body (none if null) and answers the response. */
    HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(root + path));
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        return client.send(request.header("Content-Type", "text/plain").build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
