package org.civicbackbone.http.refusals;

import java.nio.charset.StandardCharsets;

/**
 * The problem+json body of an answer the web server gives on its own, before any servlet of the platform sees the
 * request. It names only the HTTP status and what a caller can do about it: never the server's reason text, which
 * can name the parser or echo the request back.
 */
final class ProblemBody {

    /** The media type of every answer written here. */
    static final String MEDIA_TYPE = "application/problem+json";

    private ProblemBody() {
    }

    /** The body for a refusal with this status. */
    static byte[] of(int status) {
        String json = "{\"type\":\"about:blank\",\"title\":\"" + title(status) + "\",\"status\":" + status
                + ",\"detail\":\"" + detail(status) + "\",\"violations\":[]}";
        return json.getBytes(StandardCharsets.UTF_8);
    }

    /** The body for a request for the API while no context serves it: the platform is starting or stopping. */
    static byte[] notServedYet() {
        String json = "{\"type\":\"about:blank\",\"title\":\"Service Unavailable\",\"status\":503,\"detail\":\""
                + "The platform is starting or stopping: its API is not served yet; try again in a moment.\","
                + "\"violations\":[]}";
        return json.getBytes(StandardCharsets.UTF_8);
    }

    static String title(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 408 -> "Request Timeout";
            case 411 -> "Length Required";
            case 413 -> "Payload Too Large";
            case 414 -> "URI Too Long";
            case 415 -> "Unsupported Media Type";
            case 417 -> "Expectation Failed";
            case 431 -> "Request Header Fields Too Large";
            case 500 -> "Internal Server Error";
            case 501 -> "Not Implemented";
            case 503 -> "Service Unavailable";
            case 505 -> "HTTP Version Not Supported";
            default -> status >= 500 ? "Server Error" : "Request Refused";
        };
    }

    static String detail(int status) {
        return switch (status) {
            case 400 -> "The request is malformed: check the request line, the path (no encoded '/', '\\\\' or "
                    + "control characters, no '..' segments) and the headers.";
            case 404 -> "Nothing is served at this path; the API is under /api/v1.";
            case 405 -> "This method is not allowed here.";
            case 408 -> "The request was not received in time.";
            case 411 -> "A request with a body must state its length.";
            case 413 -> "The request body is too large.";
            case 414 -> "The request path and query are too long.";
            case 431 -> "The request headers are too large.";
            case 501 -> "This method or transfer encoding is not supported.";
            case 505 -> "Only HTTP/1.1 and HTTP/1.0 are supported.";
            default -> status >= 500 ? "The server could not answer this request; it has been logged."
                    : "The request was refused.";
        };
    }
}
