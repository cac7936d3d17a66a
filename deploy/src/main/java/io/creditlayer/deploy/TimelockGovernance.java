package io.creditlayer.deploy;

import io.creditlayer.contracts.chain.ChainClient;
import io.creditlayer.contracts.generated.TimelockController;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

import java.math.BigInteger;
import java.util.function.LongConsumer;

/**
 * Carries a governance call through the OpenZeppelin TimelockController: schedule, wait the minimum delay,
 * execute. Waiting is the caller's business (real time on a public chain, anvil's clock on a devnet).
 */
public final class TimelockGovernance {
    private static final byte[] NO_PREDECESSOR = new byte[32];

    private final TimelockController timelock;

    public TimelockGovernance(ChainClient chain, Credentials governor, String timelockAddress) {
        this.timelock = TimelockController.load(timelockAddress, chain.web3j(), chain.transactionManager(governor),
                chain.gasProvider());
    }

    /**
     * Schedules {@code callData} on {@code target}, lets {@code waitSeconds} pass the delay, then executes.
     *
     * @param salt distinguishes otherwise identical operations; derive it from what the operation means (so that
     *             the same operation gives the same transactions on every run)
     * @return the execution receipt
     */
    public TransactionReceipt scheduleAndExecute(byte[] salt, String target, String callData, LongConsumer waitSeconds)
            throws Exception {
        byte[] data = Numeric.hexStringToByteArray(callData);
        BigInteger delay = timelock.getMinDelay().send();
        timelock.schedule(target, BigInteger.ZERO, data, NO_PREDECESSOR, salt, delay).send();
        waitSeconds.accept(delay.longValueExact());
        return timelock.execute(target, BigInteger.ZERO, data, NO_PREDECESSOR, salt, BigInteger.ZERO).send();
    }
}
