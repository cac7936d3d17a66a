package io.creditlayer.service.governance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.creditlayer.service.governance.ModelChainState.RegistryStatus;
import io.creditlayer.service.governance.RegistryChain.Action;
import io.creditlayer.service.governance.RegistryChain.Operation;
import io.creditlayer.service.governance.RegistryChain.OperationState;
import io.creditlayer.service.governance.RegistryChain.RegistryModel;
import io.creditlayer.service.store.CreditModelRecord;
import io.creditlayer.service.store.FairnessReportRecord;
import io.creditlayer.service.store.OutboxEntry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Makes the chain's ModelRegistry follow governance decisions through the outbox. The database holds what
 * governance decided (credit_model.status); the registry is brought there one transaction at a time:
 *
 * <pre>
 * approve: proposeModel (PROPOSER_ROLE) → recordFairnessReport (AUDITOR_ROLE)
 *          → timelock.schedule(approveModel) → [min delay, chain time] → timelock.execute
 * retire:  timelock.schedule(retireModel) → [min delay] → timelock.execute      (nothing when never proposed)
 * </pre>
 *
 * Each step is one outbox entry for the model (aggregate id = model id). Its {@code prepare} reads the chain,
 * records what the registry says, and answers {@link RegistryStep.Done} when the effect is already there (a resend
 * after a crash never reverts), {@link RegistryStep.NotYet} inside the timelock delay and {@link RegistryStep.Refuse}
 * when it can never succeed. Its confirmation (no chain access) queues the step the model still needs, from the
 * decision as it stands then and the registry state last observed, so a decision that changed meanwhile (a
 * retirement during an approval) is followed from wherever the chain is. At most one step per model is pending.
 */
@ApplicationScoped
public class ModelRegistrySync {
    public static final String PROPOSE = "MODEL_PROPOSE";
    public static final String FAIRNESS = "MODEL_FAIRNESS";
    public static final String SCHEDULE = "MODEL_TIMELOCK_SCHEDULE";
    public static final String EXECUTE = "MODEL_TIMELOCK_EXECUTE";
    /** Every outbox kind this class plans and prepares. */
    public static final List<String> KINDS = List.of(PROPOSE, FAIRNESS, SCHEDULE, EXECUTE);

    private static final Logger LOG = Logger.getLogger(ModelRegistrySync.class);
    private static final Duration MIN_RETRY = Duration.ofSeconds(2);

    private final RegistryChain chain;
    private final ObjectMapper json;
    private final Duration timelockRecheck;

    /**
     * @param timelockRecheck the longest the worker waits before looking at a running timelock delay again: chain
     *                        time need not follow the wall clock (a devnet's clock jumps, a stalled chain lags), so
     *                        the delay left in chain time is only an estimate of when to come back
     */
    public ModelRegistrySync(RegistryChain chain, ObjectMapper json,
                             @ConfigProperty(name = "creditlayer.governance.timelock-recheck", defaultValue = "15s")
                             Duration timelockRecheck) {
        this.chain = chain;
        this.json = json;
        this.timelockRecheck = timelockRecheck.compareTo(MIN_RETRY) < 0 ? MIN_RETRY : timelockRecheck;
    }

    /**
     * Queues the first step towards the model's governance status, in the caller's transaction, unless a step is
     * already pending (its confirmation will plan from the new status). Needs no chain access: the step itself
     * finds out what is already on-chain.
     */
    public void requestSync(CreditModelRecord model) {
        if (pendingSteps(model.modelId, -1) > 0) {
            return;
        }
        switch (model.status) {
            case APPROVED -> enqueue(PROPOSE, model.modelId, Map.of("artifactHash", model.artifactSha256,
                    "featureSchemaHash", model.featureSchemaHash));
            case RETIRED -> enqueue(SCHEDULE, model.modelId, Map.of("action", Action.RETIRE.id()));
            case CANDIDATE -> { }
        }
    }

    /** The model's pending (or in-flight) registry steps, oldest first. */
    public List<OutboxEntry> pending(String modelId) {
        return OutboxEntry.list("aggregateId = ?1 and kind in ?2 and status in ?3 order by id", modelId, KINDS,
                List.of(OutboxEntry.Status.PENDING, OutboxEntry.Status.SENT));
    }

