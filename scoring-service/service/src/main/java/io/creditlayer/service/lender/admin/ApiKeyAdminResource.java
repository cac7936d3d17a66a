package io.creditlayer.service.lender.admin;

import io.creditlayer.service.api.problem.ApiProblem;
import io.creditlayer.service.api.problem.Problem;
import io.creditlayer.service.auth.ApiKeys;
import io.creditlayer.service.auth.RateLimiter;
import io.creditlayer.service.auth.RequiresScope;
import io.creditlayer.service.auth.Scope;
import io.creditlayer.service.lender.LenderApi;
import io.creditlayer.service.store.ApiKeyRecord;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Lender API keys, for operators holding an admin key. The plain key is returned once, at creation; the service
 * keeps only its SHA-256, so a lost key is revoked and replaced, never recovered.
 */
@Path("/v1/admin/api-keys")
@Tag(name = "Admin", description = "API key management (scope admin)")
@SecurityRequirement(name = LenderApi.API_KEY_SCHEME)
@RequiresScope(Scope.ADMIN)
public class ApiKeyAdminResource {
    private static final Logger LOG = Logger.getLogger(ApiKeyAdminResource.class);
    static final int DEFAULT_REQUESTS_PER_SECOND = 10;

    private final ApiKeys keys;
    private final RateLimiter limiter;

    public ApiKeyAdminResource(ApiKeys keys, RateLimiter limiter) {
        this.keys = keys;
        this.limiter = limiter;
    }

    @Schema(name = "ApiKeyRequest")
    public record CreateRequest(
            @Schema(description = "who or what the key is for, 1-100 characters", required = true, examples = "acme-lending prod")
            String name,
            @Schema(description = "what the key may do", required = true,
                    enumeration = {"scores:read", "attestations:write", "governance", "admin"})
            List<String> scopes,
            @Schema(description = "sustained requests per second, 1-100000 (default 10)", defaultValue = "10")
            Integer requestsPerSecond,
            @Schema(description = "requests allowed at once, 1-100000 (default twice the rate)")
            Integer burst) {
    }

    @Schema(name = "CreatedApiKey", description = "A new key; the plain key is shown here and never again")
    public record Created(
            UUID id,
            @Schema(description = "the key to send as X-API-Key; store it now, it cannot be shown again") String key,
            @Schema(description = "the key's public prefix (cl_<prefix>_...), to recognise it in lists") String prefix,
            String name, List<String> scopes, int requestsPerSecond, int burst) {
    }

