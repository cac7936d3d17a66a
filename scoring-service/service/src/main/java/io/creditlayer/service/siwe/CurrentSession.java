package io.creditlayer.service.siwe;

import io.creditlayer.service.api.problem.ApiProblem;
import jakarta.enterprise.context.RequestScoped;

/** The session {@link SessionFilter} verified for the current request. */
@RequestScoped
public class CurrentSession {
    private BorrowerSession session;

    void set(BorrowerSession session) {
        this.session = session;
    }

    /** The signed-in borrower (only resources marked {@link RequiresSession} have one). */
    public BorrowerSession require() {
        if (session == null) {
            throw ApiProblem.unauthorized("sign in with Ethereum first (POST /v1/siwe/verify)");
        }
        return session;
    }
}
