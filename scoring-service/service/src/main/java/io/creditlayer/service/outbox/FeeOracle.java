package io.creditlayer.service.outbox;

import io.creditlayer.service.chain.ChainRpc;
import io.creditlayer.service.chain.ChainUnavailableException;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.response.EthFeeHistory;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Prices transactions from {@code eth_feeHistory}: the tip is the median of the recent blocks' median tips (at
 * least the configured floor), and the fee cap allows the next block's base fee to double, as wallets do, so a
 * transaction stays includable through several full blocks. Both stay under the configured cap.
 */
final class FeeOracle {
    private static final List<Double> MEDIAN = List.of(50.0);

    private final ChainRpc rpc;
    private final OutboxSettings settings;

    FeeOracle(ChainRpc rpc, OutboxSettings settings) {
        this.rpc = rpc;
        this.settings = settings;
    }

    /** The next block's base fee and a suggested tip. */
    record Market(BigInteger nextBaseFee, BigInteger tip) {
    }

    Market market() {
        EthFeeHistory.FeeHistory history = rpc.sendOrFail(rpc.web3j().ethFeeHistory(settings.feeHistoryBlocks(),
                DefaultBlockParameterName.LATEST, MEDIAN)).getFeeHistory();
        List<BigInteger> baseFees = history.getBaseFeePerGas();
        if (baseFees == null || baseFees.isEmpty()) {
            throw new ChainUnavailableException("eth_feeHistory returned no base fee (is the chain pre-London?)", null);
        }
        // the list has one entry more than blocks asked for: the base fee of the block after the newest
        BigInteger nextBaseFee = baseFees.getLast();
        List<BigInteger> tips = new ArrayList<>();
        if (history.getReward() != null) {
            for (List<BigInteger> perBlock : history.getReward()) {
                if (!perBlock.isEmpty() && perBlock.getFirst().signum() > 0) {
                    tips.add(perBlock.getFirst());
                }
            }
        }
        tips.sort(null);
        BigInteger tip = tips.isEmpty() ? BigInteger.ZERO : tips.get(tips.size() / 2);
        return new Market(nextBaseFee, tip.max(settings.minPriorityFee()));
    }

    /** Fees for a new transaction, or empty while the base fee plus the tip floor is above the cap. */
    Optional<Fees> suggest() {
        return suggest(market());
    }

    Optional<Fees> suggest(Market market) {
        BigInteger cap = settings.maxFeeCap();
        BigInteger tip = market.tip().min(cap);
        if (market.nextBaseFee().add(settings.minPriorityFee()).compareTo(cap) > 0) {
            return Optional.empty();
        }
        BigInteger maxFee = market.nextBaseFee().shiftLeft(1).add(tip).min(cap);
        return Optional.of(new Fees(maxFee, tip.min(maxFee)));
    }

    /**
     * Fees for a replacement of {@code previous}: both raised by the bump percentage, or to the market's level if
     * that is higher; empty when the cap leaves no room for a valid replacement.
     */
    Optional<Fees> bump(Fees previous) {
        Market market = market();
        BigInteger cap = settings.maxFeeCap();
        BigInteger tip = settings.bumped(previous.maxPriorityFeePerGas()).max(market.tip());
        BigInteger maxFee = settings.bumped(previous.maxFeePerGas())
                .max(market.nextBaseFee().shiftLeft(1).add(tip));
        if (maxFee.compareTo(cap) > 0) {
            maxFee = cap;
        }
        if (maxFee.compareTo(settings.bumped(previous.maxFeePerGas())) < 0 || tip.compareTo(maxFee) > 0) {
            return Optional.empty();
        }
        return Optional.of(new Fees(maxFee, tip));
    }
}