    @Schema(name = "ApiKey", description = "A key without its secret")
    public record Listed(UUID id, String prefix, String name, List<String> scopes, int requestsPerSecond, int burst,
                         Instant createdAt, @Schema(nullable = true) Instant revokedAt, boolean active) {
        static Listed of(ApiKeyRecord r) {
            return new Listed(r.id, r.prefix, r.name, List.of(r.scopes), r.requestsPerSecond, r.burst, r.createdAt,
                    r.revokedAt, r.revokedAt == null);
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create an API key", description = "Returns the plain key once; only its SHA-256 is stored.")
    @APIResponse(responseCode = "201", description = "created; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Created.class)))
    @APIResponse(responseCode = "400", description = "a missing or invalid field (invalid-api-key-request)",
            content = @Content(mediaType = LenderApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "no API key, or an unknown or revoked one (unauthenticated)",
            content = @Content(mediaType = LenderApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "the API key lacks the scope admin (forbidden)",
            content = @Content(mediaType = LenderApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "over the key's rate limit (rate-limited); Retry-After is set",
            content = @Content(mediaType = LenderApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    public Response create(CreateRequest request, @Context UriInfo uri) {
        if (request == null) {
            throw invalid("send {\"name\": ..., \"scopes\": [...], \"requestsPerSecond\": ..., \"burst\": ...}");
        }
        if (request.scopes() == null || request.scopes().isEmpty()) {
            throw invalid("scopes must name at least one of scores:read, attestations:write, governance, admin");
        }
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        for (String scope : request.scopes()) {
            try {
                scopes.add(Scope.parse(scope));
            } catch (IllegalArgumentException e) {
                throw invalid(e.getMessage());
            }
        }
        int rate = request.requestsPerSecond() == null ? DEFAULT_REQUESTS_PER_SECOND : request.requestsPerSecond();
        int burst = request.burst() == null ? (int) Math.min(100_000, 2L * rate) : request.burst();
        ApiKeys.Created created;
        try {
            created = keys.create(request.name(), scopes, rate, burst);
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage());
        }
        String prefix = created.key().substring(3, 11);
        LOG.infof("API key %s (prefix %s, scopes %s) created", created.id(), prefix, scopeIds(scopes));
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
                .entity(new Created(created.id(), created.key(), prefix, created.name(), scopeIds(created.scopes()),
                        created.requestsPerSecond(), created.burst()))
                .type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "List API keys", description = "Every key, active and revoked, newest first; never a secret.")
    @APIResponse(responseCode = "200", description = "the keys",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Listed[].class)))
    @APIResponse(responseCode = "401", description = "no API key, or an unknown or revoked one (unauthenticated)",
            content = @Content(mediaType = LenderApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "the API key lacks the scope admin (forbidden)",
            content = @Content(mediaType = LenderApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    public List<Listed> list() {
        return keys.list().stream()
                .sorted(Comparator.comparing((ApiKeyRecord r) -> r.createdAt, Comparator.nullsLast(Comparator.reverseOrder())))
                .map(Listed::of).toList();
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Show an API key", description = "Without its secret.")
    @APIResponse(responseCode = "200", description = "the key",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Listed.class)))
    @APIResponse(responseCode = "400", description = "the id is not a UUID (invalid-api-key-id)",
            content = @Content(mediaType = LenderApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "no such key (unknown-api-key)",
            content = @Content(mediaType = LenderApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    public Listed show(@PathParam("id") @Parameter(description = "the key's id (UUID)") String id) {
        UUID uuid = parseId(id);
        ApiKeyRecord record = QuarkusTransaction.joiningExisting().call(() -> ApiKeyRecord.<ApiKeyRecord>findById(uuid));
        if (record == null) {
            throw ApiProblem.notFound("unknown-api-key", "no API key " + uuid);
        }
        return Listed.of(record);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Revoke an API key",
            description = "Takes effect at once on this instance and within 30 seconds (the verification cache) on others.")
    @APIResponse(responseCode = "204", description = "revoked")
    @APIResponse(responseCode = "400", description = "the id is not a UUID (invalid-api-key-id)",
            content = @Content(mediaType = LenderApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "no API key, or an unknown or revoked one (unauthenticated)",
            content = @Content(mediaType = LenderApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "the API key lacks the scope admin (forbidden)",
            content = @Content(mediaType = LenderApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "no such key, or already revoked (unknown-api-key)",
            content = @Content(mediaType = LenderApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    public Response revoke(@PathParam("id") @Parameter(description = "the key's id (UUID)") String id) {
        UUID uuid = parseId(id);
        if (!keys.revoke(uuid)) {
            throw ApiProblem.notFound("unknown-api-key", "no active API key " + uuid);
        }
        limiter.forget(uuid);
        LOG.infof("API key %s revoked", uuid);
        return Response.noContent().build();
    }

    private static UUID parseId(String id) {
        if (id != null && id.length() == 36) {
            try {
                return UUID.fromString(id);
            } catch (IllegalArgumentException e) {
                // answered below
            }
        }
        throw ApiProblem.badRequest("invalid-api-key-id", "an API key id is a UUID");
    }

    private static ApiProblem invalid(String detail) {
        return ApiProblem.badRequest("invalid-api-key-request", detail);
    }

    private static List<String> scopeIds(Set<Scope> scopes) {
        return scopes.stream().map(Scope::id).sorted().toList();
    }
}
