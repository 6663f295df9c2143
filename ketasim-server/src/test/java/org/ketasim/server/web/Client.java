package org.ketasim.server.web;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A browser-like HTTP client for tests: keeps cookies, sends the CSRF token it got at login. */
public final class Client {

    static final ObjectMapper JSON = new ObjectMapper();

    /** A response: status and the parsed JSON body (null when the body is not JSON). */
    public record Response(int status, JsonNode body, String raw, java.net.http.HttpHeaders headers) {
        public String error() {
            return body == null || body.get("error") == null ? null : body.get("error").asText();
        }
    }

    private final String base;
    private final HttpClient http;
    private String csrf;

    public Client(int port) {
        this.base = "http://127.0.0.1:" + port;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(5)).build();
    }

    public Response login(String user, String password) {
        Response r = send("POST", "/api/login", JSON.createObjectNode().put("username", user).put("password", password).toString());
        if (r.status() == 200) {
            csrf = r.body().get("csrfToken").asText();
        }
        return r;
    }

    public Client withCsrf(String token) {
        this.csrf = token;
        return this;
    }

    public String csrf() {
        return csrf;
    }

    public Response get(String path) {
        return send("GET", path, null);
    }

    public Response post(String path, Object body) {
        return send("POST", path, body == null ? null : body instanceof String s ? s : JSON.valueToTree(body).toString());
    }

    public Response put(String path, Object body) {
        return send("PUT", path, body instanceof String s ? s : JSON.valueToTree(body).toString());
    }

    public Response send(String method, String path, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json");
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        if (csrf != null && !method.equals("GET")) {
            b.header("X-CSRF-Token", csrf);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode n = null;
            try {
                n = r.body().isEmpty() ? null : JSON.readTree(r.body());
            } catch (IOException e) {
                n = null;
            }
            return new Response(r.statusCode(), n, r.body(), r.headers());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
