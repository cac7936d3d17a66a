package io.creditlayer.service.lender;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.List;

/**
 * The lender tests' profile: every class using it shares one application start and one devnet
 * ({@link LenderDevnetResource}); other tests never start anvil for it.
 */
public class LenderTestProfile implements QuarkusTestProfile {
    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(LenderDevnetResource.class));
    }
}
