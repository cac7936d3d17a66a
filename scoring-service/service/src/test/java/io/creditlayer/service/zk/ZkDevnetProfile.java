package io.creditlayer.service.zk;

import io.creditlayer.service.chain.ChainDevnetResource;
import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.List;
import java.util.Map;

/**
 * The service on an anvil devnet with the whole system deployed and the test model approved on the registry. The
 * outbox worker and the epoch schedule stay off: the tests build epochs and run the worker themselves, so every
 * step is observable. Proving uses the repository's snarkjs and the ceremony's artifacts (.cache/zk).
 */
public class ZkDevnetProfile implements QuarkusTestProfile {
    public static final String DOMAIN = "zk.creditlayer.test";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("creditlayer.outbox.enabled", "false",
                "creditlayer.siwe.domain", DOMAIN,
                "creditlayer.zk.epochs.enabled", "false",
                "creditlayer.zk.root-lifetime", "6h",
                "creditlayer.zk.proofs-per-wallet", "2");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(ChainDevnetResource.class));
    }
}
