package io.creditlayer.deploy.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.web3j.crypto.WalletUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Everything the deployer needs for one network, read from a JSON file (see deploy/networks/).
 *
 * @param network                 where to deploy
 * @param deployerKey             the key that pays for and performs the deployment
 * @param governors               proposers and executors of the TimelockController that governs every contract
 * @param timelockMinDelaySeconds delay between scheduling and executing a governance change
 * @param guardian                may pause the pool
 * @param scorers                 hold the oracle's scorer role (the scoring service's signing keys)
 * @param modelOperators          may propose models and record fairness reports
 * @param market                  the pool's tokens and price feed, or null to deploy devnet tokens and feed
 * @param irm                     the kinked interest-rate curve
 * @param poolName                ERC-20 name of the lenders' share token
 * @param poolSymbol              ERC-20 symbol of the lenders' share token
 */
public record DeploymentConfig(
        Network network,
        KeySource deployerKey,
        List<String> governors,
        long timelockMinDelaySeconds,
        String guardian,
        List<String> scorers,
        List<String> modelOperators,
        Market market,
        Irm irm,
        String poolName,
        String poolSymbol) {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public DeploymentConfig {
        if (network == null) {
            throw new ConfigException("\"network\" is required");
        }
        if (deployerKey == null) {
            throw new ConfigException("\"deployerKey\" is required");
        }
        requireAddresses("governors", governors, true);
        requireAddresses("scorers", scorers, true);
        requireAddresses("modelOperators", modelOperators, true);
        requireAddress("guardian", guardian);
        if (timelockMinDelaySeconds < 0) {
            throw new ConfigException("\"timelockMinDelaySeconds\" must not be negative");
        }
        if (irm == null) {
            throw new ConfigException("\"irm\" is required");
        }
        if (poolName == null || poolName.isBlank() || poolSymbol == null || poolSymbol.isBlank()) {
            throw new ConfigException("\"poolName\" and \"poolSymbol\" are required");
        }
        governors = List.copyOf(governors);
        scorers = List.copyOf(scorers);
        modelOperators = List.copyOf(modelOperators);
    }

    /** Reads and validates a config file. */
    public static DeploymentConfig read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException("config file " + file + " does not exist");
        }
        try {
            return JSON.readValue(file.toFile(), DeploymentConfig.class);
        } catch (UnrecognizedPropertyException e) {
            throw new ConfigException("config " + file + ": unknown field \"" + e.getPropertyName() + "\"");
        } catch (JsonProcessingException e) {
            // Validation failures inside the records arrive wrapped; report their message, not Jackson's.
            String message = e.getCause() instanceof ConfigException ce ? ce.getMessage() : e.getOriginalMessage();
            throw new ConfigException("config " + file + ": " + message);
        } catch (IOException e) {
            throw new ConfigException("cannot read config " + file + ": " + e.getMessage());
        }
    }

    /** Whether the deployer creates devnet tokens and a devnet price feed. */
    public boolean devnetMarket() {
        return market == null;
    }

    /**
     * @param name    a label for output files
     * @param rpcUrl  JSON-RPC endpoint
     * @param chainId the chain id the endpoint must report (guards against deploying to the wrong chain)
     */
    public record Network(String name, String rpcUrl, long chainId) {
        public Network {
            if (name == null || !name.matches("[a-z0-9-]+")) {
                throw new ConfigException("network \"name\" must be lower-case letters, digits and dashes");
            }
            if (rpcUrl == null || !rpcUrl.matches("https?://.+")) {
                throw new ConfigException("network \"rpcUrl\" must be an http(s) URL");
            }
            if (chainId <= 0) {
                throw new ConfigException("network \"chainId\" must be positive");
            }
        }
    }

    /** An existing market on a public chain: tokens and a Chainlink feed (collateral priced in the loan token). */
    public record Market(String loanToken, String collateralToken, String priceFeed) {
        public Market {
            requireAddress("market.loanToken", loanToken);
            requireAddress("market.collateralToken", collateralToken);
            requireAddress("market.priceFeed", priceFeed);
        }
    }

    /** Kinked utilization curve, yearly rates in basis points. */
    public record Irm(long baseRateBps, long slope1Bps, long slope2Bps, long kinkBps) {
        public Irm {
            if (baseRateBps < 0 || slope1Bps < 0 || slope2Bps < 0 || kinkBps <= 0 || kinkBps >= 10_000) {
                throw new ConfigException("irm rates must be non-negative and 0 < kinkBps < 10000");
            }
        }
    }

    static void requireAddresses(String field, List<String> addresses, boolean nonEmpty) {
        if (addresses == null || (nonEmpty && addresses.isEmpty())) {
            throw new ConfigException("\"" + field + "\" must list at least one address");
        }
        addresses.forEach(a -> requireAddress(field, a));
    }

    static void requireAddress(String field, String address) {
        if (address == null || !address.startsWith("0x") || !WalletUtils.isValidAddress(address)) {
            throw new ConfigException("\"" + field + "\" must be a 0x-prefixed 20-byte address, got " + address);
        }
    }
}
