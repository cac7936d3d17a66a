package io.creditlayer.service.chain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Which chain the service talks to and the deployment's contract addresses, read from the deployer's
 * deployment.json (the same file the extractor reads). The file is read on first use so the service can start
 * before the deployment exists (readiness reports it).
 */
@ApplicationScoped
public class ChainSettings {
    private final String rpcUrl;
    private final long chainId;
    private final Path deploymentFile;
    private final ObjectMapper json;
    private volatile Contracts contracts;
    private volatile Web3j web3j;

    public ChainSettings(@ConfigProperty(name = "creditlayer.chain.rpc-url") String rpcUrl,
                         @ConfigProperty(name = "creditlayer.chain.chain-id") long chainId,
                         @ConfigProperty(name = "creditlayer.chain.deployment-file") String deploymentFile,
                         ObjectMapper json) {
        this.rpcUrl = rpcUrl;
        this.chainId = chainId;
        this.deploymentFile = Path.of(deploymentFile);
        this.json = json;
    }

    /** The deployment's addresses (lower-case 0x) and the block it was deployed at. */
    public record Contracts(long chainId, long deployedAtBlock, String timelock, String modelRegistry,
                            String creditOracle, String lendingPool, String loanToken, String collateralToken) {
    }

    public String rpcUrl() {
        return rpcUrl;
    }

    public long chainId() {
        return chainId;
    }

    /** The JSON-RPC client (created on first use; HTTP, no connection is held between calls). */
    public Web3j web3j() {
        Web3j current = web3j;
        if (current == null) {
            synchronized (this) {
                if (web3j == null) {
                    web3j = Web3j.build(new HttpService(rpcUrl));
                }
                current = web3j;
            }
        }
        return current;
    }

    /** The latest block's timestamp: attestations are dated in chain time, which a devnet may move. */
    public long latestBlockTimestamp() {
        try {
            return web3j().ethGetBlockByNumber(org.web3j.protocol.core.DefaultBlockParameterName.LATEST, false).send()
                    .getBlock().getTimestamp().longValueExact();
        } catch (java.io.IOException | RuntimeException e) {
            throw new ChainUnavailableException("chain at " + rpcUrl + " is unreachable: " + e.getClass().getSimpleName(), e);
        }
    }

    public Path deploymentFile() {
        return deploymentFile;
    }

    /** @throws IllegalStateException with a one-line reason when the deployment file is missing or malformed */
    public Contracts contracts() {
        Contracts current = contracts;
        if (current == null) {
            current = read();
            contracts = current;
        }
        return current;
    }

    private Contracts read() {
        if (!Files.isRegularFile(deploymentFile)) {
            throw new IllegalStateException("deployment file " + deploymentFile.toAbsolutePath() + " does not exist");
        }
        JsonNode d;
        try {
            d = json.readTree(deploymentFile.toFile());
        } catch (IOException e) {
            throw new IllegalStateException("deployment file " + deploymentFile + " is not valid JSON");
        }
        long fileChain = d.path("chainId").asLong(0);
        if (fileChain != chainId) {
            throw new IllegalStateException("deployment file " + deploymentFile + " is for chain " + fileChain
                    + " but the service is configured for chain " + chainId);
        }
        return new Contracts(fileChain, d.path("deployedAtBlock").asLong(0), address(d, "timelock"),
                address(d, "modelRegistry"), address(d, "creditOracle"), address(d, "lendingPool"),
                address(d, "loanToken"), address(d, "collateralToken"));
    }

    private String address(JsonNode d, String field) {
        String value = d.path(field).asText("");
        if (!value.matches("0x[0-9a-fA-F]{40}")) {
            throw new IllegalStateException("deployment file " + deploymentFile + " has no valid \"" + field + "\"");
        }
        return value.toLowerCase(Locale.ROOT);
    }
}
