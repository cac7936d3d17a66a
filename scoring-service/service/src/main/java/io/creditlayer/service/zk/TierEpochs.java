package io.creditlayer.service.zk;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.creditlayer.model.CreditModel;
import io.creditlayer.service.api.problem.ApiProblem;
import io.creditlayer.service.chain.ChainSettings;
import io.creditlayer.service.keys.SigningKeys;
import io.creditlayer.service.scoring.ScoreView;
import io.creditlayer.service.scoring.ScoringEngine;
import io.creditlayer.service.store.OutboxEntry;
import io.creditlayer.service.store.WalletProfileRecord;
import io.creditlayer.zk.prover.TierProofInput;
import io.creditlayer.zk.tree.MerklePath;
import io.creditlayer.zk.tree.TierEntry;
import io.creditlayer.zk.tree.TierTree;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;
import org.jboss.logging.Logger;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Scoring epochs of the tier proofs (ADR 0017): each epoch commits the active model's current score of every
 * profiled wallet in a {@link TierTree} with a fresh secret salt per leaf, stores the entries, and queues the root
 * for {@code CreditOracle.postTierRoot} in the outbox in the same database transaction. Borrowers later get their
 * witness from the stored entries; the tree is rebuilt from them (and checked against the stored root) when it is
 * not in memory.
 */
@ApplicationScoped
public class TierEpochs {
    /** Outbox kind of a root posting; the payload names the epoch. */
    public static final String OUTBOX_KIND = "TIER_ROOT";
    /** Trees kept in memory: the latest confirmed one is what borrowers ask for; one more covers the switch-over. */
    private static final int CACHED_TREES = 2;
    private static final Logger LOG = Logger.getLogger(TierEpochs.class);

    private final ScoringEngine scoring;
    private final ChainSettings chain;
    private final SigningKeys keys;
    private final ZkSettings settings;
    private final ObjectMapper json;
    private final SecureRandom random = new SecureRandom();
    private final ConcurrentMap<Long, TierTree> trees = new ConcurrentHashMap<>();

    public TierEpochs(ScoringEngine scoring, ChainSettings chain, SigningKeys keys, ZkSettings settings, ObjectMapper json) {
        this.scoring = scoring;
        this.chain = chain;
        this.keys = keys;
        this.settings = settings;
        this.json = json;
    }

    /** Why an epoch was not built: no model serves scores, or no wallet has a score. */
    public static final class Skipped extends ApiProblem {
        private final String reason;

        Skipped(String reason, String detail) {
            super(409, "tier-epoch-skipped", "Conflict", detail, Map.of("reason", reason), Map.of());
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }

    /** A built epoch and its tree. */
    public record Built(TierEpochRecord epoch, TierTree tree) {
    }

