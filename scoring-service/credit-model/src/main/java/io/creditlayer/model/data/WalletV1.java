package io.creditlayer.model.data;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The extractor's wallet feature schema {@code wallet-v1} (docs/features.md), restated here because the model must
 * not depend on the extractor module: the 38 features in vector order with their units, and the schema hash the
 * extractor computes, keccak-256 over {@code "wallet-v1|6|name:unit,name:unit,...,"}. A test pins the hash to the
 * value the extractor publishes, so a drift on either side fails the build.
 */
public final class WalletV1 {
    public static final String VERSION = "wallet-v1";
    /** Feature values are quantized to this many decimals by the extractor. */
    public static final int DECIMALS = 6;
    /** Provenance columns of a training or profile CSV, before the features. */
    public static final List<String> PROVENANCE = List.of(
            "wallet", "chain_id", "as_of_block", "as_of_block_hash", "as_of_timestamp", "schema_version");
    public static final String LABEL = "label";
    public static final String COMMITMENT = "feature_commitment";

    private static final String[][] FEATURES = {
            {"wallet_age_days", "days"},
            {"active_days", "days"},
            {"days_since_last_activity", "days"},
            {"tx_count", "count"},
            {"failed_tx_share", "ratio"},
            {"distinct_counterparties", "count"},
            {"gas_paid_eth", "ETH"},
            {"native_in_count", "count"},
            {"native_in_eth", "ETH"},
            {"native_out_count", "count"},
            {"native_out_eth", "ETH"},
            {"token_in_count", "count"},
            {"token_out_count", "count"},
            {"stablecoin_share", "ratio"},
            {"stable_in_usd", "USD"},
            {"stable_out_usd", "USD"},
            {"stable_balance_min_usd", "USD"},
            {"stable_balance_max_usd", "USD"},
            {"deposit_count", "count"},
            {"deposit_amount", "tokens"},
            {"withdraw_count", "count"},
            {"withdraw_amount", "tokens"},
            {"collateral_supply_count", "count"},
            {"borrow_count", "count"},
            {"borrow_amount", "tokens"},
            {"repay_count", "count"},
            {"repay_amount", "tokens"},
            {"repaid_share", "ratio"},
            {"outstanding_debt", "tokens"},
            {"days_since_first_borrow", "days"},
            {"liquidation_count", "count"},
            {"days_since_last_liquidation", "days"},
            {"write_off_count", "count"},
            {"protocols_used", "count"},
            {"dex_swap_count", "count"},
            {"mixer_interactions", "count"},
            {"collateral_posted", "tokens"},
            {"debt_per_collateral", "tokens/token"},
    };

    private static final FeatureSchema SCHEMA = build();

    private WalletV1() {
    }

    public static FeatureSchema schema() {
        return SCHEMA;
    }

    public static List<String> featureNames() {
        return SCHEMA.names();
    }

    /** The full header of an extractor training CSV (labelled) or profile CSV (unlabelled). */
    public static List<String> header(boolean labelled) {
        List<String> header = new ArrayList<>(PROVENANCE);
        header.addAll(featureNames());
        if (labelled) {
            header.add(LABEL);
        }
        header.add(COMMITMENT);
        return header;
    }

    private static FeatureSchema build() {
        List<FeatureDef> defs = new ArrayList<>();
        StringBuilder canonical = new StringBuilder(VERSION).append('|').append(DECIMALS).append('|');
        for (String[] f : FEATURES) {
            defs.add(FeatureDef.numeric(f[0], f[1]));
            canonical.append(f[0]).append(':').append(f[1]).append(',');
        }
        byte[] hash = Hashes.keccak256(canonical.toString().getBytes(StandardCharsets.UTF_8));
        return new FeatureSchema(VERSION, defs, "keccak-256", Hashes.hex0x(hash));
    }
}
