package io.creditlayer.features.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A JSON-RPC proxy in front of a real node that refuses eth_getLogs over more than {@code maxRange} blocks with
 * the error public providers send ("exceed maximum block range"), and forwards everything else unchanged.
 */
public final class RangeLimitingProxy implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    public final AtomicInteger refused = new AtomicInteger();
    public final AtomicInteger getLogs = new AtomicInteger();

    public RangeLimitingProxy(String upstream, int maxRange) throws IOException {
        HttpClient client = HttpClient.newHttpClient();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            JsonNode request = JSON.readTree(body);
            byte[] answer;
            if (!request.isArray() && "eth_getLogs".equals(request.path("method").asText())) {
                getLogs.incrementAndGet();
                JsonNode filter = request.path("params").get(0);
                long from = Long.decode(filter.path("fromBlock").asText());
                long to = Long.decode(filter.path("toBlock").asText());
                if (to - from + 1 > maxRange) {
                    refused.incrementAndGet();
                    answer = ("{\"jsonrpc\":\"2.0\",\"id\":" + request.path("id") + ",\"error\":{\"code\":-32600,"
                            + "\"message\":\"exceed maximum block range: " + maxRange + "\"}}").getBytes(StandardCharsets.UTF_8);
                    reply(exchange, answer);
                    return;
                }
            }
            try {
                answer = client.send(HttpRequest.newBuilder(URI.create(upstream))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                        HttpResponse.BodyHandlers.ofByteArray()).body();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            reply(exchange, answer);
        });
        server.start();
    }

    private static void reply(com.sun.net.httpserver.HttpExchange exchange, byte[] answer) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, answer.length);
        exchange.getResponseBody().write(answer);
        exchange.close();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
