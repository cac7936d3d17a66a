package io.creditlayer.service.lender;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.creditlayer.service.api.problem.Problem;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** Request and response of batch scoring. */
public final class BatchScores {
    /** Most addresses one batch may hold. */
    public static final int MAX_ADDRESSES = 1_000;
    /** A batch costs one rate-limit token per started block of this many distinct addresses. */
    public static final int ADDRESSES_PER_TOKEN = 100;

    private BatchScores() {
    }

    @Schema(name = "BatchScoreRequest", description = "Up to 1,000 wallet addresses to score")
    public record Request(
            @Schema(description = "wallet addresses (0x + 40 hex digits; lower-case, upper-case or EIP-55 checksummed)",
                    minItems = 1, maxItems = MAX_ADDRESSES, required = true)
            List<String> addresses) {
    }

    @Schema(name = "BatchScoreResponse", description = "One result per distinct address, in the order first given")
    public record Response(
            @Schema(description = "addresses in the request, duplicates included") int requested,
            @Schema(description = "distinct addresses (results); case variants of one address count once") int distinct,
            @Schema(description = "results holding a score") int scored,
            @Schema(description = "results holding a problem") int failed,
            @Schema(description = "rate-limit tokens the batch cost: ceil(distinct / 100)") int tokens,
            List<Result> results) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "BatchScoreResult", description = "The score of one address, or the problem that prevented it")
    public record Result(
            @Schema(description = "the address: lower-case when valid, as sent otherwise") String address,
            @Schema(description = "the status the single-score endpoint would have answered (200, 400 or 404)") int status,
            @Schema(description = "present when status is 200", nullable = true) WalletScore score,
            @Schema(description = "present when status is not 200", nullable = true) Problem problem) {
    }
}
