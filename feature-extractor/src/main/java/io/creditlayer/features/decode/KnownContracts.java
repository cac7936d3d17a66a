package io.creditlayer.features.decode;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The address book of known contract deployments on one chain. Immutable; every address is stored lower-case.
 *
 * <h2>Why it exists (anti-spoofing)</h2>
 * An event is just a log that a contract chose to emit: anyone can deploy a contract that emits
 * {@code Borrow(...)}/{@code Repay(...)} with exactly Aave's, Compound's or CreditLayer's signature and fake a perfect
 * credit history for a wallet in one transaction. {@link EventDecoder} therefore decodes lending-protocol events
 * (Aave V2/V3, Compound V3 Comet, CreditLayer pool and oracle) <b>only</b> when the emitting contract is listed here.
 * ERC-20 transfers and DEX swaps are decoded from any contract: they are not credit events, and the profile builder
 * weights them by token/pool (e.g. {@link #stablecoins()}) instead.
 *
 * <p>{@link #stablecoins()} and {@link #mixers()} are not used by the decoder; the profile builder uses them
 * (stablecoin share of volume, interaction with mixers).
 *
 * @param chainId            EIP-155 chain id the addresses belong to
 * @param aaveV2Pools        Aave V2 {@code LendingPool} proxies
 * @param aaveV3Pools        Aave V3 {@code Pool} proxies
 * @param cometMarkets       Compound V3 Comet proxies (one per base asset, e.g. cUSDCv3)
 * @param creditLayerPools   CreditLayer {@code LendingPool}s by address
 * @param creditLayerOracles CreditLayer {@code CreditOracle}s
 * @param stablecoins        USD stablecoin token contracts
 * @param mixers             known mixer contracts (e.g. Tornado Cash pools)
 */
public record KnownContracts(
        long chainId,
        Set<String> aaveV2Pools,
        Set<String> aaveV3Pools,
        Set<String> cometMarkets,
        Map<String, CreditLayerPool> creditLayerPools,
        Set<String> creditLayerOracles,
        Set<String> stablecoins,
        Set<String> mixers) {

    /** Ethereum mainnet chain id. */
    public static final long ETHEREUM_MAINNET_CHAIN_ID = 1L;

    private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");

    /**
     * A CreditLayer {@code LendingPool} deployment.
     *
     * @param address         the pool (also its ERC-4626 share token)
     * @param loanToken       the asset lenders deposit and borrowers borrow, or null if unknown
     * @param collateralToken the collateral token, or null if unknown
     */
    public record CreditLayerPool(String address, String loanToken, String collateralToken) {
        public CreditLayerPool {
            address = normalize(address, "pool address");
            loanToken = loanToken == null ? null : normalize(loanToken, "loan token");
            collateralToken = collateralToken == null ? null : normalize(collateralToken, "collateral token");
        }

        /** A pool whose tokens are not known: its events use the pool address as {@code asset}. */
        public static CreditLayerPool of(String address) {
            return new CreditLayerPool(address, null, null);
        }
    }

    /** Normalizes (lower-case) and copies every collection; rejects anything that is not a 20-byte 0x address. */
    public KnownContracts {
        aaveV2Pools = normalizeAll(aaveV2Pools, "Aave V2 pool");
        aaveV3Pools = normalizeAll(aaveV3Pools, "Aave V3 pool");
        cometMarkets = normalizeAll(cometMarkets, "Comet market");
        Map<String, CreditLayerPool> pools = new LinkedHashMap<>();
        for (Map.Entry<String, CreditLayerPool> e : Objects.requireNonNull(creditLayerPools, "creditLayerPools").entrySet()) {
            CreditLayerPool pool = Objects.requireNonNull(e.getValue(), "CreditLayer pool");
            if (!normalize(e.getKey(), "CreditLayer pool").equals(pool.address())) {
                throw new IllegalArgumentException("CreditLayer pool key " + e.getKey() + " != " + pool.address());
            }
            pools.put(pool.address(), pool);
        }
        creditLayerPools = Map.copyOf(pools);
        creditLayerOracles = normalizeAll(creditLayerOracles, "CreditLayer oracle");
        stablecoins = normalizeAll(stablecoins, "stablecoin");
        mixers = normalizeAll(mixers, "mixer");
    }

    // ------------------------------------------------------------------ factories

    /** An address book with nothing in it: only ERC-20 transfers and swaps will be decoded. */
    public static KnownContracts empty(long chainId) {
        return new KnownContracts(chainId, Set.of(), Set.of(), Set.of(), Map.of(), Set.of(), Set.of(), Set.of());
    }

    /** All collections given explicitly (any case; stored lower-case). */
    public static KnownContracts of(long chainId,
                                    Collection<String> aaveV2Pools,
                                    Collection<String> aaveV3Pools,
                                    Collection<String> cometMarkets,
                                    Collection<CreditLayerPool> creditLayerPools,
                                    Collection<String> creditLayerOracles,
                                    Collection<String> stablecoins,
                                    Collection<String> mixers) {
        Builder b = builder(chainId)
                .aaveV2Pools(aaveV2Pools)
                .aaveV3Pools(aaveV3Pools)
                .cometMarkets(cometMarkets)
                .creditLayerOracles(creditLayerOracles)
                .stablecoins(stablecoins)
                .mixers(mixers);
        for (CreditLayerPool p : creditLayerPools) {
            b.creditLayerPool(p);
        }
        return b.build();
    }

    /**
     * A devnet/testnet address book holding one CreditLayer deployment (e.g. read from a deployment file).
     * Add stablecoins and mixers with {@link #withStablecoins(String...)} / {@link #withMixers(String...)}.
     *
     * @param loanToken       may be null if unknown
     * @param collateralToken may be null if unknown
     * @param oracle          may be null if there is no oracle to decode
     */
    public static KnownContracts forCreditLayer(long chainId, String pool, String loanToken,
                                                String collateralToken, String oracle) {
        Builder b = builder(chainId).creditLayerPool(new CreditLayerPool(pool, loanToken, collateralToken));
        if (oracle != null) {
            b.creditLayerOracles(List.of(oracle));
        }
        return b.build();
    }

    /**
     * Ethereum mainnet public deployments (chain id 1): Aave V3 Pool, Aave V2 LendingPool, Compound V3 cUSDCv3 and
     * cWETHv3, USDC/USDT/DAI, and the four Tornado Cash ETH pools (0.1, 1, 10, 100 ETH). No CreditLayer deployment.
     */
    public static KnownContracts ethereumMainnet() {
        return builder(ETHEREUM_MAINNET_CHAIN_ID)
                .aaveV3Pools(List.of("0x87870Bca3F3fD6335C3F4ce8392D69350B4fA4E2"))
                .aaveV2Pools(List.of("0x7d2768dE32b0b80b7a3454c06BdAc94A69DDc7A9"))
                .cometMarkets(List.of(
                        "0xc3d688B66703497DAA19211EEdff47f25384cdc3",   // cUSDCv3
                        "0xA17581A9E3356d9A858b789D68B4d866e593aE94"))  // cWETHv3
                .stablecoins(List.of(
                        "0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48",   // USDC
                        "0xdAC17F958D2ee523a2206206994597C13D831ec7",   // USDT
                        "0x6B175474E89094C44Da98b954EedeAC495271d0F"))  // DAI
                .mixers(List.of(
                        "0x12D66f87A04A9E220743712cE6d9bB1B5616B8Fc",   // Tornado Cash 0.1 ETH
                        "0x47CE0C6eD5B0Ce3d3A51fdb1C52DC66a7c3c2936",   // Tornado Cash 1 ETH
                        "0x910Cbd523D972eb0a6f4cAe4618aD62622b39DbF",   // Tornado Cash 10 ETH
                        "0xA160cdAB225685dA1d56aa342Ad8841c3b53f291"))  // Tornado Cash 100 ETH
                .build();
    }

    public static Builder builder(long chainId) {
        return new Builder(chainId);
    }

    /** A builder pre-filled with this address book. */
    public Builder toBuilder() {
        Builder b = builder(chainId)
                .aaveV2Pools(aaveV2Pools)
                .aaveV3Pools(aaveV3Pools)
                .cometMarkets(cometMarkets)
                .creditLayerOracles(creditLayerOracles)
                .stablecoins(stablecoins)
                .mixers(mixers);
        creditLayerPools.values().forEach(b::creditLayerPool);
        return b;
    }

    // ------------------------------------------------------------------ withers (each returns a new instance)

    public KnownContracts withMixers(String... addresses) {
        return toBuilder().mixers(Arrays.asList(addresses)).build();
    }

    public KnownContracts withStablecoins(String... addresses) {
        return toBuilder().stablecoins(Arrays.asList(addresses)).build();
    }

    public KnownContracts withAaveV2Pools(String... addresses) {
        return toBuilder().aaveV2Pools(Arrays.asList(addresses)).build();
    }

    public KnownContracts withAaveV3Pools(String... addresses) {
        return toBuilder().aaveV3Pools(Arrays.asList(addresses)).build();
    }

    public KnownContracts withCometMarkets(String... addresses) {
        return toBuilder().cometMarkets(Arrays.asList(addresses)).build();
    }

    public KnownContracts withCreditLayerPool(String pool, String loanToken, String collateralToken) {
        return toBuilder().creditLayerPool(new CreditLayerPool(pool, loanToken, collateralToken)).build();
    }

    public KnownContracts withCreditLayerOracles(String... addresses) {
        return toBuilder().creditLayerOracles(Arrays.asList(addresses)).build();
    }

    // ------------------------------------------------------------------ queries (any case accepted)

    public boolean isAaveV2Pool(String address) {
        return address != null && aaveV2Pools.contains(lower(address));
    }

    public boolean isAaveV3Pool(String address) {
        return address != null && aaveV3Pools.contains(lower(address));
    }

    public boolean isCometMarket(String address) {
        return address != null && cometMarkets.contains(lower(address));
    }

    public boolean isCreditLayerPool(String address) {
        return address != null && creditLayerPools.containsKey(lower(address));
    }

    /** The CreditLayer pool at {@code address}, or null if it is not one. */
    public CreditLayerPool creditLayerPool(String address) {
        return address == null ? null : creditLayerPools.get(lower(address));
    }

    public boolean isCreditLayerOracle(String address) {
        return address != null && creditLayerOracles.contains(lower(address));
    }

    public boolean isStablecoin(String address) {
        return address != null && stablecoins.contains(lower(address));
    }

    public boolean isMixer(String address) {
        return address != null && mixers.contains(lower(address));
    }

    /**
     * Every contract whose events are decoded only because it is in this book (Aave, Comet, CreditLayer pools and
     * oracles): the address filter for an {@code eth_getLogs} over lending topics.
     */
    public Set<String> lendingContracts() {
        Set<String> all = new HashSet<>(aaveV2Pools);
        all.addAll(aaveV3Pools);
        all.addAll(cometMarkets);
        all.addAll(creditLayerPools.keySet());
        all.addAll(creditLayerOracles);
        return Set.copyOf(all);
    }

    // ------------------------------------------------------------------ builder

    /** Mutable builder; every add is a union with what is already there. */
    public static final class Builder {
        private final long chainId;
        private final Set<String> aaveV2Pools = new HashSet<>();
        private final Set<String> aaveV3Pools = new HashSet<>();
        private final Set<String> cometMarkets = new HashSet<>();
        private final Map<String, CreditLayerPool> creditLayerPools = new LinkedHashMap<>();
        private final Set<String> creditLayerOracles = new HashSet<>();
        private final Set<String> stablecoins = new HashSet<>();
        private final Set<String> mixers = new HashSet<>();

        private Builder(long chainId) {
            this.chainId = chainId;
        }

        public Builder aaveV2Pools(Collection<String> addresses) {
            addAll(aaveV2Pools, addresses, "Aave V2 pool");
            return this;
        }

        public Builder aaveV3Pools(Collection<String> addresses) {
            addAll(aaveV3Pools, addresses, "Aave V3 pool");
            return this;
        }

        public Builder cometMarkets(Collection<String> addresses) {
            addAll(cometMarkets, addresses, "Comet market");
            return this;
        }

        /** Adds (or replaces, by address) a CreditLayer pool. */
        public Builder creditLayerPool(CreditLayerPool pool) {
            Objects.requireNonNull(pool, "pool");
            creditLayerPools.put(pool.address(), pool);
            return this;
        }

        public Builder creditLayerOracles(Collection<String> addresses) {
            addAll(creditLayerOracles, addresses, "CreditLayer oracle");
            return this;
        }

        public Builder stablecoins(Collection<String> addresses) {
            addAll(stablecoins, addresses, "stablecoin");
            return this;
        }

        public Builder mixers(Collection<String> addresses) {
            addAll(mixers, addresses, "mixer");
            return this;
        }

        public KnownContracts build() {
            return new KnownContracts(chainId, aaveV2Pools, aaveV3Pools, cometMarkets, creditLayerPools,
                    creditLayerOracles, stablecoins, mixers);
        }

        private static void addAll(Set<String> target, Collection<String> addresses, String what) {
            Objects.requireNonNull(addresses, what + " addresses");
            for (String a : addresses) {
                target.add(normalize(a, what));
            }
        }
    }

    // ------------------------------------------------------------------ helpers

    /** Lower-cases a 0x-prefixed 20-byte hex address; throws IllegalArgumentException if it is not one. */
    static String normalize(String address, String what) {
        if (address == null || !ADDRESS.matcher(address).matches()) {
            throw new IllegalArgumentException("not a 0x-prefixed 20-byte address (" + what + "): " + address);
        }
        return lower(address);
    }

    private static Set<String> normalizeAll(Set<String> addresses, String what) {
        Objects.requireNonNull(addresses, what + " set");
        Set<String> out = new HashSet<>(addresses.size() * 2);
        for (String a : addresses) {
            out.add(normalize(a, what));
        }
        return Set.copyOf(out);
    }

    /** {@code toLowerCase(Locale.ROOT)}; returns the same instance when already lower-case. */
    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
