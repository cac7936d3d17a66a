package io.creditlayer.service.outbox;

import io.creditlayer.contracts.chain.RevertDecoder;
import io.creditlayer.service.chain.ChainRpc;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.core.methods.response.EthEstimateGas;
import org.web3j.protocol.core.methods.response.EthGetTransactionReceipt;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.EthTransaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Optional;

/** The JSON-RPC calls of sending: estimation, broadcast, receipts and the account's transaction counts. */
final class ChainCalls {
    private final ChainRpc rpc;
    private final RevertDecoder reverts;

    ChainCalls(ChainRpc rpc, RevertDecoder reverts) {
        this.rpc = rpc;
        this.reverts = reverts;
    }

    /** eth_estimateGas's answer: the gas, or the custom error the call reverts with. */
    sealed interface Estimate {
        record Gas(BigInteger amount) implements Estimate {
        }

        record Reverts(String error) implements Estimate {
        }

        /** the node refused for another reason (e.g. funds); worth retrying later */
        record Refused(String message) implements Estimate {
        }
    }

    Estimate estimate(String from, PreparedCall call) {
        Transaction tx = new Transaction(from, null, null, null, call.to(), call.value(), call.data());
        EthEstimateGas response = rpc.send(rpc.web3j().ethEstimateGas(tx));
        if (!response.hasError()) {
            return new Estimate.Gas(response.getAmountUsed());
        }
        Response.Error error = response.getError();
        String message = error.getMessage() == null ? "" : error.getMessage();
        String data = revertData(error.getData());
        if (data != null || message.toLowerCase(Locale.ROOT).contains("revert")) {
            return new Estimate.Reverts(reverts.name(data));
        }
        return new Estimate.Refused(message);
    }

    /** The custom error a mined-but-reverted call gives when replayed on the state its block left. */
    String revertReason(String from, String to, String data, long blockNumber) {
        EthCall result = rpc.send(rpc.web3j().ethCall(Transaction.createEthCallTransaction(from, to, data),
                DefaultBlockParameter.valueOf(BigInteger.valueOf(blockNumber))));
        if (result.hasError()) {
            return reverts.name(revertData(result.getError().getData()));
        }
        if (result.isReverted()) {
            return reverts.name(revertData(result.getRevertReason()));
        }
        return "reverted (the call succeeds when replayed, so the cause was transient)";
    }

    /** The broadcast's outcome. */
    sealed interface Broadcast {
        record Accepted() implements Broadcast {
        }

        /** the node says the nonce is spent: this transaction or another with its nonce was mined */
        record NonceSpent(String message) implements Broadcast {
        }

        record Rejected(String message) implements Broadcast {
        }
    }

    Broadcast broadcast(String rawTx) {
        EthSendTransaction response = rpc.send(rpc.web3j().ethSendRawTransaction(rawTx));
        if (!response.hasError()) {
            return new Broadcast.Accepted();
        }
        String message = response.getError().getMessage() == null ? "" : response.getError().getMessage();
        String lower = message.toLowerCase(Locale.ROOT);
        if (lower.contains("already known") || lower.contains("already imported") || lower.contains("alreadyknown")) {
            return new Broadcast.Accepted();
        }
        if (lower.contains("nonce too low") || lower.contains("nonce is too low") || lower.contains("noncetoolow")) {
            return new Broadcast.NonceSpent(message);
        }
        return new Broadcast.Rejected(message);
    }

    Optional<TransactionReceipt> receipt(String txHash) {
        EthGetTransactionReceipt response = rpc.sendOrFail(rpc.web3j().ethGetTransactionReceipt(txHash));
        return response.getTransactionReceipt();
    }

    /** Whether the node has the transaction (pending or mined). */
    boolean known(String txHash) {
        EthTransaction response = rpc.sendOrFail(rpc.web3j().ethGetTransactionByHash(txHash));
        return response.getTransaction().isPresent();
    }

    long transactionCount(String address, DefaultBlockParameterName block) {
        return rpc.sendOrFail(rpc.web3j().ethGetTransactionCount(address, block)).getTransactionCount().longValueExact();
    }

    /** Revert data arrives as a JSON string, sometimes quoted or wrapped; keep the 0x hex. */
    static String revertData(Object data) {
        if (data == null) {
            return null;
        }
        String text = data.toString().replace("\"", "").trim();
        int start = text.indexOf("0x");
        if (start < 0) {
            return null;
        }
        int end = start + 2;
        while (end < text.length() && Character.digit(text.charAt(end), 16) >= 0) {
            end++;
        }
        return end - start >= 10 ? text.substring(start, end) : null;
    }
}
