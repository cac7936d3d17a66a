package io.creditlayer.features.ingest;

import io.creditlayer.contracts.devnet.DevnetAccounts;
import io.creditlayer.features.api.Extractor;
import io.creditlayer.features.profile.Feature;
import io.creditlayer.features.rpc.Web3jChainSource;
import io.creditlayer.features.support.TokenDevnet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A reorg on a real anvil (evm_snapshot, transactions, evm_revert, other transactions at the same heights):
 * the extractor sees the parent hash change, rolls back what came from the orphaned blocks and ingests the new ones,
 * in memory and in its journal.
 */
class ReorgTest {
    @TempDir
    Path checkpoint;

    @Test
    void orphanedBlocksAreRolledBack() throws Exception {
        try (TokenDevnet devnet = new TokenDevnet();
             Web3jChainSource source = Web3jChainSource.connect(devnet.anvil.rpcUrl(), 0, Web3jChainSource.Options.defaults())) {
            devnet.activity(2);
            ChainIngestor.Options following = new ChainIngestor.Options(
                    io.creditlayer.features.ingest.AdaptiveLogFetcher.Options.defaults(), 0, 64);
            Extractor extractor = new Extractor(source, devnet.knownContracts(), following, checkpoint);
            extractor.start(0);
            long forkPoint = extractor.poll();

            String snapshot = rpc(devnet, "evm_snapshot", List.of());
            for (int i = 0; i < 3; i++) {
                devnet.transfer(DevnetAccounts.LENDER, DevnetAccounts.RELAYER, 1);
            }
            extractor.poll();
            String lender = DevnetAccounts.LENDER.address().toLowerCase();
            String relayer = DevnetAccounts.RELAYER.address().toLowerCase();
            double lenderOutBefore = extractor.profile(lender, forkPoint).value(Feature.TOKEN_OUT_COUNT);
            assertEquals(3, extractor.profile(relayer, forkPoint + 3).value(Feature.TOKEN_IN_COUNT));

            assertEquals("true", rpc(devnet, "evm_revert", List.of(snapshot)));
            for (int i = 0; i < 4; i++) {
                devnet.transfer(DevnetAccounts.SCORED_BORROWER, DevnetAccounts.GUARDIAN, 2);
            }
            long head = extractor.poll();

            assertEquals(devnet.blockNumber(), head);
            assertTrue(extractor.stats().reorgs >= 1, "reorg detected");
            assertEquals(0, extractor.profile(relayer, head).value(Feature.TOKEN_IN_COUNT), "orphaned transfers gone");
            assertEquals(4, extractor.profile(DevnetAccounts.GUARDIAN.address(), head).value(Feature.TOKEN_IN_COUNT));
            assertEquals(lenderOutBefore, extractor.profile(lender, head).value(Feature.TOKEN_OUT_COUNT));

            // The journal followed the rollback: a fresh extractor resuming from it sees the same chain.
            Extractor resumed = new Extractor(source, devnet.knownContracts(), following, checkpoint);
            assertEquals(head + 1, resumed.start(0));
            assertEquals(extractor.profile(relayer, head), resumed.profile(relayer, head));
            assertEquals(extractor.profile(DevnetAccounts.GUARDIAN.address(), head),
                    resumed.profile(DevnetAccounts.GUARDIAN.address(), head));
        }
    }

    private static String rpc(TokenDevnet devnet, String method, List<?> params) throws Exception {
        Response<?> response = new Request<>(method, params, devnet.chain.service(), Response.class).send();
        if (response.hasError()) {
            throw new IllegalStateException(response.getError().getMessage());
        }
        return String.valueOf(response.getResult());
    }
}
