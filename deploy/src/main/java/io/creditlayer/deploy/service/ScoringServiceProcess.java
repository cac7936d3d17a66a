package io.creditlayer.deploy.service;

import io.creditlayer.contracts.devnet.Toolchain;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The packaged scoring service (scoring-service/service/target/quarkus-app) run as a child process, the way an
 * operator runs it: configuration as system properties, secrets (scorer key, bootstrap admin key) in its
 * environment only. Without a datasource URL it starts its own embedded PostgreSQL in {@code dataDir}.
 */
public final class ScoringServiceProcess implements AutoCloseable {
    private final Process process;
    private final String baseUrl;
    private final Path log;

    private ScoringServiceProcess(Process process, String baseUrl, Path log) {
        this.process = process;
        this.baseUrl = baseUrl;
        this.log = log;
    }

    /**
     * @param config  system properties for the service (creditlayer.*, quarkus.*)
     * @param secrets environment variables holding secrets
     * @param workDir where the service's log and embedded database live
     */
    public static ScoringServiceProcess start(Map<String, String> config, Map<String, String> secrets, Path workDir,
                                              Duration readyWithin) throws IOException, InterruptedException {
        Path jar = Toolchain.root().resolve("scoring-service/service/target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build the project first (mvn -DskipTests install)");
        }
        Files.createDirectories(workDir);
        int port = config.containsKey("quarkus.http.port") ? Integer.parseInt(config.get("quarkus.http.port")) : freePort();
        Map<String, String> properties = new LinkedHashMap<>(config);
        properties.put("quarkus.http.port", Integer.toString(port));
        properties.putIfAbsent("creditlayer.db.embedded-dir", workDir.resolve("postgres").toString());
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add("-jar");
        command.add(jar.toString());
        Path log = workDir.resolve("service.log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(secrets);
        Process process = builder.start();
        ScoringServiceProcess service = new ScoringServiceProcess(process, "http://127.0.0.1:" + port, log);
        Runtime.getRuntime().addShutdownHook(new Thread(service::close, "scoring-service-stop"));
        service.awaitReady(readyWithin);
        return service;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public Path log() {
        return log;
    }

    public boolean alive() {
        return process.isAlive();
    }

    private void awaitReady(Duration within) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the scoring service exited with code " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        close();
        throw new IllegalStateException("the scoring service was not ready within " + within.toSeconds() + " s; see " + log);
    }

    /** Stops the service gracefully (SIGTERM, so it stops its embedded PostgreSQL), then forcibly. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, java.util.concurrent.TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
