package io.creditlayer.service.scoring;

import io.creditlayer.model.CreditModel;
import io.creditlayer.model.Explanation;
import io.creditlayer.model.Reason;
import io.creditlayer.model.Score;
import io.creditlayer.service.api.problem.ApiProblem;
import io.creditlayer.service.store.CreditModelRecord;
import io.creditlayer.service.store.WalletProfileRecord;
import io.creditlayer.service.store.WalletScoreRecord;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import io.quarkus.scheduler.Scheduled;
import org.jboss.logging.Logger;
import io.quarkus.narayana.jta.QuarkusTransaction;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Scores wallets with the active model. Scores are computed once per (profile, model) and kept in memory, so a
 * cached score costs a map lookup; a refreshed profile or a model switch evicts them. Every computed score is
 * also stored with its reasons (wallet_score) for audit.
 */
@ApplicationScoped
public class ScoringEngine {
    /** Reasons returned with a score. */
    public static final int TOP_REASONS = 4;
    private static final Logger LOG = Logger.getLogger(ScoringEngine.class);

    private final ObjectMapper json;
    private final Counter served;
    private final ConcurrentMap<String, ScoreView> cache = new ConcurrentHashMap<>();
    private volatile Active active;

    public ScoringEngine(ObjectMapper json, MeterRegistry metrics) {
        this.json = json;
        this.served = Counter.builder("creditlayer.scores.served").description("scores served to API clients")
                .register(metrics);
    }

    private record Active(String modelId, CreditModel model) {
    }

    /** The model serving scores, loaded on first use from the active credit_model row. */
    public Optional<CreditModel> activeModel() {
        Active current = active;
        if (current == null) {
            current = loadActive();
        }
        return current == null ? Optional.empty() : Optional.of(current.model);
    }

    /** Switches scoring to a model (already approved by governance) and forgets cached scores. */
    public synchronized void activate(String modelId, CreditModel model) {
        active = new Active(modelId, model);
        cache.clear();
    }

    /** Forgets the active model (retired): scoring answers 503 until another is activated. */
    public synchronized void deactivate() {
        active = null;
        cache.clear();
    }

    /** Evicts a wallet's cached score (its profile changed). */
    public void evict(String address) {
        cache.remove(address);
    }

    /**
     * The wallet's score if it is cached (counted as served), else null: never touches the database, so API hot
     * paths may call it on the event loop and fall back to {@link #score} on a worker thread.
     */
    public ScoreView cachedScore(String address) {
        ScoreView cached = cache.get(address);
        if (cached != null) {
            served.increment();
        }
        return cached;
    }

    /** The wallet's current score: cached, or computed from its stored profile and stored with its reasons. */
    public ScoreView score(String address) {
        ScoreView cached = cache.get(address);
        if (cached != null) {
            served.increment();
            return cached;
        }
        ScoreView computed = QuarkusTransaction.joiningExisting().call(() -> compute(address));
        cache.put(address, computed);
        served.increment();
        return computed;
    }

    /** Scores a profile without storing anything (explanations for borrowers, what-if). */
    public Explanation explain(double[] features, int top) {
        return model().explain(features, top);
    }

    private ScoreView compute(String address) {
        Active current = requireActive();
        WalletProfileRecord profile = WalletProfileRecord.findById(address);
        if (profile == null) {
            throw ApiProblem.notFound("unknown-wallet", "no profile for wallet " + address
                    + ": it has no activity the extractor has seen");
        }
        Explanation explanation = current.model.explain(profile.features, TOP_REASONS);
        Score s = explanation.score();
        List<ScoreView.ReasonView> reasons = explanation.reasons().stream()
                .map(r -> new ScoreView.ReasonView(r.code(), r.text(), r.logOdds())).toList();
        ScoreView view = new ScoreView(address, s.score(), Double.isNaN(s.pd()) ? null : s.pd(), s.tier(),
                s.collateralRatioBps(), reasons, current.modelId, profile.asOfBlock, profile.featureCommitment);
        WalletScoreRecord record = new WalletScoreRecord();
        record.address = address;
        record.modelId = current.modelId;
        record.pd = s.pd();
        record.score = s.score();
        record.tier = s.tier();
        record.collateralRatioBps = s.collateralRatioBps();
        record.reasons = toJson(explanation.reasons());
        record.asOfBlock = profile.asOfBlock;
        record.featureCommitment = profile.featureCommitment;
        record.persist();
        return view;
    }

    private CreditModel model() {
        return requireActive().model;
    }

    private Active requireActive() {
        Active current = active;
        if (current == null) {
            current = loadActive();
        }
        if (current == null) {
            throw ApiProblem.unavailable("no-active-model",
                    "no approved credit model is active; governance must approve one with a passing fairness report");
        }
        return current;
    }

    /**
     * Follows the database's active model: another instance may have approved or retired a model since this one
     * loaded its own, and a retired model must stop serving everywhere, not only where governance called. Runs
     * every {@code creditlayer.scoring.active-model-check} and under the same lock as {@link #activate} and
     * {@link #deactivate}, reading the row inside it, so a local approval committed before its activation can
     * never be undone by a check that read the row earlier.
     */
    @Scheduled(identity = "creditlayer-active-model", every = "${creditlayer.scoring.active-model-check:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public synchronized void followActiveModel() {
        Optional<CreditModelRecord> record = QuarkusTransaction.requiringNew().call(CreditModelRecord::active);
        String wanted = record.map(r -> r.modelId).orElse(null);
        Active current = active;
        String serving = current == null ? null : current.modelId;
        if (serving == null ? wanted == null : serving.equalsIgnoreCase(wanted)) {
            return;
        }
        if (wanted == null) {
            LOG.infof("model %s is no longer active in the database (retired elsewhere): it stops serving here", serving);
            deactivate();
            return;
        }
        CreditModel model;
        try {
            model = CreditModel.load(Path.of(record.get().artifactDir));
        } catch (RuntimeException e) {
            // keep serving what this instance has; the next check tries again (the artifact may be on its way)
            LOG.errorf("model %s is active in the database but its artifact does not load here: %s", wanted, e.getMessage());
            return;
        }
        LOG.infof("model %s became active in the database (approved elsewhere): it serves here from now on%s", wanted,
                serving == null ? "" : ", in place of " + serving);
        activate(wanted, model);
    }

    private synchronized Active loadActive() {
        if (active != null) {
            return active;
        }
        Optional<CreditModelRecord> record = QuarkusTransaction.joiningExisting().call(CreditModelRecord::active);
        if (record.isEmpty()) {
            return null;
        }
        CreditModel model = CreditModel.load(Path.of(record.get().artifactDir));
        active = new Active(record.get().modelId, model);
        return active;
    }

    private String toJson(List<Reason> reasons) {
        try {
            return json.writeValueAsString(reasons);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
