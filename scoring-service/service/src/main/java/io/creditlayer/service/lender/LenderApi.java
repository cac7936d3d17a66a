package io.creditlayer.service.lender;

/** Names shared by the lender API's resources and their OpenAPI description. */
public final class LenderApi {
    /**
     * The OpenAPI security scheme for the {@code X-API-Key} header, generated from
     * {@code quarkus.smallrye-openapi.security-scheme=api-key} under Quarkus' default scheme name.
     */
    public static final String API_KEY_SCHEME = "SecurityScheme";
    /** Media type of every error body (RFC 7807). */
    public static final String PROBLEM_JSON = "application/problem+json";
    /** Base of the problem type URIs, for the OpenAPI descriptions. */
    public static final String PROBLEM_TYPES = "https://creditlayer.io/problems/";

    private LenderApi() {
    }
}
