package io.creditlayer.service.siwe;

import io.creditlayer.service.api.problem.ApiProblem;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.Map;

/**
 * Enforces {@link RequiresSession}: the request must carry {@code Authorization: Bearer <token>} of a live
 * session (401 with {@code WWW-Authenticate: Bearer} otherwise, RFC 6750). The session is looked up on every
 * request, so a sign-out takes effect at once on every instance.
 */
public final class SessionFilter {
    private static final String BEARER = "bearer ";

    private final SiweService siwe;
    private final CurrentSession current;

    public SessionFilter(SiweService siwe, CurrentSession current) {
        this.siwe = siwe;
        this.current = current;
    }

    @ServerRequestFilter
    public void authenticate(ContainerRequestContext request, ResourceInfo resource) {
        if (!required(resource)) {
            return;
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || header.isBlank()) {
            throw new ApiProblem(401, "unauthenticated", "Unauthenticated",
                    "sign in with Ethereum (POST /v1/siwe/nonce, then /v1/siwe/verify) and send Authorization: Bearer <token>",
                    Map.of(), Map.of("WWW-Authenticate", "Bearer realm=\"creditlayer\""));
        }
        String trimmed = header.trim();
        if (trimmed.length() <= BEARER.length() || !trimmed.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw SiweService.sessionProblem("session-invalid", "the Authorization header must read \"Bearer <token>\"");
        }
        current.set(siwe.authenticate(trimmed.substring(BEARER.length()).trim()));
    }

    private static boolean required(ResourceInfo resource) {
        if (resource == null || resource.getResourceMethod() == null) {
            return false;
        }
        return resource.getResourceMethod().isAnnotationPresent(RequiresSession.class)
                || resource.getResourceClass().isAnnotationPresent(RequiresSession.class);
    }
}
