package io.creditlayer.service.lender;

import io.smallrye.common.annotation.NonBlocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A trivial endpoint: no key, no work. Clients use it to check connectivity; the load script uses it as the
 * baseline the score endpoint's throughput is compared with (bench/load.sh).
 */
@Path("/v1/ping")
@Tag(name = "Service")
public class PingResource {
    private static final Pong PONG = new Pong("ok");

    @Schema(name = "Pong", description = "Proof of life")
    public record Pong(@Schema(examples = "ok") String status) {
    }

    @GET
    @NonBlocking
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Check connectivity", description = "Answers without authentication or any work.")
    @APIResponse(responseCode = "200", description = "the service is reachable",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Pong.class)))
    public Pong ping() {
        return PONG;
    }
}
