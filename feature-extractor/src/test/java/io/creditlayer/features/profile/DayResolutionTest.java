package io.creditlayer.features.profile;

import io.creditlayer.contracts.devnet.DevnetAccounts;
import io.creditlayer.contracts.devnet.DevnetClock;
import io.creditlayer.features.api.Extractor;
import io.creditlayer.features.ingest.ChainIngestor;
import io.creditlayer.features.rpc.Web3jChainSource;
import io.creditlayer.features.support.TokenDevnet;
import org.junit.jupiter.api.Test;
import org.web3j.protocol.core.DefaultBlockParameterName;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Time features are whole days: two wallets last active at different hours of the same day look alike a day later,
 * so the hour a wallet transacts at (its time zone, a fairness cohort) does not reach the model (ADR 0018).
 */
class DayResolutionTest {
    private static final long HOUR = 3_600;
    private static final long DAY = 24 * HOUR;

    @Test
    void roundsToTheNearestWholeDayHalfUp() {
        assertEquals(0, ProfileBuilder.wholeDays(0));
        assertEquals(0, ProfileBuilder.wholeDays(DAY / 2 - 1));
        assertEquals(1, ProfileBuilder.wholeDays(DAY / 2));
        assertEquals(1, ProfileBuilder.wholeDays(18 * HOUR));
        assertEquals(1, ProfileBuilder.wholeDays(DAY + 11 * HOUR));
        assertEquals(2, ProfileBuilder.wholeDays(DAY + 12 * HOUR));
        assertEquals(180, ProfileBuilder.wholeDays(180 * DAY + 3 * HOUR));
    }

    @Test
    void walletsActiveAtDifferentHoursHaveTheSameRecencyOnChain() throws Exception {
        try (TokenDevnet devnet = new TokenDevnet();
             Web3jChainSource source = Web3jChainSource.connect(devnet.anvil.rpcUrl(), 0, Web3jChainSource.Options.defaults())) {
            long now = devnet.chain.web3j().ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false).send()
                    .getBlock().getTimestamp().longValueExact();
            long oneAm = (now / DAY + 1) * DAY + HOUR;
            // the early wallet's only activity is at 01:00, the late wallet's at 07:00 the same day
            DevnetClock.mineAt(devnet.chain, oneAm);
            devnet.mint(DevnetAccounts.SCORED_BORROWER, 100);
            DevnetClock.mineAt(devnet.chain, oneAm + 6 * HOUR);
            devnet.mint(DevnetAccounts.UNSCORED_BORROWER, 100);
            // as of 02:00 the next day: 25 hours after the early wallet, 19 after the late one
            DevnetClock.mineAt(devnet.chain, oneAm + DAY + HOUR);
            long asOf = devnet.blockNumber();

            Extractor extractor = new Extractor(source, devnet.knownContracts(), ChainIngestor.Options.defaults(), null);
            extractor.start(0);
            extractor.ingestTo(asOf);
            WalletProfile early = extractor.profile(DevnetAccounts.SCORED_BORROWER.address().toLowerCase(), asOf);
            WalletProfile late = extractor.profile(DevnetAccounts.UNSCORED_BORROWER.address().toLowerCase(), asOf);

            for (Feature day : new Feature[]{Feature.DAYS_SINCE_LAST_ACTIVITY, Feature.WALLET_AGE_DAYS}) {
                assertEquals(1.0, early.value(day), day + " of the wallet active 25 hours earlier");
                assertEquals(1.0, late.value(day), day + " of the wallet active 19 hours earlier");
            }
        }
    }
}
