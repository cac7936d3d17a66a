package io.creditlayer.deploy.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A small JSON client for the scoring service's API, as a lender or governance integration would call it. Errors
 * come back as the service's problem documents, turned into one-line exceptions.
 */
public final class ServiceClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String apiKey;

    public ServiceClient(String baseUrl, String apiKey) {
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
    }

    public ServiceClient withKey(String key) {
        return new ServiceClient(baseUrl, key);
    }

    /** A JSON answer and its status. */
    public record Answer(int status, JsonNode body) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }

        /** The body of a successful answer; a problem document becomes an exception with its detail. */
        public JsonNode require(String what) {
            if (!ok()) {
                throw new IllegalStateException(what + " failed: HTTP " + status + " " + body.path("title").asText("")
                        + ": " + body.path("detail").asText(body.toString()));
            }
            return body;
        }
    }

    public Answer get(String path) throws IOException, InterruptedException {
        return send(request(path).GET());
    }

    public Answer post(String path, Object body) throws IOException, InterruptedException {
        String text = body instanceof String s ? s : JSON.writeValueAsString(body);
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(text)));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json");
        if (apiKey != null) {
            builder.header("X-API-Key", apiKey);
        }
        return builder;
    }

    private Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        String text = response.body();
        JsonNode body = text == null || text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text);
        return new Answer(response.statusCode(), body);
    }
}
