package io.creditlayer.service.zk;

import io.creditlayer.service.api.problem.Problem;
import io.creditlayer.service.siwe.CurrentSession;
import io.creditlayer.service.siwe.RequiresSession;
import io.creditlayer.service.siwe.SiweResource;
import io.creditlayer.zk.prover.TierProofInput;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The signed-in borrower's tier-proof witness: what snarkjs needs to prove a tier against the latest confirmed
 * epoch root. It holds the salt that hides the score, so only the session's own wallet is ever served, and never
 * from a cache.
 */
@Path("/v1/me/tier-witness")
@Produces(MediaType.APPLICATION_JSON)
@RequiresSession
@SecurityRequirement(name = SiweResource.SECURITY_SCHEME)
@Tag(name = "Borrower", description = "A signed-in borrower's score, advice and attestations")
public class TierWitnessResource {
    private final CurrentSession current;
    private final TierEpochs epochs;

    public TierWitnessResource(CurrentSession current, TierEpochs epochs) {
        this.current = current;
        this.epochs = epochs;
    }

    /**
     * @param epoch         the epoch (the circuit's and the oracle's epoch number)
     * @param root          the posted root, bytes32 hex (CreditOracle.proveTier's root argument)
     * @param modelId       the model, bytes32 hex
     * @param borrower      lower-case 0x address
     * @param score         the committed score (300–850)
     * @param salt          the leaf's secret salt, decimal: keep it private, it is what hides the score
     * @param leaf          Poseidon(borrower, score, modelId >> 8, epoch, salt), decimal
     * @param leafIndex     the leaf's position
     * @param pathElements  sibling per level, bottom up, decimal
     * @param pathIndices   bit k of leafIndex per level
     * @param tiers         the tiers the score clears (any of them can be proven)
     * @param expiresAt     chain time the root stops counting
     * @param chainId       the chain of the oracle
     * @param oracle        the CreditOracle holding the root
     * @param circuitInput  snarkjs's input for the highest tier: {@code groth16 fullprove} takes it as is
     */
    public record TierWitnessView(long epoch, String root, String modelId, String borrower, int score, String salt,
                                  String leaf, int leafIndex, List<String> pathElements, List<Integer> pathIndices,
                                  List<Integer> tiers, long expiresAt, long chainId, String oracle,
                                  Map<String, Object> circuitInput) {
        static TierWitnessView of(TierEpochs.Witness w) {
            List<Integer> tiers = w.tiers();
            TierProofInput input = new TierProofInput(w.root(), w.entry(), tiers.getLast(), w.path());
            Map<String, Object> circuit = new LinkedHashMap<>();
            List<String> signals = input.publicSignals().stream().map(BigInteger::toString).toList();
            circuit.put("root", signals.get(0));
            circuit.put("borrower", signals.get(1));
            circuit.put("tier", signals.get(2));
            circuit.put("modelId", signals.get(3));
            circuit.put("epoch", signals.get(4));
            circuit.put("score", Integer.toString(w.entry().score()));
            circuit.put("salt", w.entry().salt().toString());
            List<String> elements = w.path().pathElements().stream().map(BigInteger::toString).toList();
            circuit.put("pathElements", elements);
            circuit.put("pathIndices", w.path().pathIndices().stream().map(String::valueOf).toList());
            return new TierWitnessView(w.epoch().epoch, w.epoch().root, w.epoch().modelId,
                    TierEpochs.address(w.entry().borrower()), w.entry().score(), w.entry().salt().toString(),
                    w.path().leaf().toString(), w.path().leafIndex(), elements, w.path().pathIndices(), tiers,
                    w.epoch().expiresAt, w.epoch().chainId, w.epoch().oracle, circuit);
        }
    }

    @GET
    @Operation(summary = "My tier-proof witness",
            description = "The signed-in wallet's entry in the latest epoch whose root the CreditOracle holds: score, "
                    + "secret salt, Merkle path, the tiers the score clears, and snarkjs's circuit input for the highest "
                    + "one. Prove locally (snarkjs groth16 fullprove with the published wasm and zkey), then call "
                    + "CreditOracle.proveTier(tier, root, proof) from this wallet. Never cached (Cache-Control: no-store).")
    @APIResponse(responseCode = "200", description = "the witness",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TierWitnessView.class)))
    @APIResponse(responseCode = "401", description = "no valid session",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "no-tier-epoch (no root confirmed yet) or no-tier-witness (the "
            + "wallet had no score when the latest epoch was built)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response witness() {
        TierEpochs.Witness witness = epochs.witness(current.require().address());
        return Response.ok(TierWitnessView.of(witness)).cacheControl(noStore()).build();
    }

    static CacheControl noStore() {
        CacheControl control = new CacheControl();
        control.setNoStore(true);
        control.setNoCache(true);
        control.setPrivate(true);
        return control;
    }
}
