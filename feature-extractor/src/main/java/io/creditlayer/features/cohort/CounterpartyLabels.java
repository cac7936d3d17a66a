package io.creditlayer.features.cohort;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Public labels of well-known funding counterparties on one chain: exchange hot wallets, bridge escrows and
 * faucets, as block explorers publish them. The extractor uses them only to say where a wallet's first money came
 * from ({@link CohortSignals}), which the fairness audit turns into a cohort; they never enter a feature. Mixers
 * are not listed here: they come from the extractor's {@code KnownContracts}.
 *
 * @param chainId EIP-155 chain id the addresses belong to
 * @param labels  lower-case address → label
 */
public record CounterpartyLabels(long chainId, Map<String, Label> labels) {
    private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");

    /** What a labelled counterparty is. */
    public enum Label {
        EXCHANGE, BRIDGE, FAUCET;

        /** The label as it appears in cohort signals: lower case. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public CounterpartyLabels {
        Map<String, Label> copy = new LinkedHashMap<>();
        for (Map.Entry<String, Label> e : Objects.requireNonNull(labels, "labels").entrySet()) {
            String address = e.getKey();
            if (address == null || !ADDRESS.matcher(address).matches()) {
                throw new IllegalArgumentException("not a 0x-prefixed 20-byte address (counterparty label): " + address);
            }
            Label previous = copy.put(address.toLowerCase(Locale.ROOT), Objects.requireNonNull(e.getValue(), "label"));
            if (previous != null && previous != e.getValue()) {
                throw new IllegalArgumentException("address " + address + " labelled both " + previous.id() + " and "
                        + e.getValue().id());
            }
        }
        labels = Map.copyOf(copy);
    }

    public static CounterpartyLabels empty(long chainId) {
        return new CounterpartyLabels(chainId, Map.of());
    }

    /** The label of {@code address} (any case), or null when it has none. */
    public Label labelOf(String address) {
        return address == null ? null : labels.get(address.toLowerCase(Locale.ROOT));
    }

    /** This book plus {@code addresses} under {@code label}. */
    public CounterpartyLabels with(Label label, Collection<String> addresses) {
        Map<String, Label> more = new LinkedHashMap<>(labels);
        for (String address : addresses) {
            if (address == null || !ADDRESS.matcher(address).matches()) {
                throw new IllegalArgumentException("not a 0x-prefixed 20-byte address (" + label.id() + "): " + address);
            }
            Label previous = more.put(address.toLowerCase(Locale.ROOT), label);
            if (previous != null && previous != label) {
                throw new IllegalArgumentException("address " + address + " labelled both " + previous.id() + " and " + label.id());
            }
        }
        return new CounterpartyLabels(chainId, more);
    }

    /**
     * A small illustrative book for Ethereum mainnet (chain id 1): a few of the largest exchange hot wallets and
     * the canonical rollup bridge escrows that pay out ERC-20 withdrawals on L1. Production use needs a maintained
     * label set; an unlabelled exchange wallet makes its customers look peer-funded.
     */
    public static CounterpartyLabels ethereumMainnet() {
        return empty(1)
                .with(Label.EXCHANGE, List.of(
                        "0x28C6c06298d514Db089934071355E5743bf21d60",   // Binance 14
                        "0x21a31Ee1afC51d94C2eFcCAa2092aD1028285549",   // Binance 15
                        "0xBE0eB53F46cd790Cd13851d5EFf43D12404d33E8",   // Binance 7
                        "0xA9D1e08C7793af67e9d92fe308d5697FB81d3E43",   // Coinbase 10
                        "0x71660c4005BA85c37ccec55d0C4493E66Fe775d3",   // Coinbase 1
                        "0x2910543Af39abA0Cd09dBb2D50200b3E800A63D2"))  // Kraken
                .with(Label.BRIDGE, List.of(
                        "0x99C9fc46f92E8a1c0deC1b1747d010903E884bE1",   // Optimism L1StandardBridge
                        "0xa3A7B6F88361F48403514059F1F16C8E78d60EeC",   // Arbitrum L1 ERC-20 gateway
                        "0x40ec5B33f54e0E8A33A975908C5BA1c14e5BbbDf")); // Polygon PoS ERC-20 predicate
    }
}
