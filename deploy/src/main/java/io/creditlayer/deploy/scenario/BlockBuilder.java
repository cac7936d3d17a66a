package io.creditlayer.deploy.scenario;

import io.creditlayer.contracts.chain.ChainClient;
import io.creditlayer.contracts.chain.ChainException;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Fills one block at a time on an anvil whose auto-mining is off: signs transactions locally with tracked nonces
 * and the chain's gas policy, sends them without waiting for receipts, then mines the block at an explicit
 * timestamp and fetches all its receipts in one call. With anvil's FIFO ordering the block holds the transactions
 * in the order they were sent, so the same sends give the same block.
 */
final class BlockBuilder {
    private final ChainClient chain;
    private final DevnetRpc rpc;
    private final Map<String, BigInteger> nonces = new HashMap<>();
    private final List<Pending> pending = new ArrayList<>();
    private long blocks;
    private long transactions;
    private long failed;

    BlockBuilder(ChainClient chain, DevnetRpc rpc) {
        this.chain = chain;
        this.rpc = rpc;
    }

    /** Signs and sends a call (or a plain transfer when {@code data} is empty); {@code tag} comes back with its receipt. */
    String send(Credentials from, String to, BigInteger value, String data, Object tag) {
        String address = from.getAddress().toLowerCase(Locale.ROOT);
        BigInteger nonce = nonces.computeIfAbsent(address, this::chainNonce);
        ChainClient.GasPolicy gas = chain.gasPolicy();
        RawTransaction transaction = RawTransaction.createTransaction(chain.chainId(), nonce, gas.gasLimit(), to, value,
                data == null ? "" : data, gas.maxPriorityFeePerGas(), gas.maxFeePerGas());
        String raw = Numeric.toHexString(TransactionEncoder.signMessage(transaction, from));
        try {
            EthSendTransaction response = chain.web3j().ethSendRawTransaction(raw).send();
            if (response.hasError()) {
                throw new ChainException("transaction from " + from.getAddress() + " (nonce " + nonce + ", " + tag
                        + ") refused: " + response.getError().getMessage());
            }
        } catch (IOException e) {
            throw new ChainException("cannot send a transaction: " + e.getMessage(), e);
        }
        nonces.put(address, nonce.add(BigInteger.ONE));
        String hash = Numeric.toHexString(Hash.sha3(Numeric.hexStringToByteArray(raw)));
        pending.add(new Pending(hash, tag));
        return hash;
    }

    int pendingCount() {
        return pending.size();
    }

    /**
     * Mines the pending transactions into one block stamped {@code timestamp} and returns their receipts in send
     * order. Fails if any sent transaction did not make it into the block.
     */
    Mined mine(long timestamp) {
        rpc.mineAt(timestamp);
        EthBlock.Block block = rpc.latestBlock();
        List<TransactionReceipt> receipts = pending.isEmpty() ? List.of() : rpc.receipts(block.getNumber());
        if (receipts.size() != pending.size()) {
            throw new ChainException("block " + block.getNumber() + " holds " + receipts.size() + " of "
                    + pending.size() + " sent transactions");
        }
        List<Included> included = new ArrayList<>(receipts.size());
        for (int i = 0; i < receipts.size(); i++) {
            TransactionReceipt receipt = receipts.get(i);
            Pending sent = pending.get(i);
            if (!receipt.getTransactionHash().equalsIgnoreCase(sent.hash())) {
                throw new ChainException("block " + block.getNumber() + " holds transaction " + i + " out of order");
            }
            boolean success = receipt.isStatusOK();
            if (!success) {
                failed++;
            }
            included.add(new Included(receipt, sent.tag(), success));
        }
        transactions += receipts.size();
        blocks++;
        pending.clear();
        return new Mined(block.getNumber().longValueExact(), block.getHash(), timestamp, included);
    }

    long blocks() {
        return blocks;
    }

    long transactions() {
        return transactions;
    }

    long failedTransactions() {
        return failed;
    }

    private BigInteger chainNonce(String address) {
        try {
            return chain.web3j().ethGetTransactionCount(address, DefaultBlockParameterName.PENDING).send().getTransactionCount();
        } catch (IOException e) {
            throw new ChainException("cannot read the nonce of " + address + ": " + e.getMessage(), e);
        }
    }

    private record Pending(String hash, Object tag) {
    }

    /** A transaction in a mined block with the tag it was sent with. */
    record Included(TransactionReceipt receipt, Object tag, boolean success) {
    }

    /** A mined block and its transactions in order. */
    record Mined(long number, String hash, long timestamp, List<Included> transactions) {
    }
}