    // --- the handlers' work ------------------------------------------------------------------------------------

    RegistryStep prepare(OutboxEntry entry) {
        JsonNode payload = payload(entry);
        String modelId = entry.aggregateId;
        RegistryModel onChain = chain.model(modelId);
        CreditModelRecord.Status desired = QuarkusTransaction.joiningExisting().call(() -> {
            observe(modelId, onChain);
            return desiredStatus(modelId);
        });
        return switch (entry.kind) {
            case PROPOSE -> prepareProposal(modelId, desired, onChain, payload);
            case FAIRNESS -> prepareFairness(modelId, desired, onChain, payload);
            case SCHEDULE -> prepareSchedule(modelId, desired, onChain, Action.parse(payload.path("action").asText()));
            case EXECUTE -> prepareExecute(modelId, desired, onChain, Action.parse(payload.path("action").asText()));
            default -> throw new IllegalArgumentException("not a registry step: " + entry.kind);
        };
    }

    private RegistryStep prepareProposal(String modelId, CreditModelRecord.Status desired, RegistryModel onChain,
                                         JsonNode payload) {
        if (desired != CreditModelRecord.Status.APPROVED) {
            return superseded(desired);
        }
        String artifact = payload.path("artifactHash").asText();
        if (onChain.status() == RegistryStatus.NONE) {
            return new RegistryStep.Send(chain.proposeModel(modelId, artifact, payload.path("featureSchemaHash").asText()));
        }
        if (!onChain.artifactHash().equalsIgnoreCase(artifact)) {
            return new RegistryStep.Refuse("the registry holds model " + modelId + " with artifact " + onChain.artifactHash()
                    + ", not " + artifact);
        }
        return new RegistryStep.Done("already proposed (registry status " + onChain.status() + ")");
    }

    private RegistryStep prepareFairness(String modelId, CreditModelRecord.Status desired, RegistryModel onChain,
                                         JsonNode payload) {
        if (desired != CreditModelRecord.Status.APPROVED) {
            return superseded(desired);
        }
        String hash = payload.path("reportHash").asText();
        boolean passed = payload.path("passed").asBoolean();
        return switch (onChain.status()) {
            case NONE -> new RegistryStep.Refuse("model " + modelId + " is not proposed on the registry");
            case PROPOSED -> hash.equalsIgnoreCase(onChain.fairnessReportHash()) && passed == onChain.fairnessPassed()
                    ? new RegistryStep.Done("report " + hash + " already recorded")
                    : new RegistryStep.Send(chain.recordFairnessReport(modelId, hash, passed));
            case APPROVED, RETIRED -> new RegistryStep.Done("registry status is " + onChain.status()
                    + "; the report can no longer change");
        };
    }

    private RegistryStep prepareSchedule(String modelId, CreditModelRecord.Status desired, RegistryModel onChain,
                                         Action action) {
        Optional<RegistryStep> settled = settled(modelId, desired, onChain, action);
        if (settled.isPresent()) {
            return settled.get();
        }
        Operation op = chain.operation(action, modelId);
        if (chain.state(op) != OperationState.UNSET) {
            return new RegistryStep.Done("the timelock already holds the " + action.id() + " operation");
        }
        String sender = chain.sender();
        if (!chain.mayPropose(sender)) {
            return new RegistryStep.Refuse("the service account " + sender + " lacks PROPOSER_ROLE on the timelock "
                    + chain.timelockAddress() + "; governance must grant it (or schedule " + action.id() + " itself)");
        }
        return new RegistryStep.Send(chain.schedule(op, chain.minDelaySeconds(), action.id() + " " + modelId));
    }

