package io.creditlayer.features.decode;

import io.creditlayer.features.model.Action;
import io.creditlayer.features.model.DecodedEvent;
import io.creditlayer.features.model.Protocol;
import org.junit.jupiter.api.Test;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.TypeEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.protocol.core.methods.response.Log;

import java.math.BigInteger;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tornado Cash's Withdrawal: the recipient is in the data; decoded only from known mixer pools. */
class MixerEventsTest {
    /** Tornado Cash 1 ETH pool on mainnet. */
    private static final String TORNADO_1_ETH = "0x47ce0c6ed5b0ce3d3a51fdb1c52dc66a7c3c2936";
    private static final String RECIPIENT = "0x" + "ab".repeat(20);
    private static final String RELAYER = "0x" + "cd".repeat(20);

    @Test
    void aKnownMixersWithdrawalFundsItsRecipient() {
        EventDecoder decoder = new EventDecoder(KnownContracts.ethereumMainnet());
        List<DecodedEvent> events = decoder.decode(withdrawal(TORNADO_1_ETH));
        assertEquals(1, events.size());
        DecodedEvent e = events.getFirst();
        assertEquals(Protocol.MIXER, e.protocol());
        assertEquals(Action.MIXER_WITHDRAWAL, e.action());
        assertEquals(RECIPIENT, e.wallet());
        assertEquals(RELAYER, e.counterparty());
        assertEquals(BigInteger.valueOf(5_000_000_000_000_000L), e.amount());
    }

    @Test
    void theSameEventFromAnUnknownContractIsIgnored() {
        EventDecoder decoder = new EventDecoder(KnownContracts.ethereumMainnet());
        assertTrue(decoder.decode(withdrawal("0x" + "11".repeat(20))).isEmpty());
        assertEquals(1, decoder.skippedUnknownContractCount());
    }

    private static Log withdrawal(String contract) {
        List<Type> data = List.of(new Address(RECIPIENT), new Bytes32(new byte[32]),
                new Uint256(BigInteger.valueOf(5_000_000_000_000_000L)));
        Log log = new Log();
        log.setAddress(contract);
        log.setTopics(List.of(DefiEvents.topic0(DefiEvents.TORNADO_WITHDRAWAL), "0x" + TypeEncoder.encode(new Address(RELAYER))));
        log.setData("0x" + FunctionEncoder.encodeConstructor(data));
        log.setBlockNumber("0x10");
        log.setBlockHash("0x" + "01".repeat(32));
        log.setTransactionHash("0x" + "02".repeat(32));
        log.setTransactionIndex("0x0");
        log.setLogIndex("0x3");
        return log;
    }
}
