package org.civicbackbone.console.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.List;
import java.util.Map;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The console's files at {@code /console/}: its page, script and style from this bundle, and under
 * {@code /console/modules/<function>/} the page scripts of the modules registered now, each from its own bundle
 * ({@link ContributedPages}); all with a strict content security policy (scripts and styles from this server only,
 * nothing inline, no framing).
 */
@Component(service = Servlet.class, property = {
        "osgi.http.whiteboard.servlet.pattern=/console/*",
        "osgi.http.whiteboard.servlet.name=backbone-console"})
public class ConsoleAssets extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final String MODULES = "modules/";

    private final transient ContributedPages contributed;

    @Activate
    public ConsoleAssets(@Reference ContributedPages contributed) {
        this.contributed = contributed;
    }

    /** The console's files other than scripts, and their types: nothing else in the bundle is served. */
    static final Map<String, String> FILES = Map.of(
            "index.html", "text/html; charset=utf-8",
            "style.css", "text/css; charset=utf-8",
            "favicon.svg", "image/svg+xml");

    /** The console's scripts (ES modules), by file name. */
    static final List<String> SCRIPTS = List.of("app.js", "kit.js", "words.js", "charts.js", "shell.js",
            "governance.js", "admin.js", "people.js", "setup.js");

    /** The type a console file is served with, or null for a name that is not one of its files. */
    static String typeOf(String name) {
        return SCRIPTS.contains(name) ? "text/javascript; charset=utf-8" : FILES.get(name);
    }

    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        if (path == null) {
            response.sendRedirect(request.getContextPath() + "/console/"); // relative addresses need the slash
            return;
        }
        String name = path.equals("/") ? "index.html" : path.substring(1);
        String type;
        URL file;
        if (name.startsWith(MODULES) && name.indexOf('/', MODULES.length()) > 0) {
            int slash = name.indexOf('/', MODULES.length());
            type = "text/javascript; charset=utf-8";
            file = contributed.script(name.substring(MODULES.length(), slash), name.substring(slash + 1)).orElse(null);
        } else {
            type = typeOf(name);
            file = type == null ? null : getClass().getResource("/console/" + name);
        }
        if (file == null) {
            response.setStatus(404);
            response.setContentType("application/problem+json");
            response.getWriter().write("{\"type\":\"urn:civicbackbone:problem:not-found\",\"title\":\"Not found\","
                    + "\"status\":404,\"detail\":\"The console has no file '" + name.replaceAll("[^\\w./-]", "")
                    + "'.\",\"violations\":[]}");
            return;
        }
        response.setContentType(type);
        response.setHeader("Content-Security-Policy", POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Cache-Control", "no-cache");
        try (InputStream in = file.openStream()) {
            in.transferTo(response.getOutputStream());
        }
    }
}