    /**
     * Builds an epoch from the current scores of the active model and queues its root.
     *
     * @param requestedBy audit label (API key, "scheduler")
     * @throws Skipped          when no model is active or no wallet has a score
     * @throws ApiProblem       503 when the chain, the deployment file or the scorer key is missing
     */
    public Built build(String requestedBy) {
        CreditModel model = scoring.activeModel().orElseThrow(() -> new Skipped("no-active-model",
                "no approved credit model is active: there are no scores to commit"));
        ChainSettings.Contracts contracts;
        try {
            contracts = chain.contracts();
            keys.scorer();
        } catch (IllegalStateException misconfigured) {
            throw ApiProblem.unavailable("tier-epochs-unavailable",
                    "tier roots cannot be posted: " + misconfigured.getMessage());
        }
        String modelId = model.modelId();
        List<String> addresses = QuarkusTransaction.requiringNew().call(() -> WalletProfileRecord.getEntityManager()
                .createQuery("select p.address from WalletProfileRecord p order by p.address", String.class)
                .getResultList());
        List<ScoreView> scored = new ArrayList<>(addresses.size());
        for (String address : addresses) {
            ScoreView view;
            try {
                view = scoring.score(address);
            } catch (ApiProblem gone) {
                // the profile was deleted meanwhile (a deep reorg) or the model was retired: decided below
                if ("no-active-model".equals(gone.slug())) {
                    throw new Skipped("no-active-model", "the active model was retired while the epoch was built");
                }
                continue;
            }
            if (!modelId.equals(view.modelId())) {
                throw new Skipped("model-changed", "the active model changed while the epoch was built; try again");
            }
            if (view.tier() >= 1 && view.score() >= TierEntry.MIN_SCORE && view.score() <= TierEntry.MAX_SCORE) {
                scored.add(view);
            }
        }
        if (scored.isEmpty()) {
            throw new Skipped("no-scores", "no wallet has a score under model " + modelId);
        }
        if (scored.size() > TierTree.CAPACITY) {
            throw new Skipped("too-many-wallets", scored.size() + " scored wallets exceed the tree's "
                    + TierTree.CAPACITY + " leaves");
        }
        long builtAt = chain.latestBlockTimestamp();
        long expiresAt = builtAt + settings.rootLifetime().toSeconds();
        long epoch = QuarkusTransaction.requiringNew().call(() -> ((Number) WalletProfileRecord.getEntityManager()
                .createNativeQuery("SELECT nextval('tier_epoch_number')").getSingleResult()).longValue());
        BigInteger modelField = TierEntry.modelIdField(modelId);
        List<TierEntry> entries = new ArrayList<>(scored.size());
        for (ScoreView view : scored) {
            entries.add(new TierEntry(TierEntry.borrowerField(view.address()), view.score(), modelField, epoch,
                    TierEntry.randomSalt(random)));
        }
        long started = System.nanoTime();
        TierTree tree = TierTree.build(entries);
        long treeMillis = (System.nanoTime() - started) / 1_000_000;

        TierEpochRecord record = QuarkusTransaction.requiringNew().call(() -> {
            TierEpochRecord r = new TierEpochRecord();
            r.epoch = epoch;
            r.modelId = modelId;
            r.root = tree.rootHex();
            r.size = tree.size();
            r.chainId = chain.chainId();
            r.oracle = contracts.creditOracle();
            r.status = TierEpochRecord.Status.PENDING;
            r.builtAt = builtAt;
            r.expiresAt = expiresAt;
            r.requestedBy = requestedBy;
            r.updatedAt = Instant.now();
            r.persist();
            r.flush();
            insertLeaves(epoch, tree, entries);
            OutboxEntry entry = new OutboxEntry();
            entry.kind = OUTBOX_KIND;
            entry.aggregateId = Long.toString(epoch);
            entry.payload = json.writeValueAsString(Map.of("epoch", epoch));
            entry.status = OutboxEntry.Status.PENDING;
            entry.nextAttemptAt = Instant.now();
            entry.updatedAt = Instant.now();
            entry.persist();
            entry.flush();
            r.outboxId = entry.id;
            return r;
        });
        remember(epoch, tree);
        LOG.infof("tier epoch %d: %d wallets under model %s, root %s (tree built in %d ms), queued for posting",
                epoch, tree.size(), modelId, tree.rootHex(), treeMillis);
        return new Built(record, tree);
    }

