package io.creditlayer.service.scoring;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.creditlayer.model.CreditModel;
import io.creditlayer.model.artifact.ModelArtifact;
import io.creditlayer.service.store.CreditModelRecord;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Registers model artifacts as candidates. A candidate serves no score until governance approves it (which
 * needs a passing fairness report); the artifact's own hash is checked on load.
 */
@ApplicationScoped
public class ModelCatalog {
    private static final Logger LOG = Logger.getLogger(ModelCatalog.class);

    private final ObjectMapper json;
    private final Optional<Path> configuredDir;

    public ModelCatalog(ObjectMapper json, @ConfigProperty(name = "creditlayer.model.dir") Optional<String> dir) {
        this.json = json;
        this.configuredDir = dir.filter(d -> !d.isBlank()).map(Path::of);
    }

    void onStart(@Observes StartupEvent event) {
        configuredDir.filter(d -> Files.isRegularFile(d.resolve(ModelArtifact.MANIFEST))).ifPresent(dir -> {
            CreditModelRecord record = register(dir);
            LOG.infof("model %s from %s is %s", record.modelId, dir, record.status);
        });
    }

    /** Registers the artifact in {@code dir} as a candidate (idempotent: an id already known is returned as is). */
    public CreditModelRecord register(Path dir) {
        CreditModel model = CreditModel.load(dir);
        return QuarkusTransaction.joiningExisting().call(() -> {
            CreditModelRecord existing = CreditModelRecord.findById(model.modelId());
            if (existing != null) {
                return existing;
            }
            CreditModelRecord record = new CreditModelRecord();
            record.modelId = model.modelId();
            record.artifactDir = dir.toAbsolutePath().normalize().toString();
            record.artifactSha256 = model.artifact().hash();
            record.featureSchemaHash = model.schema().hash();
            record.metrics = json.writeValueAsString(model.artifact().manifest().path("metrics"));
            record.modelCard = readCard(dir);
            record.status = CreditModelRecord.Status.CANDIDATE;
            record.active = false;
            record.persist();
            return record;
        });
    }

    private static String readCard(Path dir) {
        try {
            Path card = dir.resolve(ModelArtifact.CARD_JSON);
            return Files.isRegularFile(card) ? Files.readString(card) : "{}";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
