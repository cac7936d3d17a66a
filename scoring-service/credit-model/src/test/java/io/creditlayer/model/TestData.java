package io.creditlayer.model;

import io.creditlayer.model.data.CsvLoader;
import io.creditlayer.model.data.Dataset;
import io.creditlayer.model.data.Presets;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Paths of the test data. */
final class TestData {
    private TestData() {
    }

    /** The committed synthetic wallet training set. */
    static Path syntheticWallets() {
        try {
            return Path.of(TestData.class.getResource(SyntheticWallets.RESOURCE).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static String syntheticWalletsText() throws IOException {
        try (InputStream in = TestData.class.getResourceAsStream(SyntheticWallets.RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * The UCI German credit data under the shared data directory (found from the build's creditlayer.root or the
     * working directory); tests that need it are skipped, with this message, where it is absent.
     */
    static Path german() {
        Optional<Path> path = Presets.germanData();
        assumeTrue(path.isPresent(), "German credit data not found (" + Presets.GERMAN_RELATIVE
                + " above creditlayer.root=" + System.getProperty("creditlayer.root") + ")");
        return path.get();
    }

    static Dataset germanDataset() {
        return CsvLoader.load(german(), Presets.german());
    }
}
