package io.creditlayer.service.lender;

import io.creditlayer.service.scoring.ScoreView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** A wallet's credit score as the lender API serves it. */
@Schema(name = "WalletScore", description = "A wallet's current credit score under the active model")
public record WalletScore(
        @Schema(description = "the wallet, lower-case 0x address", examples = "0x15d34aaf54267db7d7c367839aaf71a00a2c6a65")
        String address,
        @Schema(description = "credit score, 300 (worst) to 850 (best); 0 when the wallet cannot be scored")
        int score,
        @Schema(description = "calibrated probability of default within 30 days of a borrow; null when unscored",
                nullable = true)
        Double pd,
        @Schema(description = "risk tier the CreditOracle and LendingPool use: 1 (riskiest) to 5 (safest), 0 unscored")
        int tier,
        @Schema(description = "collateral ratio the lending pool applies to the tier, in basis points (15000 = 150%)")
        int collateralRatioBps,
        @Schema(description = "the top reasons the score is not higher, most adverse first")
        List<Reason> reasons,
        @Schema(description = "id of the model that produced the score (the ModelRegistry's bytes32 model id)")
        String modelId,
        @Schema(description = "the block the wallet's profile was read at")
        long asOfBlock,
        @Schema(description = "keccak-256 commitment to the profile's feature values (bytes32), as attested on-chain")
        String featureCommitment) {

    public WalletScore {
        reasons = List.copyOf(reasons);
    }

    @Schema(name = "ScoreReason", description = "A reason code with its plain-language text and weight")
    public record Reason(
            @Schema(description = "the feature behind the reason", examples = "liquidation_count") String code,
            @Schema(description = "what the feature says about the wallet and what would improve the score") String text,
            @Schema(description = "how much the feature raised the log-odds of default") double logOdds) {
    }

    public static WalletScore of(ScoreView view) {
        return new WalletScore(view.address(), view.score(), view.pd(), view.tier(), view.collateralRatioBps(),
                view.reasons().stream().map(r -> new Reason(r.code(), r.text(), r.logOdds())).toList(), view.modelId(),
                view.asOfBlock(), view.featureCommitment());
    }
}