    private RegistryStep prepareExecute(String modelId, CreditModelRecord.Status desired, RegistryModel onChain,
                                        Action action) {
        Optional<RegistryStep> settled = settled(modelId, desired, onChain, action);
        if (settled.isPresent()) {
            return settled.get();
        }
        Operation op = chain.operation(action, modelId);
        return switch (chain.state(op)) {
            case UNSET -> new RegistryStep.Refuse("the " + action.id() + " operation is not scheduled on the timelock");
            case WAITING -> {
                long wait = chain.readyAt(op) - chain.chainTime();
                Duration retry = Duration.ofSeconds(Math.max(wait, 0));
                retry = retry.compareTo(MIN_RETRY) < 0 ? MIN_RETRY
                        : retry.compareTo(timelockRecheck) > 0 ? timelockRecheck : retry;
                yield new RegistryStep.NotYet(retry,
                        "the timelock delay ends in " + Math.max(wait, 0) + " s of chain time");
            }
            case READY -> chain.mayExecute(chain.sender())
                    ? new RegistryStep.Send(chain.execute(op, action.id() + " " + modelId))
                    : new RegistryStep.Refuse("the service account " + chain.sender()
                    + " lacks EXECUTOR_ROLE on the timelock " + chain.timelockAddress());
            case DONE -> new RegistryStep.Done("the " + action.id() + " operation was executed");
        };
    }

    /** The decision no longer wants this operation, or the registry already shows its effect. */
    private Optional<RegistryStep> settled(String modelId, CreditModelRecord.Status desired, RegistryModel onChain,
                                           Action action) {
        RegistryStatus status = onChain.status();
        if (action == Action.APPROVE) {
            if (desired != CreditModelRecord.Status.APPROVED) {
                return Optional.of(superseded(desired));
            }
            if (status == RegistryStatus.APPROVED) {
                return Optional.of(new RegistryStep.Done("already approved on the registry"));
            }
            if (status == RegistryStatus.RETIRED) {
                return Optional.of(new RegistryStep.Refuse("model " + modelId
                        + " is retired on the registry, which is final; approve another model"));
            }
            if (status == RegistryStatus.NONE || !onChain.fairnessPassed()) {
                return Optional.of(new RegistryStep.Refuse("the registry has no passing fairness report for " + modelId
                        + "; approveModel would revert"));
            }
            return Optional.empty();
        }
        if (status == RegistryStatus.RETIRED) {
            return Optional.of(new RegistryStep.Done("already retired on the registry"));
        }
        if (status == RegistryStatus.NONE) {
            return Optional.of(new RegistryStep.Done("never proposed on the registry: nothing to retire"));
        }
        return Optional.empty();
    }

    private static RegistryStep superseded(CreditModelRecord.Status desired) {
        return new RegistryStep.Done("superseded: the model is " + desired + " now");
    }

    /**
     * Records the step's effect and queues the next step the model needs, from the decision, the step just done
     * and the registry state last observed (no chain access: this runs in the worker's transaction).
     */
    void onConfirmed(OutboxEntry entry, Optional<String> txHash) {
        JsonNode payload = payload(entry);
        String modelId = entry.aggregateId;
        Optional<Action> action = payload.has("action") ? Optional.of(Action.parse(payload.path("action").asText()))
                : Optional.empty();
        QuarkusTransaction.joiningExisting().run(() -> {
            ModelChainState state = ModelChainState.of(modelId);
            if (txHash.isPresent()) {
                applySentEffect(state, entry.kind, action, payload);
                state.lastTxHash = txHash.get();
            }
            state.lastError = null;
            state.updatedAt = Instant.now();
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("kind", entry.kind);
            action.ifPresent(a -> detail.put("action", a.id()));
            detail.put("outboxId", entry.id);
            detail.put("txHash", txHash.orElse(null));
            detail.put("registryStatus", state.registryStatus.name());
            GovernanceAction.record(modelId, GovernanceAction.Kind.REGISTRY_CONFIRMED, "outbox", write(detail));
            CreditModelRecord model = CreditModelRecord.findById(modelId);
            Plan plan = next(model, state, entry.kind, action);
            if (plan != null && pendingSteps(modelId, entry.id == null ? -1 : entry.id) == 0) {
                enqueue(plan.kind, modelId, plan.payload);
            }
        });
    }

    void onFailed(OutboxEntry entry, String reason) {
        LOG.warnf("registry step %s for model %s failed: %s", entry.kind, entry.aggregateId, reason);
        QuarkusTransaction.joiningExisting().run(() -> {
            ModelChainState state = ModelChainState.of(entry.aggregateId);
            state.lastError = entry.kind + ": " + reason;
            state.updatedAt = Instant.now();
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("kind", entry.kind);
            detail.put("outboxId", entry.id);
            detail.put("reason", reason);
            GovernanceAction.record(entry.aggregateId, GovernanceAction.Kind.REGISTRY_FAILED, "outbox", write(detail));
        });
    }

