package org.travesia.ops.system;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpServer;

/**
 * A webhook receiver on a JDK HTTP server (loopback, port 0): it answers 503 to the first attempts it is told to
 * fail, then 204, and checks every delivery's Standard Webhooks signature with its own HMAC, independently of the
 * server's code.
 */
final class WebhookReceiver implements AutoCloseable {

    /** A delivery as received: its headers, body, and whether the signature matched. */
    record Delivery(String id, String timestamp, String signature, String body, boolean signatureValid, int answered) {
    }

    private final HttpServer server;
    private final AtomicInteger failuresLeft;
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private volatile String secret;

    WebhookReceiver(int failFirst) throws IOException {
        failuresLeft = new AtomicInteger(failFirst);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
            String signature = exchange.getRequestHeaders().getFirst("webhook-signature");
            int status = failuresLeft.getAndDecrement() > 0 ? 503 : 204;
            deliveries.add(new Delivery(id, timestamp, signature, body, valid(id, timestamp, body, signature), status));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** From now on, answer 204 to every attempt. */
    void recover() {
        failuresLeft.set(0);
    }

    void secret(String whsec) {
        this.secret = whsec;
    }

    List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    private boolean valid(String id, String timestamp, String body, String signature) {
        if (secret == null || id == null || timestamp == null || signature == null) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            String expected = "v1," + Base64.getEncoder().encodeToString(
                    mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
            return List.of(signature.split(" ")).contains(expected);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
