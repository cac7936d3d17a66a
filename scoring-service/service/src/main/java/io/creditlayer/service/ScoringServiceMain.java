package io.creditlayer.service;

import io.creditlayer.service.db.EmbeddedDatabase;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Entry point of the packaged service. When no datasource URL is configured (system property or
 * QUARKUS_DATASOURCE_JDBC_URL), it first starts an embedded PostgreSQL so that the run command needs nothing
 * installed; any real server configured through the standard Quarkus settings is used as is.
 */
@QuarkusMain
public final class ScoringServiceMain {
    private ScoringServiceMain() {
    }

    public static void main(String... args) {
        EmbeddedDatabase.startIfUnconfigured();
        Quarkus.run(args);
    }
}
