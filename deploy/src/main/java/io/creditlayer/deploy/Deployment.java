package io.creditlayer.deploy;


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


    public Deployment {
        gasUsed = Map.copyOf(new LinkedHashMap<>(gasUsed));
    }

    public void write(Path file) {
        JsonFiles.write(file, this);
    }

    public static Deployment read(Path file) {
        return JsonFiles.read(file, Deployment.class);
    }
}
