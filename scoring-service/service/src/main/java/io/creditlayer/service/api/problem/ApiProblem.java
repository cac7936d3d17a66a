package io.creditlayer.service.api.problem;

import java.util.Map;

/**
 * Thrown by resources and services to answer with a problem document. The slug names the kind of problem
 * ("invalid-address", "unknown-wallet", ...) and becomes the problem type URI.
 */
public class ApiProblem extends RuntimeException {
    private final int status;
    private final String slug;
    private final String title;
    private final Map<String, Object> extensions;
    private final Map<String, String> headers;

    public ApiProblem(int status, String slug, String title, String detail) {
        this(status, slug, title, detail, Map.of(), Map.of());
    }

    public ApiProblem(int status, String slug, String title, String detail, Map<String, Object> extensions,
                      Map<String, String> headers) {
        super(detail, null, false, false);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.extensions = Map.copyOf(extensions);
        this.headers = Map.copyOf(headers);
    }

    public static ApiProblem badRequest(String slug, String detail) {
        return new ApiProblem(400, slug, "Bad request", detail);
    }

    public static ApiProblem notFound(String slug, String detail) {
        return new ApiProblem(404, slug, "Not found", detail);
    }

    public static ApiProblem unauthorized(String detail) {
        return new ApiProblem(401, "unauthenticated", "Unauthenticated", detail);
    }

    public static ApiProblem forbidden(String detail) {
        return new ApiProblem(403, "forbidden", "Forbidden", detail);
    }

    public static ApiProblem conflict(String slug, String detail) {
        return new ApiProblem(409, slug, "Conflict", detail);
    }

    public static ApiProblem unavailable(String slug, String detail) {
        return new ApiProblem(503, slug, "Service unavailable", detail, Map.of(), Map.of("Retry-After", "5"));
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public Map<String, Object> extensions() {
        return extensions;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
