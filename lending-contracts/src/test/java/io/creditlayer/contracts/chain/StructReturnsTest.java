package io.creditlayer.contracts.chain;

import io.creditlayer.contracts.generated.LendingPool;
import io.creditlayer.contracts.generated.ModelRegistry;
import org.junit.jupiter.api.Test;
import org.web3j.abi.TypeEncoder;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.ReadonlyTransactionManager;
import org.web3j.tx.gas.StaticGasProvider;

import java.math.BigInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Struct returns decode into the generated struct classes, as web3j encodes them. */
class StructReturnsTest {
    private static final String ADDRESS = "0x00000000000000000000000000000000000000a1";
    // never contacted: the calls below are only encoded
    private static final Web3j OFFLINE = Web3j.build(new HttpService("http://127.0.0.1:9"));
    private static final StaticGasProvider NO_GAS = new StaticGasProvider(BigInteger.ZERO, BigInteger.ZERO);

    @Test
    void aModelRecordRoundTrips() {
        ModelRegistry registry = ModelRegistry.load(ADDRESS, OFFLINE, new ReadonlyTransactionManager(OFFLINE, ADDRESS), NO_GAS);
        ModelRegistry.Model model = new ModelRegistry.Model(bytes(1), bytes(2), bytes(3), true, BigInteger.TWO);
        ModelRegistry.Model decoded = StructReturns.decode(registry.getModel(bytes(9)), "0x" + TypeEncoder.encode(model),
                ModelRegistry.Model.class);
        assertArrayEquals(bytes(1), decoded.artifactHash);
        assertArrayEquals(bytes(2), decoded.featureSchemaHash);
        assertArrayEquals(bytes(3), decoded.fairnessReportHash);
        assertTrue(decoded.fairnessPassed);
        assertEquals(BigInteger.TWO, decoded.status);
    }

    @Test
    void aPositionWithSmallIntegersAndABooleanRoundTrips() {
        LendingPool pool = LendingPool.load(ADDRESS, OFFLINE, new ReadonlyTransactionManager(OFFLINE, ADDRESS), NO_GAS);
        LendingPool.PositionView position = new LendingPool.PositionView(BigInteger.TEN, BigInteger.valueOf(7),
                BigInteger.valueOf(20_000), BigInteger.valueOf(16_000), BigInteger.valueOf(4), BigInteger.valueOf(3), false);
        LendingPool.PositionView decoded = StructReturns.decode(pool.positionOf(ADDRESS), "0x" + TypeEncoder.encode(position),
                LendingPool.PositionView.class);
        assertEquals(BigInteger.valueOf(7), decoded.debt);
        assertEquals(BigInteger.valueOf(16_000), decoded.borrowLimit);
        assertEquals(BigInteger.valueOf(3), decoded.debtTier);
        assertEquals(false, decoded.liquidatable);
    }

    @Test
    void anEmptyReturnIsAClearError() {
        ModelRegistry registry = ModelRegistry.load(ADDRESS, OFFLINE, new ReadonlyTransactionManager(OFFLINE, ADDRESS), NO_GAS);
        ChainException e = assertThrows(ChainException.class,
                () -> StructReturns.decode(registry.getModel(bytes(9)), "0x", ModelRegistry.Model.class));
        assertTrue(e.getMessage().startsWith("Model expected from 0x"), e.getMessage());
        assertTrue(e.getMessage().endsWith("the call returned nothing"), e.getMessage());
    }

    private static byte[] bytes(int fill) {
        byte[] b = new byte[32];
        java.util.Arrays.fill(b, (byte) fill);
        return b;
    }
}
