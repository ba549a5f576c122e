package org.civicbackbone.itests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.function.Predicate;

/** Real HTTP to the platform on port 8181, as a user would send it. */
final class Http {

    static final String BASE = "http://localhost:8181/api/v1";
    static final String ADMIN = "admin:admin";

    private static final ObjectMapper JSON = new ObjectMapper();
    private final String base;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** An answer: status, content type and body. */
    record Answer(int status, String contentType, String body, java.util.Map<String, java.util.List<String>> headers) {
        Answer(int status, String contentType, String body) {
            this(status, contentType, body, java.util.Map.of());
        }

        /** The first value of a header, or null. */
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().isEmpty() ? null : e.getValue().get(0)).findFirst().orElse(null);
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        @Override
        public String toString() {
            return status + " " + contentType + " " + body;
        }
    }

    /** Requests to the platform on port 8181. */
    Http() {
        this(BASE);
    }

    /** Requests to the REST API under another address (a node of a cluster, its load balancer). */
    Http(String base) {
        this.base = base;
    }

    Answer send(String method, String path, String credentials, String contentType, String body) {
        return sendTo(base + path, method, credentials, contentType, body);
    }

    /** A request to any address on the platform's port, spelled exactly as given (matrix parameters, %-escapes). */
    Answer sendTo(String url, String method, String credentials, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (credentials != null) {
            request.header("Authorization", basic(credentials));
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return answer(request);
    }

    /** A request whose body goes in chunks, its length not said beforehand (a client streaming what it sends). */
    Answer sendChunked(String method, String path, String credentials, String contentType, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(bytes)))
                .header("Content-Type", contentType).header("Authorization", basic(credentials));
        return answer(request);
    }

    /** The Authorization header's value for "user:password". */
    static String basic(String credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    /** A request with headers of the caller's choosing (a console session's cookie and CSRF token), no Basic. */
    Answer sendWithHeaders(String method, String path, java.util.Map<String, String> headers, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return answer(request);
    }

    private Answer answer(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), response.headers().map());
        } catch (IOException e) {
            return new Answer(-1, "", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /**
     * Bytes written as they are to the platform's port, for requests no HTTP client would send (a malformed request
     * line, a header without a colon, {@code %00}); the answer is read until the server closes the connection.
     */
    static Answer raw(String request) {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", 8181)) {
            socket.setSoTimeout(15_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            int end = answer.indexOf("\r\n\r\n");
            String head = end < 0 ? answer : answer.substring(0, end);
            String[] lines = head.split("\r\n");
            String[] statusLine = lines[0].split(" ");
            java.util.Map<String, java.util.List<String>> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0) {
                    headers.computeIfAbsent(lines[i].substring(0, colon).strip(), k -> new java.util.ArrayList<>())
                            .add(lines[i].substring(colon + 1).strip());
                }
            }
            String contentType = headers.getOrDefault("Content-Type", java.util.List.of("")).get(0);
            return new Answer(statusLine.length > 1 && statusLine[1].matches("\\d{3}") ? Integer.parseInt(statusLine[1]) : -1,
                    contentType, end < 0 ? "" : answer.substring(end + 4), headers);
        } catch (IOException e) {
            return new Answer(-1, "", e.toString());
        }
    }

    Answer get(String path) {
        return send("GET", path, ADMIN, null, null);
    }

    Answer post(String path, String json) {
        return send("POST", path, ADMIN, "application/json", json);
    }

    /** A POST as a client should send it: again after a 503 with Retry-After (a module settling, ADR 0007). */
    Answer postWhenSettled(String path, String json) throws InterruptedException {
        return whenSettled(() -> post(path, json));
    }

    /**
     * A write without a body as the admin, sent as a client should: again after a 503 with Retry-After (a write that
     * meets the REST application while a module's arrival rebuilds it, ADR 0007).
     */
    Answer sendWhenSettled(String method, String path) throws InterruptedException {
        return whenSettled(() -> send(method, path, ADMIN, null, null));
    }

    /** A request sent as a client should: again after a 503 with Retry-After (a module settling, ADR 0007). */
    static Answer whenSettled(java.util.function.Supplier<Answer> request) throws InterruptedException {
        Answer answer = request.get();
        for (int i = 0; i < 20 && answer.status() == 503 && answer.header("Retry-After") != null; i++) {
            Thread.sleep(500);
            answer = request.get();
        }
        return answer;
    }

    /** Registers organisations in an initiative's registry (as admin), so that values can name them as partners. */
    void organisations(String initiativeId, String... names) throws InterruptedException {
        for (String name : names) {
            Answer registered = postWhenSettled("/initiatives/" + initiativeId + "/organisations", "{\"name\":\""
                    + name + "\",\"sectors\":[\"NONPROFIT\"]}");
            if (registered.status() != 201) {
                throw new AssertionError("registering '" + name + "' answered " + registered);
            }
        }
    }

    Answer postCsv(String path, String csv) {
        return send("POST", path, ADMIN, "text/csv", csv);
    }

    /** A CSV upload asking to be imported as a job ({@code Prefer: respond-async}). */
    Answer postCsvAsync(String path, String csv) {
        return answer(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8))
                .header("Authorization", basic(ADMIN))
                .header("Content-Type", "text/csv").header("Prefer", "respond-async"));
    }

    /**
     * Polls until the answer satisfies the condition (the platform changes asynchronously), or 60 s pass. An answer
     * the condition cannot even read (the whiteboard's plain-text 404 while it rebuilds, ADR 0001) counts as not yet.
     */
    Answer await(String path, Predicate<Answer> condition) throws InterruptedException {
        Answer last = null;
        // a deadline as well as a count: a read the platform holds for up to 5 s while its API is rebuilt (ADR 0007)
        // made 240 polls last 21 minutes on a node that never came up
        long giveUp = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        for (int i = 0; i < 240 && System.nanoTime() < giveUp; i++) {
            last = get(path);
            if (satisfies(condition, last)) {
                return last;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("gave up waiting on " + path + "; last answer " + last);
    }

    /**
     * Polls until the module is in the state, failing at once if its install or uninstall failed: the assertion then
     * names the operation's message and, inside a Pax Exam container, the errors of that container's log.
     */
    Answer awaitModule(String module, String state) throws InterruptedException {
        Answer settled = await("/modules/" + module, a -> a.status() == 200
                && (a.json().get("state").asText().equals(state) || a.json().get("state").asText().equals("failed")));
        if (!settled.json().get("state").asText().equals(state)) {
            throw new AssertionError("module " + module + " did not become " + state + ": " + settled.body()
                    + containerLogErrors());
        }
        return settled;
    }

    /** The errors and warnings about modules in this Karaf's log, when the test runs inside the container. */
    private static String containerLogErrors() {
        String data = System.getProperty("karaf.data");
        if (data == null) {
            return "";
        }
        try {
            java.util.List<String> lines = java.nio.file.Files.readAllLines(java.nio.file.Path.of(data, "log", "karaf.log"));
            StringBuilder told = new StringBuilder("\ncontainer log:");
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains("install") && (lines.get(i).contains(" ERROR ") || lines.get(i).contains(" WARN "))) {
                    lines.subList(i, Math.min(lines.size(), i + 15)).forEach(l -> told.append('\n').append(l));
                }
            }
            return told.toString();
        } catch (IOException e) {
            return "\n(the container's log could not be read: " + e.getMessage() + ")";
        }
    }

    private static boolean satisfies(Predicate<Answer> condition, Answer answer) {
        try {
            return condition.test(answer);
        } catch (AssertionError | RuntimeException unreadable) {
            return false;
        }
    }
}
