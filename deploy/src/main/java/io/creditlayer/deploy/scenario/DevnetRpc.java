package io.creditlayer.deploy.scenario;

import io.creditlayer.contracts.chain.ChainClient;
import io.creditlayer.contracts.chain.ChainException;
import org.web3j.protocol.core.BatchRequest;
import org.web3j.protocol.core.BatchResponse;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.core.methods.response.EthGetBlockReceipts;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** Anvil's mining and time controls and the bulk reads the scenario needs, over the chain's JSON-RPC transport. */
final class DevnetRpc {
    private static final int CALL_BATCH = 400;

    private final ChainClient chain;

    DevnetRpc(ChainClient chain) {
        this.chain = chain;
    }

    /** Calls an anvil/EVM control method; fails on a JSON-RPC error. */
    Object control(String method, Object... params) {
        try {
            Response<?> response = new Request<>(method, List.of(params), chain.service(), Response.class).send();
            if (response.hasError()) {
                throw new ChainException(method + " failed: " + response.getError().getMessage());
            }
            return response.getResult();
        } catch (IOException e) {
            throw new ChainException(method + " failed: " + e.getMessage(), e);
        }
    }

    void setAutomine(boolean on) {
        control("evm_setAutomine", on);
    }

    /** Every block mined without an explicit timestamp is stamped {@code seconds} after the previous one. */
    void setBlockTimestampInterval(long seconds) {
        control("anvil_setBlockTimestampInterval", seconds);
    }

    void removeBlockTimestampInterval() {
        control("anvil_removeBlockTimestampInterval");
    }

    /** Mines one block stamped exactly {@code timestamp} with every pending transaction. */
    void mineAt(long timestamp) {
        control("evm_mine", timestamp);
    }

    EthBlock.Block latestBlock() {
        try {
            return chain.web3j().ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false).send().getBlock();
        } catch (IOException e) {
            throw new ChainException("cannot read the latest block: " + e.getMessage(), e);
        }
    }

    List<TransactionReceipt> receipts(BigInteger blockNumber) {
        try {
            EthGetBlockReceipts response = chain.web3j().ethGetBlockReceipts(DefaultBlockParameter.valueOf(blockNumber)).send();
            if (response.hasError()) {
                throw new ChainException("eth_getBlockReceipts failed: " + response.getError().getMessage());
            }
            return response.getBlockReceipts().orElse(List.of());
        } catch (IOException e) {
            throw new ChainException("eth_getBlockReceipts failed: " + e.getMessage(), e);
        }
    }

    /** One {@code eth_call} against the latest block; the return data as 0x hex. */
    String call(String to, String data) {
        return callAll(List.of(new Call(to, data))).getFirst();
    }

    /** Many {@code eth_call}s against the latest block in JSON-RPC batches; return data in order. */
    List<String> callAll(List<Call> calls) {
        List<String> results = new ArrayList<>(calls.size());
        for (int from = 0; from < calls.size(); from += CALL_BATCH) {
            List<Call> chunk = calls.subList(from, Math.min(calls.size(), from + CALL_BATCH));
            try {
                BatchRequest batch = chain.web3j().newBatch();
                for (Call call : chunk) {
                    batch.add(chain.web3j().ethCall(Transaction.createEthCallTransaction(null, call.to(), call.data()),
                            DefaultBlockParameterName.LATEST));
                }
                BatchResponse response = batch.send();
                for (Response<?> each : response.getResponses()) {
                    EthCall result = (EthCall) each;
                    if (result.hasError() || result.isReverted()) {
                        throw new ChainException("eth_call reverted: " + (result.hasError()
                                ? result.getError().getMessage() : result.getRevertReason()));
                    }
                    results.add(result.getValue());
                }
            } catch (IOException e) {
                throw new ChainException("eth_call batch failed: " + e.getMessage(), e);
            }
        }
        return results;
    }

    record Call(String to, String data) {
    }
}
