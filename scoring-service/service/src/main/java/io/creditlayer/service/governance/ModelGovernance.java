package io.creditlayer.service.governance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.creditlayer.fairness.FairnessPolicy;
import io.creditlayer.model.CreditModel;
import io.creditlayer.model.CreditModelException;
import io.creditlayer.model.data.WalletV1;
import io.creditlayer.service.api.problem.ApiProblem;
import io.creditlayer.service.scoring.ModelCatalog;
import io.creditlayer.service.scoring.ScoringEngine;
import io.creditlayer.service.store.CreditModelRecord;
import io.creditlayer.service.store.FairnessReportRecord;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Model governance: registering artifacts, taking fairness reports, and approving or retiring models. Approval
 * is gated on the latest fairness report having passed under the service's policy; an approved model becomes the
 * one that serves scores (the previous one stops), and the chain's ModelRegistry follows through the outbox
 * ({@link ModelRegistrySync}). Decisions are serialised by a database lock so two approvals cannot race for the
 * one active slot.
 */
@ApplicationScoped
public class ModelGovernance {
    private static final Logger LOG = Logger.getLogger(ModelGovernance.class);
    private static final Pattern MODEL_ID = Pattern.compile("0x[0-9a-f]{64}");

    private final ModelCatalog catalog;
    private final ScoringEngine scoring;
    private final ModelRegistrySync registry;
    private final ObjectMapper json;
    private final FairnessReportVerifier verifier;
    private final Optional<Path> artifactRoot;

    public ModelGovernance(ModelCatalog catalog, ScoringEngine scoring, ModelRegistrySync registry, ObjectMapper json,
                           @ConfigProperty(name = "creditlayer.governance.fairness-policy") Optional<String> policyFile,
                           @ConfigProperty(name = "creditlayer.governance.artifact-root") Optional<String> artifactRoot) {
        this.catalog = catalog;
        this.scoring = scoring;
        this.registry = registry;
        this.json = json;
        this.verifier = new FairnessReportVerifier(policy(policyFile));
        this.artifactRoot = artifactRoot.filter(r -> !r.isBlank()).map(r -> Path.of(r).toAbsolutePath().normalize());
    }

    private static FairnessPolicy policy(Optional<String> file) {
        Optional<String> path = file.filter(f -> !f.isBlank());
        if (path.isEmpty()) {
            return FairnessPolicy.defaults();
        }
        try {
            return FairnessPolicy.load(Path.of(path.get()));
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("creditlayer.governance.fairness-policy: cannot load " + path.get() + ": "
                    + e.getMessage(), e);
        }
    }

    public FairnessReportVerifier verifier() {
        return verifier;
    }

    /** Lower-cases a path's model id and checks it is 0x + 64 hex digits. */
    public static String modelId(String raw) {
        String id = raw == null ? "" : raw.trim().toLowerCase(Locale.ROOT);
        if (!MODEL_ID.matcher(id).matches()) {
            throw ApiProblem.badRequest("invalid-model-id", "a model id is 0x followed by 64 hex digits (the artifact hash)");
        }
        return id;
    }

    // --- reading -----------------------------------------------------------------------------------------------

    public List<ModelSummaryView> list() {
        return QuarkusTransaction.requiringNew().call(() -> CreditModelRecord.<CreditModelRecord>list("order by createdAt, modelId")
                .stream().map(this::summary).toList());
    }

    public ModelDetailView detail(String modelId) {
        return QuarkusTransaction.requiringNew().call(() -> detail(find(modelId)));
    }

