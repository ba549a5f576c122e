package org.civicbackbone.rest.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import javax.servlet.ServletOutputStream;
import javax.servlet.WriteListener;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpServletResponseWrapper;

/**
 * Holds back a 404 answer until it is known whether it is a real one or the JAX-RS runtime's "No service was found"
 * (written while the whiteboard rebuilds the application, for example when a module is installed or uninstalled).
 * Everything else passes straight through.
 */
final class RebuildGap extends HttpServletResponseWrapper {

    private static final String NO_SERVICE = "No service was found";

    private int status = 200;
    private ByteArrayOutputStream held;
    private java.io.StringWriter heldText;
    private String heldType;

    RebuildGap(HttpServletResponse response) {
        super(response);
    }

    private boolean holding() {
        return status == 404;
    }

    @Override
    public void setStatus(int sc) {
        status = sc;
        if (!holding()) {
            super.setStatus(sc);
        }
    }

    @Override
    public void setContentType(String type) {
        if (holding()) {
            heldType = type;
        } else {
            super.setContentType(type);
        }
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        if (!holding()) {
            return super.getOutputStream();
        }
        ByteArrayOutputStream buffer = buffer();
        return new ServletOutputStream() {
            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
                throw new IllegalStateException("a held answer is written synchronously");
            }

            @Override
            public void write(int b) {
                buffer.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                buffer.write(b, off, len);
            }
        };
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        if (!holding()) {
            return super.getWriter();
        }
        if (heldText == null) {
            heldText = new java.io.StringWriter();
        }
        return new PrintWriter(heldText); // unbuffered: what is written is there when the answer is judged
    }

    /**
     * Held while a 404 is held: the runtime flushes what it wrote when it is done, which would commit the real
     * response with no status of its own (a 200 with an empty body) before the 404 is judged.
     */
    @Override
    public void flushBuffer() throws IOException {
        if (!holding()) {
            super.flushBuffer();
        }
    }

    @Override
    public void setContentLength(int length) {
        if (!holding()) {
            super.setContentLength(length);
        }
    }

    @Override
    public void setContentLengthLong(long length) {
        if (!holding()) {
            super.setContentLengthLong(length);
        }
    }

    private ByteArrayOutputStream buffer() {
        if (held == null) {
            held = new ByteArrayOutputStream();
        }
        return held;
    }

    /**
     * The container's own 404: no servlet serves the API at all (the platform is starting, before the JAX-RS runtime
     * has registered its servlet). While the platform runs, the runtime's servlet takes every path under the API and
     * answers a missing resource itself, so this too is a gap.
     */
    @Override
    public void sendError(int sc, String msg) throws IOException {
        if (sc == 404) {
            status = 404;
            noServlet = true;
            return;
        }
        super.sendError(sc, msg);
    }

    @Override
    public void sendError(int sc) throws IOException {
        sendError(sc, null);
    }

    private boolean noServlet;

    /**
     * Whether the answer is the runtime's plain "no service" while it rebuilds, or no servlet of the API at all, or
     * any 404 while the node has not been ready yet ({@code starting}): the application may then serve some
     * resources and not yet the one asked for.
     */
    boolean isGap(boolean starting) {
        return holding() && (starting || noServlet || held != null && held.toString(StandardCharsets.UTF_8)
                .contains(NO_SERVICE) || heldText != null && heldText.toString().contains(NO_SERVICE));
    }

    /** Whether a 404 is held: only then is it worth asking whether the node is still starting. */
    boolean holdsNotFound() {
        return holding();
    }

    /** Sends a held real 404 on to the client. */
    void release() throws IOException {
        if (!holding()) {
            return;
        }
        HttpServletResponse response = (HttpServletResponse) getResponse();
        response.setStatus(status);
        if (heldType != null) {
            response.setContentType(heldType);
        }
        if (held != null) {
            response.getOutputStream().write(held.toByteArray());
        } else if (heldText != null) {
            response.getWriter().write(heldText.toString());
        }
    }
}
