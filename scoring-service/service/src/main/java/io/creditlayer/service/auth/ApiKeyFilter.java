package io.creditlayer.service.auth;

import io.creditlayer.service.api.problem.ApiProblem;
import io.quarkus.runtime.BlockingOperationControl;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.Map;
import java.util.Optional;

/**
 * Enforces {@link RequiresScope}: 401 without a valid key, 403 without the scope, 429 with Retry-After over the
 * key's rate. The verified principal is left in the request context for the resource ({@link #principal}).
 */
public final class ApiKeyFilter {
    public static final String HEADER = "X-API-Key";
    private static final String PRINCIPAL = ApiKeyPrincipal.class.getName();

    private final ApiKeys keys;
    private final RateLimiter limiter;

    public ApiKeyFilter(ApiKeys keys, RateLimiter limiter) {
        this.keys = keys;
        this.limiter = limiter;
    }

    /**
     * Runs on the endpoint's thread. A key verified recently is checked from memory, so non-blocking endpoints stay
     * on the event loop; a key that needs the database is looked up on a worker thread (returned Uni), never on
     * the event loop. A null Uni lets the request continue at once.
     */
    @ServerRequestFilter
    public Uni<Void> authenticate(ContainerRequestContext request, HttpServerRequest http, ResourceInfo resource) {
        RequiresScope required = required(resource);
        if (required == null) {
            return null;
        }
        // from the Vert.x request: ContainerRequestContext.getHeaderString first copies every header into a TreeMap
        String presented = http.getHeader(HEADER);
        if (presented == null || presented.isBlank()) {
            throw ApiProblem.unauthorized("send an API key in the " + HEADER + " header");
        }
        String key = presented.trim();
        Optional<ApiKeyPrincipal> cached = keys.cachedPrincipal(key);
        if (cached.isPresent()) {
            admit(request, required, cached);
            return null;
        }
        if (BlockingOperationControl.isBlockingAllowed()) {
            admit(request, required, keys.verify(key));
            return null;
        }
        return Uni.createFrom().item(() -> keys.verify(key))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .invoke(principal -> admit(request, required, principal))
                .replaceWithVoid();
    }

    private void admit(ContainerRequestContext request, RequiresScope required, Optional<ApiKeyPrincipal> verified) {
        ApiKeyPrincipal principal = verified.orElseThrow(() -> ApiProblem.unauthorized("the API key is unknown or revoked"));
        if (!principal.scopes().contains(required.value())) {
            throw ApiProblem.forbidden("this API key lacks the scope " + required.value().id());
        }
        long wait = limiter.acquire(principal);
        if (wait > 0) {
            throw new ApiProblem(429, "rate-limited", "Too many requests",
                    "this API key is limited to " + principal.requestsPerSecond() + " requests per second (burst "
                            + principal.burst() + ")", Map.of("retryAfterSeconds", wait),
                    Map.of("Retry-After", Long.toString(wait)));
        }
        request.setProperty(PRINCIPAL, principal);
    }

    /** The caller verified by this filter for the current request. */
    public static Optional<ApiKeyPrincipal> principal(ContainerRequestContext request) {
        return Optional.ofNullable((ApiKeyPrincipal) request.getProperty(PRINCIPAL));
    }

    private static RequiresScope required(ResourceInfo resource) {
        if (resource == null || resource.getResourceMethod() == null) {
            return null;
        }
        RequiresScope onMethod = resource.getResourceMethod().getAnnotation(RequiresScope.class);
        return onMethod != null ? onMethod : resource.getResourceClass().getAnnotation(RequiresScope.class);
    }
}
