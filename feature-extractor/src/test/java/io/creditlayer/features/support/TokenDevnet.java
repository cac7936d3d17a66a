package io.creditlayer.features.support;

import io.creditlayer.contracts.chain.ChainClient;
import io.creditlayer.contracts.devnet.Anvil;
import io.creditlayer.contracts.devnet.DevnetAccounts;
import io.creditlayer.contracts.generated.DevnetERC20;
import io.creditlayer.features.decode.KnownContracts;
import org.web3j.crypto.Credentials;

import java.math.BigInteger;

/**
 * A real anvil chain with one 6-decimal stablecoin and deterministic transfers among the devnet accounts, one
 * transaction per block: enough activity for the ingestion tests without the whole protocol.
 */
public final class TokenDevnet implements AutoCloseable {
    public static final BigInteger UNIT = BigInteger.TEN.pow(6);

    public final Anvil anvil;
    public final ChainClient chain;
    public final DevnetERC20 token;
    public final String tokenAddress;

    public TokenDevnet() throws Exception {
        anvil = Anvil.startAt(1_700_000_000L);
        chain = ChainClient.connect(anvil.rpcUrl(), Anvil.CHAIN_ID, ChainClient.GasPolicy.devnet());
        Credentials deployer = DevnetAccounts.DEPLOYER.credentials();
        token = DevnetERC20.deploy(chain.web3j(), chain.transactionManager(deployer), chain.gasProvider(),
                "Devnet USD", "dUSD", BigInteger.valueOf(6), deployer.getAddress()).send();
        tokenAddress = token.getContractAddress().toLowerCase();
    }

    public KnownContracts knownContracts() {
        return KnownContracts.empty(Anvil.CHAIN_ID).withStablecoins(tokenAddress);
    }

    /** Mints to {@code to}: one block. */
    public void mint(DevnetAccounts to, long whole) throws Exception {
        token.mint(to.address(), UNIT.multiply(BigInteger.valueOf(whole))).send();
    }

    /** Transfers between devnet accounts: one block. */
    public void transfer(DevnetAccounts from, DevnetAccounts to, long whole) throws Exception {
        DevnetERC20.load(tokenAddress, chain.web3j(), chain.transactionManager(from.credentials()), chain.gasProvider())
                .transfer(to.address(), UNIT.multiply(BigInteger.valueOf(whole))).send();
    }

    /** {@code rounds} rounds of transfers around the accounts, each round a few blocks. */
    public void activity(int rounds) throws Exception {
        DevnetAccounts[] accounts = {DevnetAccounts.LENDER, DevnetAccounts.SCORED_BORROWER,
                DevnetAccounts.UNSCORED_BORROWER, DevnetAccounts.LIQUIDATOR};
        for (DevnetAccounts account : accounts) {
            mint(account, 1_000_000);
        }
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < accounts.length; i++) {
                transfer(accounts[i], accounts[(i + round + 1) % accounts.length], 10 + round * 7L + i);
            }
        }
    }

    public long blockNumber() throws Exception {
        return chain.web3j().ethBlockNumber().send().getBlockNumber().longValueExact();
    }

    @Override
    public void close() {
        chain.close();
        anvil.close();
    }
}
