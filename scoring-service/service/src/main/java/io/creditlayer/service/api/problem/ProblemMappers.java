package io.creditlayer.service.api.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.hibernate.exception.JDBCConnectionException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * Every error leaves the API as {@code application/problem+json}. Unexpected exceptions are logged with an id
 * and answered without internals; a lost database is a 503 (readiness goes down with it, see DatabaseHealth).
 */
public final class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response apiProblem(ApiProblem problem, UriInfo uri) {
        Response.ResponseBuilder response = respond(new Problem(Problem.type(problem.slug()), problem.title(),
                problem.status(), problem.getMessage(), path(uri), problem.extensions()));
        problem.headers().forEach(response::header);
        return response.build();
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return malformedJson(json, uri); // the JSON reader wraps syntax errors in a 400
        }
        int status = e.getResponse().getStatus();
        Response.StatusType type = e.getResponse().getStatusInfo();
        String slug = switch (status) {
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 415 -> "unsupported-media-type";
            default -> status >= 500 ? "server-error" : "bad-request";
        };
        String detail = status >= 500 ? "the request could not be completed" : e.getMessage();
        return respond(new Problem(Problem.type(slug), type.getReasonPhrase(), status, detail, path(uri), null)).build();
    }

    /** Declared for the subtype so that it wins over Quarkus' built-in (plain JSON) mapper of wrongly typed fields. */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e, UriInfo uri) {
        return malformedJson(e, uri);
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e, UriInfo uri) {
        String detail = "malformed JSON body: " + e.getOriginalMessage();
        return respond(new Problem(Problem.type("malformed-body"), "Bad request", 400, detail, path(uri), null)).build();
    }

    @ServerExceptionMapper({PersistenceException.class, JDBCConnectionException.class, SQLException.class,
            SQLTransientConnectionException.class})
    public Response database(Exception e, UriInfo uri) {
        LOG.warnf("database unavailable on %s: %s", path(uri), e.getClass().getSimpleName());
        return respond(new Problem(Problem.type("database-unavailable"), "Service unavailable", 503,
                "the database is unavailable; retry shortly", path(uri), null)).header("Retry-After", "5").build();
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e, UriInfo uri) {
        Throwable cause = e;
        while (cause != null) {
            if (cause instanceof ApiProblem problem) {
                return apiProblem(problem, uri);
            }
            if (cause instanceof SQLException || cause instanceof PersistenceException) {
                return database(e, uri);
            }
            cause = cause.getCause();
        }
        String id = java.util.UUID.randomUUID().toString();
        LOG.errorf(e, "unexpected error %s on %s", id, path(uri));
        return respond(new Problem(Problem.type("server-error"), "Internal server error", 500,
                "unexpected error, reference " + id, path(uri), null)).build();
    }

    private static Response.ResponseBuilder respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getPath();
    }
}
