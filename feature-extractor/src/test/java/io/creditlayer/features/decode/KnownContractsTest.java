package io.creditlayer.features.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class KnownContractsTest {

    @Test
    void ethereumMainnetHoldsThePublicDeploymentsLowerCase() {
        KnownContracts m = KnownContracts.ethereumMainnet();
        assertEquals(1, m.chainId());
        assertEquals(Set.of("0x87870bca3f3fd6335c3f4ce8392d69350b4fa4e2"), m.aaveV3Pools());
        assertEquals(Set.of("0x7d2768de32b0b80b7a3454c06bdac94a69ddc7a9"), m.aaveV2Pools());
        assertEquals(Set.of("0xc3d688b66703497daa19211eedff47f25384cdc3", "0xa17581a9e3356d9a858b789d68b4d866e593ae94"),
                m.cometMarkets());
        assertEquals(Set.of("0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48", "0xdac17f958d2ee523a2206206994597c13d831ec7",
                "0x6b175474e89094c44da98b954eedeac495271d0f"), m.stablecoins());
        assertEquals(Set.of("0x12d66f87a04a9e220743712ce6d9bb1b5616b8fc", "0x47ce0c6ed5b0ce3d3a51fdb1c52dc66a7c3c2936",
                "0x910cbd523d972eb0a6f4cae4618ad62622b39dbf", "0xa160cdab225685da1d56aa342ad8841c3b53f291"), m.mixers());
        assertTrue(m.creditLayerPools().isEmpty());
        assertTrue(m.creditLayerOracles().isEmpty());
        assertTrue(m.isAaveV3Pool("0x87870Bca3F3fD6335C3F4ce8392D69350B4fA4E2"));
        assertFalse(m.isAaveV2Pool("0x87870Bca3F3fD6335C3F4ce8392D69350B4fA4E2"));
        assertTrue(m.isStablecoin("0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48"));
        assertTrue(m.isMixer("0x910Cbd523D972eb0a6f4cAe4618aD62622b39DbF"));
        assertEquals(4, m.lendingContracts().size());
    }

    @Test
    void creditLayerDevnetBookWithWithers() {
        KnownContracts k = KnownContracts.forCreditLayer(31337, "0x5FbDB2315678afecb367f032d93F642f64180aa3",
                        "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512", "0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0",
                        "0xCf7Ed3AccA5a467e9e704C703E8D87F634fB0Fc9")
                .withStablecoins("0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512")
                .withMixers("0xDc64a140Aa3E981100a9becA4E685f962f0cF6C9")
                .withMixers();
        assertEquals(31337, k.chainId());
        KnownContracts.CreditLayerPool pool = k.creditLayerPool("0x5fbdb2315678afecb367f032d93f642f64180aa3");
        assertEquals(new KnownContracts.CreditLayerPool("0x5fbdb2315678afecb367f032d93f642f64180aa3",
                "0xe7f1725e7734ce288f8367e1bb143e90bb3f0512", "0x9fe46736679d2d9a65f0992f2272de9f3c7fa6e0"), pool);
        assertTrue(k.isCreditLayerPool("0x5FbDB2315678afecb367f032d93F642f64180aa3"));
        assertTrue(k.isCreditLayerOracle("0xcf7ed3acca5a467e9e704c703e8d87f634fb0fc9"));
        assertEquals(Set.of("0xe7f1725e7734ce288f8367e1bb143e90bb3f0512"), k.stablecoins());
        assertEquals(Set.of("0xdc64a140aa3e981100a9beca4e685f962f0cf6c9"), k.mixers());
        assertEquals(Set.of("0x5fbdb2315678afecb367f032d93f642f64180aa3", "0xcf7ed3acca5a467e9e704c703e8d87f634fb0fc9"),
                k.lendingContracts());
        // withers union, they never drop what was there
        KnownContracts more = k.withStablecoins("0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48");
        assertEquals(2, more.stablecoins().size());
        assertEquals(1, k.stablecoins().size());
        assertEquals(k.creditLayerPools(), more.creditLayerPools());
        // a pool without oracle and unknown tokens
        KnownContracts bare = KnownContracts.forCreditLayer(5, "0x5FbDB2315678afecb367f032d93F642f64180aa3", null, null, null);
        assertNull(bare.creditLayerPool("0x5fbdb2315678afecb367f032d93f642f64180aa3").loanToken());
        assertTrue(bare.creditLayerOracles().isEmpty());
    }

    @Test
    void ofAndBuilderAgree() {
        KnownContracts viaOf = KnownContracts.of(1,
                List.of("0x7d2768dE32b0b80b7a3454c06BdAc94A69DDc7A9"),
                List.of("0x87870Bca3F3fD6335C3F4ce8392D69350B4fA4E2"),
                List.of("0xc3d688B66703497DAA19211EEdff47f25384cdc3", "0xA17581A9E3356d9A858b789D68B4d866e593aE94"),
                List.of(),
                List.of(),
                List.of("0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48", "0xdAC17F958D2ee523a2206206994597C13D831ec7",
                        "0x6B175474E89094C44Da98b954EedeAC495271d0F"),
                List.of("0x12D66f87A04A9E220743712cE6d9bB1B5616B8Fc", "0x47CE0C6eD5B0Ce3d3A51fdb1C52DC66a7c3c2936",
                        "0x910Cbd523D972eb0a6f4cAe4618aD62622b39DbF", "0xA160cdAB225685dA1d56aa342Ad8841c3b53f291"));
        assertEquals(KnownContracts.ethereumMainnet(), viaOf);
        assertEquals(viaOf, viaOf.toBuilder().build());
    }

    @Test
    void rejectsMalformedAddressesAndIsImmutable() {
        assertThrows(IllegalArgumentException.class, () -> KnownContracts.empty(1).withMixers("0x1234"));
        assertThrows(IllegalArgumentException.class, () -> KnownContracts.empty(1).withMixers("not an address"));
        assertThrows(IllegalArgumentException.class,
                () -> KnownContracts.empty(1).withAaveV3Pools("87870Bca3F3fD6335C3F4ce8392D69350B4fA4E2"));
        assertThrows(IllegalArgumentException.class,
                () -> KnownContracts.forCreditLayer(1, "0xzz870Bca3F3fD6335C3F4ce8392D69350B4fA4E2", null, null, null));
        assertThrows(UnsupportedOperationException.class,
                () -> KnownContracts.ethereumMainnet().mixers().add("0x0000000000000000000000000000000000000001"));
        assertThrows(UnsupportedOperationException.class,
                () -> KnownContracts.ethereumMainnet().creditLayerPools().clear());
        assertFalse(KnownContracts.ethereumMainnet().isMixer(null));
    }
}
