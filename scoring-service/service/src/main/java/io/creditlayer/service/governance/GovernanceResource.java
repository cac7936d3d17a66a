package io.creditlayer.service.governance;

import io.creditlayer.service.auth.ApiKeyFilter;
import io.creditlayer.service.auth.ApiKeyPrincipal;
import io.creditlayer.service.auth.RequiresScope;
import io.creditlayer.service.auth.Scope;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The governance API (scope {@code governance}): models with their metrics and model cards, fairness reports,
 * and the approve / retire decisions the chain's ModelRegistry follows.
 */
@Path("/v1/governance/models")
@Produces(MediaType.APPLICATION_JSON)
@RequiresScope(Scope.GOVERNANCE)
@Tag(name = "Governance", description = "Model approval gated by the fairness report; the ModelRegistry follows on-chain")
@SecurityRequirement(name = "api-key")
public class GovernanceResource {
    /** Response header carrying a served report's hash. */
    public static final String REPORT_HASH_HEADER = "X-CreditLayer-Report-Hash";

    private final ModelGovernance governance;
    private final ServerAudit audit;

    public GovernanceResource(ModelGovernance governance, ServerAudit audit) {
        this.governance = governance;
        this.audit = audit;
    }

    /** Body of a registration. */
    public record RegisterRequest(String artifactDir) {
    }

    @GET
    @Operation(summary = "List models", description = "Every registered model: status, whether it serves scores, "
            + "headline held-out metrics, model-card name and intended use, latest fairness report, registry state.")
    public List<ModelSummaryView> list() {
        return governance.list();
    }

    @GET
    @Path("{modelId}")
    @Operation(summary = "A model in full", description = "All metrics, the whole model card, every fairness report, "
            + "the registry state with pending outbox steps, and the governance audit trail.")
    @APIResponse(responseCode = "404", description = "unknown-model")
    public ModelDetailView detail(@PathParam("modelId") String modelId) {
        return governance.detail(ModelGovernance.modelId(modelId));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register a model artifact", description = "Registers the artifact directory written by the "
            + "credit model's trainer as a CANDIDATE (its files are checked against its hash). 201 when new, 200 when "
            + "the model was already registered.")
    @APIResponse(responseCode = "201", description = "registered")
    @APIResponse(responseCode = "400", description = "invalid-artifact")
    public Response register(RegisterRequest request, @Context ContainerRequestContext context, @Context UriInfo uri) {
        ModelGovernance.Registered registered = governance.register(request == null ? null : request.artifactDir(),
                actor(context));
        if (!registered.created()) {
            return Response.ok(registered.model()).build();
        }
        return Response.created(uri.getAbsolutePathBuilder().path(registered.model().modelId()).build())
                .entity(registered.model()).build();
    }

    @GET
    @Path("{modelId}/fairness-reports")
    @Operation(summary = "A model's fairness reports, newest first")
    public List<FairnessReportView> reports(@PathParam("modelId") String modelId) {
        return governance.reports(ModelGovernance.modelId(modelId));
    }

    @GET
    @Path("{modelId}/fairness-reports/{reportId}")
    @Operation(summary = "A fairness report's canonical JSON", description = "The exact bytes whose SHA-256 is the "
            + "report hash (also in the " + REPORT_HASH_HEADER + " header).")
    @APIResponse(responseCode = "404", description = "unknown-fairness-report")
    public Response report(@PathParam("modelId") String modelId, @PathParam("reportId") long reportId) {
        ModelGovernance.ReportDocument document = governance.report(ModelGovernance.modelId(modelId), reportId);
        return Response.ok(document.canonicalJson().getBytes(StandardCharsets.UTF_8), MediaType.APPLICATION_JSON)
                .header(REPORT_HASH_HEADER, document.reportHash()).build();
    }

    @POST
    @Path("{modelId}/fairness-reports")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Submit a fairness-audit report", description = "The JSON report written by fairness-audit "
            + "for this model (model.version = the model id) under the policy governance enforces. The service "
            + "recomputes its hash (SHA-256 of the canonical bytes) and checks the verdict against the checks.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "201", description = "stored")
    @APIResponse(responseCode = "400", description = "invalid-fairness-report")
    @APIResponse(responseCode = "422", description = "fairness-report-inconsistent, fairness-report-model-mismatch, "
            + "fairness-policy-mismatch")
    public Response submitReport(@PathParam("modelId") String modelId, byte[] body,
                                 @Context ContainerRequestContext context, @Context UriInfo uri) {
        FairnessReportView view = governance.submitReport(ModelGovernance.modelId(modelId), body, actor(context));
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(view.id())).build()).entity(view).build();
    }

    @POST
    @Path("{modelId}/fairness-reports:run")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Run the fairness audit in the service", description = "Audits the model on a labelled "
            + "training-set CSV from the operator's audit-data directory (creditlayer.governance.audit-data-dir), by "
            + "wallet-age and holdings cohorts, under the enforced policy, and stores the report.")
    @APIResponse(responseCode = "201", description = "stored")
    @APIResponse(responseCode = "404", description = "unknown-dataset")
    @APIResponse(responseCode = "409", description = "server-audit-unavailable")
    public Response runAudit(@PathParam("modelId") String modelId, ServerAudit.Request request,
                             @Context ContainerRequestContext context, @Context UriInfo uri) {
        String id = ModelGovernance.modelId(modelId);
        FairnessReportView view = audit.run(id, request, actor(context));
        return Response.created(uri.getBaseUriBuilder().path("v1/governance/models").path(id).path("fairness-reports")
                .path(Long.toString(view.id())).build()).entity(view).build();
    }

    /**
     * The same operation when the client percent-encodes the colon (RestAssured and some HTTP libraries do; routes
     * match the path as sent).
     */
    @POST
    @Path("{modelId}/{operation: fairness-reports%3[Aa]run}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Response runAuditEncoded(@PathParam("modelId") String modelId, ServerAudit.Request request,
                                    @Context ContainerRequestContext context, @Context UriInfo uri) {
        return runAudit(modelId, request, context, uri);
    }

    @POST
    @Path("{modelId}/approve")
    @Operation(summary = "Approve a model", description = "Refused (409 fairness-gate) unless the latest fairness "
            + "report passed. The model then serves scores in place of the previous one, and the ModelRegistry "
            + "follows through the outbox: proposeModel, recordFairnessReport, then approveModel through the timelock.")
    @APIResponse(responseCode = "409", description = "fairness-gate, model-retired")
    @APIResponse(responseCode = "422", description = "unservable-model")
    public ModelDetailView approve(@PathParam("modelId") String modelId, @Context ContainerRequestContext context) {
        return governance.approve(ModelGovernance.modelId(modelId), actor(context));
    }

    @POST
    @Path("{modelId}/retire")
    @Operation(summary = "Retire a model", description = "Final. The model stops serving at once if it served; the "
            + "ModelRegistry retires it through the timelock if it was ever proposed there.")
    public ModelDetailView retire(@PathParam("modelId") String modelId, @Context ContainerRequestContext context) {
        return governance.retire(ModelGovernance.modelId(modelId), actor(context));
    }

    private static String actor(ContainerRequestContext context) {
        return ApiKeyFilter.principal(context).map(ApiKeyPrincipal::label).orElse("unknown");
    }
}