    public List<FairnessReportView> reports(String modelId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            find(modelId);
            return reportViews(modelId);
        });
    }

    /** The canonical bytes of a stored report (hash them to check the stored hash) and that hash. */
    public record ReportDocument(String canonicalJson, String reportHash) {
    }

    public ReportDocument report(String modelId, long reportId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            FairnessReportRecord report = FairnessReportRecord.findById(reportId);
            if (report == null || !report.modelId.equals(modelId)) {
                throw ApiProblem.notFound("unknown-fairness-report", "model " + modelId + " has no fairness report " + reportId);
            }
            FairnessReportDocument document = FairnessReportDocument.findById(reportId);
            return new ReportDocument(document.canonicalJson, report.reportHash);
        });
    }

    // --- registering -------------------------------------------------------------------------------------------

    /** A registration: the model and whether it was new. */
    public record Registered(ModelDetailView model, boolean created) {
    }

    public Registered register(String artifactDir, String actor) {
        if (artifactDir == null || artifactDir.isBlank()) {
            throw ApiProblem.badRequest("invalid-artifact", "artifactDir must name a model artifact directory");
        }
        Path dir = Path.of(artifactDir).toAbsolutePath().normalize();
        if (artifactRoot.isPresent() && !dir.startsWith(artifactRoot.get())) {
            throw ApiProblem.badRequest("invalid-artifact", "artifactDir must lie under the configured artifact root "
                    + artifactRoot.get());
        }
        if (!Files.isDirectory(dir)) {
            throw ApiProblem.badRequest("invalid-artifact", "artifactDir " + dir + " is not a directory");
        }
        CreditModel model;
        try {
            model = CreditModel.load(dir);
        } catch (CreditModelException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw ApiProblem.badRequest("invalid-artifact", "artifactDir " + dir + " is not a valid model artifact: "
                    + e.getMessage());
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            lockGovernance();
            boolean known = CreditModelRecord.findById(model.modelId()) != null;
            CreditModelRecord record = catalog.register(dir);
            if (!known) {
                ModelChainState.of(record.modelId);
                GovernanceAction.record(record.modelId, GovernanceAction.Kind.REGISTER, actor,
                        write(Map.of("artifactDir", record.artifactDir)));
            }
            return new Registered(detail(record), !known);
        });
    }

    // --- fairness reports --------------------------------------------------------------------------------------

    /** Verifies and stores a fairness-audit report for a model. */
    public FairnessReportView submitReport(String modelId, byte[] body, String actor) {
        QuarkusTransaction.requiringNew().run(() -> find(modelId));
        FairnessReportVerifier.Verified verified = verifier.verify(body, modelId);
        return store(modelId, verified, FairnessReportDocument.Source.UPLOAD, actor);
    }

    FairnessReportView store(String modelId, FairnessReportVerifier.Verified verified, FairnessReportDocument.Source source,
                             String actor) {
        String text = verified.canonicalText();
        if (text.contains("\\u0000")) {
            throw ApiProblem.badRequest("invalid-fairness-report", "the report contains a NUL character");
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            find(modelId);
            FairnessReportRecord report = new FairnessReportRecord();
            report.modelId = modelId;
            report.verdict = verified.verdict().name();
            report.reportHash = verified.hash().bytes32();
            report.report = text;
            report.persist();
            report.flush();
            FairnessReportDocument document = new FairnessReportDocument();
            document.reportId = report.id;
            document.canonicalJson = text;
            document.verdictReason = verified.verdictReason();
            document.policySha256 = verified.policySha256();
            document.source = source.id();
            document.submittedBy = actor;
            document.persist();
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("reportId", report.id);
            detail.put("verdict", report.verdict);
            detail.put("reportHash", report.reportHash);
            detail.put("source", source.id());
            GovernanceAction.record(modelId, GovernanceAction.Kind.FAIRNESS_REPORT, actor, write(detail));
            FairnessReportRecord stored = FairnessReportRecord.findById(report.id);
            return view(stored, document);
        });
    }

    // --- decisions ---------------------------------------------------------------------------------------------

    /**
     * Approves a model: refused (409 fairness-gate) unless its latest fairness report passed; then it serves
     * scores in place of the previous model and the registry follows through the outbox. Approving an approved
     * model again re-queues the registry steps if none is pending (after a failed step).
     */
    public ModelDetailView approve(String modelId, String actor) {
        CreditModelRecord current = QuarkusTransaction.requiringNew().call(() -> {
            CreditModelRecord record = find(modelId);
            requireApprovable(record);
            return record;
        });
        CreditModel model = loadServable(current);
        String previous = QuarkusTransaction.requiringNew().call(() -> {
            lockGovernance();
            CreditModelRecord record = CreditModelRecord.findById(modelId, LockModeType.PESSIMISTIC_WRITE);
            FairnessReportRecord passed = requireApprovable(record);
            String before = CreditModelRecord.active().map(r -> r.modelId).orElse(null);
            CreditModelRecord.update("active = false where active = true and modelId <> ?1", modelId);
            boolean already = record.status == CreditModelRecord.Status.APPROVED && record.active;
            record.status = CreditModelRecord.Status.APPROVED;
            record.active = true;
            if (record.approvedAt == null) {
                record.approvedAt = Instant.now();
            }
            ModelChainState.of(modelId);
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("fairnessReportId", passed.id);
            detail.put("fairnessReportHash", passed.reportHash);
            detail.put("previousActiveModel", before);
            detail.put("repeated", already);
            GovernanceAction.record(modelId, GovernanceAction.Kind.APPROVE, actor, write(detail));
            registry.requestSync(record);
            return before;
        });
        scoring.activate(modelId, model);
        if (previous != null && !previous.equals(modelId)) {
            LOG.infof("model %s approved by %s and serving; model %s stopped serving", modelId, actor, previous);
        } else {
            LOG.infof("model %s approved by %s and serving", modelId, actor);
        }
        return detail(modelId);
    }

    /** Retires a model: it stops serving at once (if it was serving) and the registry retires it too. */
    public ModelDetailView retire(String modelId, String actor) {
        boolean wasActive = QuarkusTransaction.requiringNew().call(() -> {
            lockGovernance();
            CreditModelRecord record = CreditModelRecord.findById(modelId, LockModeType.PESSIMISTIC_WRITE);
            if (record == null) {
                throw unknownModel(modelId);
            }
            if (record.status == CreditModelRecord.Status.RETIRED) {
                return false;
            }
            boolean active = record.active;
            record.status = CreditModelRecord.Status.RETIRED;
            record.active = false;
            record.retiredAt = Instant.now();
            ModelChainState.of(modelId);
            GovernanceAction.record(modelId, GovernanceAction.Kind.RETIRE, actor, write(Map.of("wasActive", active)));
            registry.requestSync(record);
            return active;
        });
        boolean engineServesIt = scoring.activeModel().map(m -> m.modelId().equalsIgnoreCase(modelId)).orElse(false);
        if (wasActive || engineServesIt) {
            scoring.deactivate();
            LOG.infof("model %s retired by %s; no model serves scores until another is approved", modelId, actor);
        }
        return detail(modelId);
    }

    /** The gate: the model is not retired and its latest fairness report passed. Returns that report. */
    private static FairnessReportRecord requireApprovable(CreditModelRecord record) {
        if (record.status == CreditModelRecord.Status.RETIRED) {
            throw ApiProblem.conflict("model-retired", "model " + record.modelId
                    + " is retired; retirement is final (on the registry too): register and approve a new model");
        }
        Optional<FairnessReportRecord> latest = FairnessReportRecord.latestFor(record.modelId);
        if (latest.isEmpty()) {
            throw new ApiProblem(409, "fairness-gate", "Conflict", "model " + record.modelId
                    + " has no fairness report; post a passing fairness-audit report before approving",
                    Map.of("modelId", record.modelId), Map.of());
        }
        FairnessReportRecord report = latest.get();
        if (!"PASS".equals(report.verdict)) {
            Map<String, Object> ext = new LinkedHashMap<>();
            ext.put("modelId", record.modelId);
            ext.put("latestReportId", report.id);
            ext.put("latestVerdict", report.verdict);
            ext.put("latestReportHash", report.reportHash);
            throw new ApiProblem(409, "fairness-gate", "Conflict", "model " + record.modelId
                    + "'s latest fairness report (" + report.id + ") is " + report.verdict
                    + "; approval needs the latest report to pass", ext, Map.of());
        }
        return report;
    }

    /** Loads the artifact as it will serve: its files match the model id and its schema is the extractor's. */
    private static CreditModel loadServable(CreditModelRecord record) {
        try {
            return CreditModel.load(Path.of(record.artifactDir), WalletV1.schema(), record.modelId);
        } catch (CreditModelException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw new ApiProblem(422, "unservable-model", "Unprocessable entity", "model " + record.modelId
                    + " cannot serve wallet profiles: " + e.getMessage());
        }
    }

    // --- views -------------------------------------------------------------------------------------------------

    private ModelSummaryView summary(CreditModelRecord r) {
        Optional<FairnessReportRecord> latest = FairnessReportRecord.latestFor(r.modelId);
        return new ModelSummaryView(r.modelId, r.status.name(), r.active, headline(r.metrics), cardSummary(r.modelCard),
                latest.map(this::view).orElse(null), registryView(r.modelId), r.createdAt, r.approvedAt, r.retiredAt);
    }

    private ModelDetailView detail(CreditModelRecord r) {
        List<ModelDetailView.HistoryEntry> history = GovernanceAction.history(r.modelId).stream()
                .map(a -> new ModelDetailView.HistoryEntry(a.action.name(), a.actor, tree(a.detail), a.createdAt)).toList();
        return new ModelDetailView(r.modelId, r.status.name(), r.active, r.artifactDir, r.artifactSha256,
                r.featureSchemaHash, tree(r.metrics), tree(r.modelCard), reportViews(r.modelId), registryView(r.modelId),
                history, r.createdAt, r.approvedAt, r.retiredAt);
    }

    private List<FairnessReportView> reportViews(String modelId) {
        return FairnessReportRecord.<FairnessReportRecord>list("modelId = ?1 order by createdAt desc, id desc", modelId)
                .stream().map(this::view).toList();
    }

    private FairnessReportView view(FairnessReportRecord report) {
        return view(report, FairnessReportDocument.findById(report.id));
    }

    private FairnessReportView view(FairnessReportRecord report, FairnessReportDocument document) {
        // reports written into fairness_report without this service (none should be) have no document row
        return new FairnessReportView(report.id, report.modelId, report.verdict, report.reportHash,
                document == null ? null : document.verdictReason, document == null ? null : document.policySha256,
                document == null ? null : document.source, document == null ? null : document.submittedBy,
                report.createdAt);
    }

    private RegistryView registryView(String modelId) {
        ModelChainState state = ModelChainState.findById(modelId);
        List<RegistryView.PendingStep> steps = registry.pending(modelId).stream()
                .map(e -> new RegistryView.PendingStep(e.id, e.kind, e.status.name(), e.attempts, e.nextAttemptAt, e.lastError))
                .toList();
        if (state == null) {
            return new RegistryView(ModelChainState.RegistryStatus.NONE.name(), null, false, null, null, steps, null);
        }
        return new RegistryView(state.registryStatus.name(), state.fairnessReportHash, state.fairnessPassed,
                state.lastTxHash, state.lastError, steps, state.updatedAt);
    }

    /** The chosen learner's held-out metrics, with what the holdout was. */
    private JsonNode headline(String metrics) {
        JsonNode all = tree(metrics);
        ObjectNode out = json.createObjectNode();
        out.put("holdoutKind", all.path("holdoutKind").asText(null));
        out.put("chosen", all.path("chosen").asText(null));
        JsonNode chosen = all.path("holdout").path("chosen");
        if (chosen.isObject()) {
            out.setAll((ObjectNode) chosen);
        }
        return out;
    }

    private JsonNode cardSummary(String card) {
        JsonNode all = tree(card);
        ObjectNode out = json.createObjectNode();
        for (String field : List.of("name", "intendedUse", "outOfScope")) {
            if (all.has(field)) {
                out.set(field, all.get(field));
            }
        }
        return out;
    }

    private JsonNode tree(String text) {
        try {
            return text == null ? json.nullNode() : json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is malformed", e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static CreditModelRecord find(String modelId) {
        CreditModelRecord record = CreditModelRecord.findById(modelId);
        if (record == null) {
            throw unknownModel(modelId);
        }
        return record;
    }

    private static ApiProblem unknownModel(String modelId) {
        return ApiProblem.notFound("unknown-model", "no model " + modelId + " is registered");
    }

    /** Serialises governance decisions across instances for the rest of the transaction. */
    private static void lockGovernance() {
        CreditModelRecord.getEntityManager().createNativeQuery("SELECT pg_advisory_xact_lock(hashtext('creditlayer.governance'))")
                .getSingleResult();
    }
}