    /** One JDBC batch: an epoch holds up to 65,536 leaves. */
    private static void insertLeaves(long epoch, TierTree tree, List<TierEntry> entries) {
        EntityManager em = TierLeafRecord.getEntityManager();
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO tier_leaf (epoch, borrower, score, salt, leaf_index) VALUES (?, ?, ?, ?, ?)")) {
                for (TierEntry entry : entries) {
                    insert.setLong(1, epoch);
                    insert.setString(2, address(entry.borrower()));
                    insert.setInt(3, entry.score());
                    insert.setString(4, entry.salt().toString());
                    insert.setInt(5, tree.pathOf(entry.borrower()).orElseThrow().leafIndex());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    /** The newest epoch whose root the oracle holds, if any. */
    public Optional<TierEpochRecord> latestConfirmed() {
        return QuarkusTransaction.joiningExisting().call(() -> TierEpochRecord
                .<TierEpochRecord>find("status = ?1 order by epoch desc", TierEpochRecord.Status.CONFIRMED)
                .firstResultOptional());
    }

    public Optional<TierEpochRecord> find(long epoch) {
        return QuarkusTransaction.joiningExisting().call(() -> TierEpochRecord.<TierEpochRecord>findByIdOptional(epoch));
    }

    public Optional<TierEpochRecord> findByRoot(String rootHex) {
        return QuarkusTransaction.joiningExisting().call(() -> TierEpochRecord
                .<TierEpochRecord>find("root", rootHex.toLowerCase(Locale.ROOT)).firstResultOptional());
    }

    /** The newest epochs first. */
    public List<TierEpochRecord> list(int limit) {
        return QuarkusTransaction.joiningExisting().call(() -> TierEpochRecord
                .<TierEpochRecord>find("order by epoch desc").page(0, limit).list());
    }

    /**
     * The epoch's tree: from memory, or rebuilt from its stored entries. A rebuilt root that differs from the stored
     * one means the stored entries were altered: refused rather than handing out paths to a root nobody posted.
     */
    public TierTree tree(TierEpochRecord epoch) {
        TierTree cached = trees.get(epoch.epoch);
        if (cached != null) {
            return cached;
        }
        List<TierLeafRecord> leaves = QuarkusTransaction.joiningExisting().call(() -> TierLeafRecord
                .<TierLeafRecord>find("epoch = ?1 order by leafIndex", epoch.epoch).list());
        BigInteger modelField = TierEntry.modelIdField(epoch.modelId);
        List<TierEntry> entries = leaves.stream().map(l -> new TierEntry(TierEntry.borrowerField(l.borrower), l.score,
                modelField, epoch.epoch, new BigInteger(l.salt))).toList();
        TierTree tree = TierTree.build(entries);
        if (!tree.rootHex().equals(epoch.root)) {
            throw new IllegalStateException("the stored entries of tier epoch " + epoch.epoch
                    + " do not rebuild its root " + epoch.root);
        }
        remember(epoch.epoch, tree);
        return tree;
    }

    private void remember(long epoch, TierTree tree) {
        trees.put(epoch, tree);
        while (trees.size() > CACHED_TREES) {
            trees.keySet().stream().min(Long::compare).ifPresent(trees::remove);
        }
    }

    /** The borrower's stored entry in an epoch. */
    public Optional<TierLeafRecord> leaf(long epoch, String borrower) {
        return QuarkusTransaction.joiningExisting().call(() -> TierLeafRecord
                .<TierLeafRecord>findByIdOptional(new TierLeafRecord.Key(epoch, borrower)));
    }

    /**
     * A borrower's witness in the latest confirmed epoch: their entry (with the salt) and Merkle path.
     *
     * @throws ApiProblem 404 no-tier-epoch when no root is confirmed yet, 404 no-tier-witness when the borrower has
     *                    no entry in the latest one
     */
    public Witness witness(String borrower) {
        TierEpochRecord epoch = latestConfirmed().orElseThrow(() -> ApiProblem.notFound("no-tier-epoch",
                "no tier root is confirmed on-chain yet; witnesses exist once an epoch's root is posted"));
        TierLeafRecord leaf = leaf(epoch.epoch, borrower).orElseThrow(() -> ApiProblem.notFound("no-tier-witness",
                "wallet " + borrower + " has no entry in tier epoch " + epoch.epoch
                        + " (it had no score when the epoch was built); wait for the next epoch"));
        TierTree tree = tree(epoch);
        BigInteger field = TierEntry.borrowerField(borrower);
        TierEntry entry = tree.entryOf(field).orElseThrow(() -> new IllegalStateException(
                "tier epoch " + epoch.epoch + " stores an entry its tree lacks"));
        if (entry.score() != leaf.score) {
            throw new IllegalStateException("tier epoch " + epoch.epoch + "'s tree and stored entry disagree");
        }
        return new Witness(epoch, tree.root(), entry, tree.pathOf(field).orElseThrow());
    }

    /** A borrower's entry and path in a confirmed epoch. Holds the salt: for that borrower's session only. */
    public record Witness(TierEpochRecord epoch, BigInteger root, TierEntry entry, MerklePath path) {
        /** The tiers whose floor the committed score clears (tier-policy-v1), lowest first. */
        public List<Integer> tiers() {
            List<Integer> tiers = new ArrayList<>();
            for (int t = TierProofInput.MIN_TIER; t <= TierProofInput.MAX_TIER; t++) {
                if (entry.score() >= TierProofInput.floorOf(t)) {
                    tiers.add(t);
                }
            }
            return tiers;
        }

        @Override
        public String toString() {
            return "Witness[epoch=" + epoch.epoch + ", entry=" + entry + "]";
        }
    }

    static String address(BigInteger borrower) {
        return "0x" + String.format("%40s", borrower.toString(16)).replace(' ', '0');
    }
}
