package io.creditlayer.service.api.problem;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.net.URI;
import java.util.Map;

/**
 * An RFC 7807 problem document. {@code type} is a stable URI per kind of problem (documented in the OpenAPI
 * description); {@code extensions} carry machine-readable details such as the offending field.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(URI type, String title, int status, String detail, String instance,
                      @com.fasterxml.jackson.annotation.JsonIgnore Map<String, Object> extensions) {
    public static final String MEDIA_TYPE = "application/problem+json";
    static final String TYPE_BASE = "https://creditlayer.io/problems/";

    public Problem {
        extensions = extensions == null ? Map.of() : Map.copyOf(extensions);
    }

    @JsonAnyGetter
    public Map<String, Object> extensionFields() {
        return extensions;
    }

    public static URI type(String slug) {
        return URI.create(TYPE_BASE + slug);
    }
}
