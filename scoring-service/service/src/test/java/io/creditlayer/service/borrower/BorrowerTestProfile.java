package io.creditlayer.service.borrower;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/**
 * The borrower tests' application: its own start (so its database and active model are its own) with a
 * sign-in domain that is neither the default nor the test server's Host, so the tests prove the domain comes
 * from configuration.
 */
public class BorrowerTestProfile implements QuarkusTestProfile {
    public static final String DOMAIN = "borrower.creditlayer.test";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("creditlayer.siwe.domain", DOMAIN);
    }
}