    /** A revert of this entry's call was harmless when the chain now shows its effect (a duplicate submission). */
    boolean alreadyApplied(OutboxEntry entry) {
        return prepare(entry) instanceof RegistryStep.Done;
    }

    private record Plan(String kind, Map<String, Object> payload) {
    }

    /** What a confirmed call changed on the registry (a Done step's state was observed by prepare). */
    private static void applySentEffect(ModelChainState state, String kind, Optional<Action> action, JsonNode payload) {
        switch (kind) {
            case PROPOSE -> state.registryStatus = RegistryStatus.PROPOSED;
            case FAIRNESS -> {
                state.fairnessReportHash = payload.path("reportHash").asText();
                state.fairnessPassed = payload.path("passed").asBoolean();
            }
            case EXECUTE -> state.registryStatus = action.orElseThrow() == Action.APPROVE
                    ? RegistryStatus.APPROVED : RegistryStatus.RETIRED;
            default -> { }
        }
    }

    /** The step after {@code kind}, or null when the registry already agrees with the decision. */
    private static Plan next(CreditModelRecord model, ModelChainState state, String kind, Optional<Action> action) {
        RegistryStatus known = state.registryStatus;
        switch (model.status) {
            case APPROVED -> {
                if (known == RegistryStatus.APPROVED || known == RegistryStatus.RETIRED) {
                    return null;
                }
                return switch (kind) {
                    case PROPOSE -> FairnessReportRecord.<FairnessReportRecord>find(
                                    "modelId = ?1 and verdict = 'PASS' order by createdAt desc, id desc", model.modelId)
                            .firstResultOptional()
                            .map(r -> new Plan(FAIRNESS, Map.<String, Object>of("reportHash", r.reportHash, "passed", true)))
                            .orElse(null);
                    case FAIRNESS -> new Plan(SCHEDULE, Map.of("action", Action.APPROVE.id()));
                    case SCHEDULE -> action.orElseThrow() == Action.APPROVE
                            ? new Plan(EXECUTE, Map.of("action", Action.APPROVE.id())) : null;
                    default -> null;
                };
            }
            case RETIRED -> {
                if (known == RegistryStatus.NONE || known == RegistryStatus.RETIRED) {
                    return null;
                }
                boolean retiring = action.map(a -> a == Action.RETIRE).orElse(false);
                if (retiring && kind.equals(SCHEDULE)) {
                    return new Plan(EXECUTE, Map.of("action", Action.RETIRE.id()));
                }
                return retiring ? null : new Plan(SCHEDULE, Map.of("action", Action.RETIRE.id()));
            }
            default -> {
                return null;
            }
        }
    }

    /** Records what the registry said when a step read it. */
    private static void observe(String modelId, RegistryModel onChain) {
        ModelChainState state = ModelChainState.of(modelId);
        state.registryStatus = onChain.status();
        state.fairnessReportHash = onChain.fairnessReportHash();
        state.fairnessPassed = onChain.fairnessPassed();
        state.updatedAt = Instant.now();
    }

    private static CreditModelRecord.Status desiredStatus(String modelId) {
        CreditModelRecord model = CreditModelRecord.findById(modelId);
        if (model == null) {
            throw new IllegalStateException("registry step for unknown model " + modelId);
        }
        return model.status;
    }

    private long pendingSteps(String modelId, long except) {
        return OutboxEntry.count("aggregateId = ?1 and kind in ?2 and status in ?3 and id <> ?4", modelId, KINDS,
                List.of(OutboxEntry.Status.PENDING, OutboxEntry.Status.SENT), except);
    }

    private void enqueue(String kind, String modelId, Map<String, Object> fields) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("modelId", modelId);
        payload.putAll(fields);
        OutboxEntry entry = new OutboxEntry();
        entry.kind = kind;
        entry.aggregateId = modelId;
        entry.payload = write(payload);
        entry.status = OutboxEntry.Status.PENDING;
        entry.nextAttemptAt = Instant.now();
        entry.updatedAt = Instant.now();
        entry.persist();
    }

    private JsonNode payload(OutboxEntry entry) {
        try {
            return json.readTree(entry.payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("outbox entry " + entry.id + " has a malformed payload", e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
