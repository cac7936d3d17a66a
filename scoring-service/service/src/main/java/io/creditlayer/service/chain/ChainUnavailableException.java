package io.creditlayer.service.chain;

import io.creditlayer.service.api.problem.ApiProblem;

import java.util.Map;

/** The chain's JSON-RPC endpoint does not answer: the API says 503 and readiness goes down until it returns. */
public class ChainUnavailableException extends ApiProblem {
    /**
     * @param cause what failed; named in the detail by the caller, not chained: an ApiProblem carries no stack
     *              and no cause (its constructor fixes the cause to null, so initCause would throw)
     */
    public ChainUnavailableException(String detail, Throwable cause) {
        super(503, "chain-unavailable", "Service unavailable", detail, Map.of(), Map.of("Retry-After", "5"));
    }
}
