package org.travesia.platform.testing;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A small HTTP client for one service, speaking as one of the local users. */
public final class Api {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final int port;
    private final String user;
    private final String password;
    private final Map<String, String> headers;

    public Api(int port) {
        this(port, null, null, Map.of());
    }

    private Api(int port, String user, String password, Map<String, String> headers) {
        this.port = port;
        this.user = user;
        this.password = password;
        this.headers = headers;
    }

    /** The same service, as a local user whose password is its name. */
    public Api as(String localUser) {
        return new Api(port, localUser, localUser, headers);
    }

    /** The same service, with a bearer token instead of a local user. */
    public Api bearer(String token) {
        return new Api(port, null, null, Map.of("Authorization", "Bearer " + token));
    }

    public Api withPassword(String user, String password) {
        return new Api(port, user, password, headers);
    }

    public Api header(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Api(port, user, password, more);
    }

    public int port() {
        return port;
    }

    public Response get(String path) {
        return send(request(path).GET());
    }

    public Response options(String path) {
        return send(request(path).method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
    }

    public Response post(String path, Object body) {
        String json = body instanceof String s ? s : write(body);
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    public Response send(String method, String path, String contentType, byte[] body) {
        HttpRequest.Builder builder = request(path).method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        return send(builder);
    }

    /** Sends a body without a declared length, as a client streaming it would. */
    public Response sendChunked(String method, String path, String contentType, byte[] body) {
        HttpRequest.BodyPublisher chunked = HttpRequest.BodyPublishers.fromPublisher(
                HttpRequest.BodyPublishers.ofByteArray(body));
        return send(request(path).header("Content-Type", contentType).method(method, chunked));
    }

    /**
     * A GET over a plain HTTP/1.1 connection, read to its end with the trailer fields that follow a chunked body
     * (Java's HTTP client drops them): for answers that say something after their last byte.
     */
    public Trailed getWithTrailers(String path) {
        StringBuilder request = new StringBuilder("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
                + "\r\nTE: trailers\r\nConnection: close\r\n");
        if (user != null) {
            request.append("Authorization: Basic ").append(Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8))).append("\r\n");
        }
        headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
        request.append("\r\n");
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            String statusLine = line(in);
            int status = Integer.parseInt(statusLine.split(" ")[1]);
            Map<String, String> answerHeaders = fields(in);
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            Map<String, String> trailers = Map.of();
            if ("chunked".equalsIgnoreCase(answerHeaders.get("transfer-encoding"))) {
                for (int size = chunkSize(in); size > 0; size = chunkSize(in)) {
                    body.write(in.readNBytes(size));
                    line(in);
                }
                trailers = fields(in);
            } else if (answerHeaders.containsKey("content-length")) {
                body.write(in.readNBytes(Integer.parseInt(answerHeaders.get("content-length"))));
            } else {
                body.write(in.readAllBytes());
            }
            return new Trailed(status, answerHeaders, body.toString(StandardCharsets.UTF_8), trailers);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int chunkSize(InputStream in) throws IOException {
        String size = line(in);
        int extension = size.indexOf(';');
        return Integer.parseInt((extension < 0 ? size : size.substring(0, extension)).strip(), 16);
    }

    /** Header or trailer fields up to the empty line, by lower-case name. */
    private static Map<String, String> fields(InputStream in) throws IOException {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String field = line(in); !field.isEmpty(); field = line(in)) {
            int colon = field.indexOf(':');
            fields.put(field.substring(0, colon).strip().toLowerCase(Locale.ROOT), field.substring(colon + 1).strip());
        }
        return fields;
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("The answer ended within a line");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30));
        if (user != null) {
            String credentials = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
            builder.header("Authorization", "Basic " + credentials);
        }
        headers.forEach(builder::header);
        return builder;
    }

    private static Response send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(response);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An answer read off the connection: status, header fields, body and trailer fields, by lower-case name. */
    public record Trailed(int status, Map<String, String> headers, String body, Map<String, String> trailers) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public String trailer(String name) {
            return trailers.get(name.toLowerCase(Locale.ROOT));
        }

        @Override
        public String toString() {
            return status + " " + headers + " " + body + " " + trailers;
        }
    }

    /** An answer: status, headers and the body as JSON (or null when it is not JSON). */
    public record Response(HttpResponse<String> raw) {

        public int status() {
            return raw.statusCode();
        }

        public String body() {
            return raw.body();
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        public JsonNode json() {
            try {
                return JSON.readTree(raw.body());
            } catch (IOException e) {
                throw new IllegalStateException("Not JSON (" + status() + "): " + raw.body(), e);
            }
        }

        @Override
        public String toString() {
            return status() + " " + raw.body();
        }
    }
}
