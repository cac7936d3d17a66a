package io.creditlayer.service.chain;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.List;
import java.util.Map;

/**
 * The service on a deployed devnet with the chain monitored. The scheduled worker and expiry job stay off: the
 * tests drive {@code OutboxWorker.runOnce()} themselves so that every step is observable.
 */
public class ChainDevnetProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("creditlayer.outbox.enabled", "false");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(ChainDevnetResource.class));
    }
}
