package io.creditlayer.features.profile;

import io.creditlayer.contracts.devnet.DevnetAccounts;
import io.creditlayer.contracts.generated.DevnetERC20;
import io.creditlayer.features.api.Extractor;
import io.creditlayer.features.ingest.ChainIngestor;
import io.creditlayer.features.rpc.Web3jChainSource;
import io.creditlayer.features.support.TokenDevnet;
import org.junit.jupiter.api.Test;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.methods.request.EthFilter;

import java.math.BigInteger;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A profile as of block B is the same whatever was ingested after B, and counts only what happened by B. */
class PointInTimeTest {

    @Test
    void laterBlocksNeverChangeAnEarlierProfile() throws Exception {
        try (TokenDevnet devnet = new TokenDevnet();
             Web3jChainSource source = Web3jChainSource.connect(devnet.anvil.rpcUrl(), 0, Web3jChainSource.Options.defaults())) {
            devnet.activity(6);
            long asOf = devnet.blockNumber() - 3;
            String lender = DevnetAccounts.LENDER.address().toLowerCase();

            Extractor early = new Extractor(source, devnet.knownContracts(), ChainIngestor.Options.defaults(), null);
            early.start(0);
            early.ingestTo(devnet.blockNumber());
            WalletProfile before = early.profile(lender, asOf);

            devnet.activity(6);
            Extractor late = new Extractor(source, devnet.knownContracts(), ChainIngestor.Options.defaults(), null);
            late.start(0);
            late.ingestTo(devnet.blockNumber());
            WalletProfile after = late.profile(lender, asOf);

            assertEquals(before, after, "same features, provenance and commitment");
            assertTrue(FeatureCommitment.verify(after));
            WalletProfile now = late.profile(lender, devnet.blockNumber());
            assertNotEquals(before.value(Feature.TOKEN_OUT_COUNT), now.value(Feature.TOKEN_OUT_COUNT));

            // Independently: the lender's outgoing transfers up to B, straight from eth_getLogs.
            EthFilter filter = new EthFilter(DefaultBlockParameter.valueOf(BigInteger.ZERO),
                    DefaultBlockParameter.valueOf(BigInteger.valueOf(asOf)), devnet.tokenAddress);
            filter.addSingleTopic(org.web3j.abi.EventEncoder.encode(DevnetERC20.TRANSFER_EVENT));
            filter.addSingleTopic("0x" + "0".repeat(24) + lender.substring(2));
            List<?> sent = devnet.chain.web3j().ethGetLogs(filter).send().getLogs();
            assertEquals(sent.size(), (int) before.value(Feature.TOKEN_OUT_COUNT));
            assertEquals(asOf, before.asOfBlock());
            assertEquals(devnet.chain.web3j().ethGetBlockByNumber(DefaultBlockParameter.valueOf(BigInteger.valueOf(asOf)), false)
                    .send().getBlock().getHash().toLowerCase(), before.asOfBlockHash());
            assertEquals(1.0, before.value(Feature.STABLECOIN_SHARE), 1e-9, "every transfer is of the stablecoin");
        }
    }
}
