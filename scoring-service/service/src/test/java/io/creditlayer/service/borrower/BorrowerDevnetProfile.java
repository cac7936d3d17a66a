package io.creditlayer.service.borrower;

import java.util.List;

/** The borrower tests' application on an anvil devnet with the whole system deployed (attestations). */
public class BorrowerDevnetProfile extends BorrowerTestProfile {
    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(BorrowerDevnetResource.class));
    }
}
