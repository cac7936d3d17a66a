/*
 * Generates web3j contract wrappers from forge's compiled artifacts (out/<File>.sol/<Contract>.json).
 * Run by the Maven build with the Java source launcher and web3j codegen on the classpath:
 *   java -cp <codegen classpath> tools/GenerateWrappers.java <forge out dir> <java out dir> <package> <Contract>...
 * The ABI and bytecode come only from the compiler output: no ABI code is written by hand. Functions with nested
 * array parameters (uint256[2][2], as in the tier-proof verifier that CreditOracle inherits) are left out of the
 * wrapper, with a notice: web3j codegen 5.0.1 fails on them (ClassCastException in createMappedParameterTypes,
 * web3j issue #1925). Java checks proofs with its own verifier, so nothing needs that function through web3j.
 */
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.web3j.codegen.SolidityFunctionWrapperGenerator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

public class GenerateWrappers {
    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: GenerateWrappers <forge out dir> <java out dir> <package> <Contract>...");
            System.exit(2);
        }
        Path forgeOut = Path.of(args[0]);
        Path javaOut = Path.of(args[1]);
        String basePackage = args[2];
        Path scratch = Files.createTempDirectory("web3j-codegen");
        ObjectMapper json = new ObjectMapper();
        for (String contract : List.of(args).subList(3, args.length)) {
            Path artifact = findArtifact(forgeOut, contract);
            JsonNode root = json.readTree(artifact.toFile());
            String bytecode = root.path("bytecode").path("object").asText("");
            if (bytecode.isEmpty() || bytecode.equals("0x")) {
                throw new IllegalStateException(contract + " has no bytecode in " + artifact + " (abstract or interface?)");
            }
            Path abiFile = scratch.resolve(contract + ".abi");
            Path binFile = scratch.resolve(contract + ".bin");
            Files.writeString(abiFile, json.writeValueAsString(withoutNestedArrayFunctions(contract, root.path("abi"))));
            Files.writeString(binFile, bytecode.startsWith("0x") ? bytecode.substring(2) : bytecode);
            new SolidityFunctionWrapperGenerator(binFile.toFile(), abiFile.toFile(), javaOut.toFile(),
                    contract, basePackage, true, false, 20).generate();
        }
    }

    private static JsonNode withoutNestedArrayFunctions(String contract, JsonNode abi) {
        ArrayNode kept = abi.deepCopy();
        for (int i = kept.size() - 1; i >= 0; i--) {
            JsonNode entry = kept.get(i);
            boolean nested = false;
            for (JsonNode input : entry.path("inputs")) {
                nested |= input.path("type").asText().matches(".*\\[[0-9]*\\]\\[[0-9]*\\].*");
            }
            if (entry.path("type").asText().equals("function") && nested) {
                System.out.println("GenerateWrappers: " + contract + "." + entry.path("name").asText()
                        + " left out of the wrapper (nested array parameter; web3j codegen cannot type it)");
                kept.remove(i);
            }
        }
        return kept;
    }

    private static Path findArtifact(Path forgeOut, String contract) throws IOException {
        Path direct = forgeOut.resolve(contract + ".sol").resolve(contract + ".json");
        if (Files.isRegularFile(direct)) {
            return direct;
        }
        try (Stream<Path> files = Files.walk(forgeOut)) {
            return files.filter(p -> p.getFileName().toString().equals(contract + ".json"))
                    .findFirst()
                    .orElseThrow(() -> new UncheckedIOException(
                            new IOException("no forge artifact " + contract + ".json under " + forgeOut)));
        }
    }
}
