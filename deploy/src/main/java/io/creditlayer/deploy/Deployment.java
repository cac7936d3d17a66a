package io.creditlayer.deploy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The addresses of one deployment of the whole system, written as JSON for the service, the extractor and
 * people. {@code gasUsed} records what each deployment transaction cost.
 */
public record Deployment(
        String network,
        long chainId,
        String deployer,
        long deployedAtBlock,
        String timelock,
        String modelRegistry,
        String creditOracle,
        String irm,
        String lendingPool,
        String loanToken,
        String collateralToken,
        String priceFeed,
        Map<String, Long> gasUsed) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public Deployment {
        gasUsed = Map.copyOf(new LinkedHashMap<>(gasUsed));
    }

    public void write(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            JSON.writeValue(file.toFile(), this);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    public static Deployment read(Path file) {
        try {
            return JSON.readValue(file.toFile(), Deployment.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read deployment " + file, e);
        }
    }
}
