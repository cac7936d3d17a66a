package io.creditlayer.features.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.creditlayer.features.cohort.CounterpartyLabels;
import io.creditlayer.features.decode.KnownContracts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the address book of a CreditLayer deployment from the deployer's deployment.json (and, for a devnet
 * scenario, the mixer and DEX addresses from its scenario.json), so the extractor decodes that deployment's
 * events and nothing that merely imitates them.
 */
public final class DeploymentAddresses {
    private static final ObjectMapper JSON = new ObjectMapper();

    private DeploymentAddresses() {
    }

    /** @throws IllegalArgumentException with a one-line message for a missing or malformed file */
    public static KnownContracts read(Path deploymentFile, Path scenarioFile) {
        JsonNode deployment = readJson(deploymentFile);
        long chainId = deployment.path("chainId").asLong(0);
        if (chainId <= 0) {
            throw new IllegalArgumentException(deploymentFile + " has no chainId");
        }
        KnownContracts known = KnownContracts.forCreditLayer(chainId, text(deployment, "lendingPool", deploymentFile),
                text(deployment, "loanToken", deploymentFile), text(deployment, "collateralToken", deploymentFile),
                text(deployment, "creditOracle", deploymentFile));
        // On the devnet the loan token (dUSD) is the stablecoin.
        known = known.withStablecoins(text(deployment, "loanToken", deploymentFile));
        if (scenarioFile != null) {
            JsonNode scenario = readJson(scenarioFile);
            List<String> mixers = new ArrayList<>();
            JsonNode mixer = scenario.path("contracts").path("mixer");
            if (mixer.isTextual()) {
                mixers.add(mixer.textValue());
            }
            known = known.withMixers(mixers.toArray(String[]::new));
        }
        return known;
    }

    /**
     * The devnet's public counterparty labels: the scenario's exchange hot wallet and faucet (its {@code accounts}),
     * the devnet's stand-ins for the exchange and faucet labels a block explorer publishes. Only these helper roles
     * are read; the manifest's per-wallet ground truth (funding source, archetype) never is.
     *
     * @param scenarioFile the scenario's scenario.json, or null for a deployment without a scenario (no labels)
     */
    public static CounterpartyLabels counterpartyLabels(Path deploymentFile, Path scenarioFile) {
        long chainId = readJson(deploymentFile).path("chainId").asLong(0);
        if (chainId <= 0) {
            throw new IllegalArgumentException(deploymentFile + " has no chainId");
        }
        CounterpartyLabels labels = CounterpartyLabels.empty(chainId);
        if (scenarioFile == null) {
            return labels;
        }
        JsonNode accounts = readJson(scenarioFile).path("accounts");
        labels = labels.with(CounterpartyLabels.Label.EXCHANGE, List.of(text(accounts, "exchange", scenarioFile)));
        return labels.with(CounterpartyLabels.Label.FAUCET, List.of(text(accounts, "faucet", scenarioFile)));
    }

    private static JsonNode readJson(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("file " + file + " does not exist");
        }
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException("file " + file + " is not valid JSON");
        }
    }

    private static String text(JsonNode node, String field, Path file) {
        JsonNode value = node.path(field);
        if (!value.isTextual() || !value.textValue().matches("0x[0-9a-fA-F]{40}")) {
            throw new IllegalArgumentException(file + ": \"" + field + "\" must be an address");
        }
        return value.textValue();
    }
}
