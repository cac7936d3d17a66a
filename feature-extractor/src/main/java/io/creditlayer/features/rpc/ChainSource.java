package io.creditlayer.features.rpc;

import org.web3j.protocol.core.methods.response.Log;

import java.util.List;

/**
 * What the extractor reads from a chain. The transport stays behind this interface (web3j over HTTP in
 * production, anything in tests); endpoint refusals come back as values.
 */
public interface ChainSource {
    long chainId();

    RpcResult<Long> latestBlockNumber();

    /** eth_getLogs over [fromBlock, toBlock]. */
    RpcResult<List<Log>> logs(long fromBlock, long toBlock, LogQuery query);

    /** Blocks [fromBlock, toBlock] with transactions and receipt-derived gas, in one JSON-RPC batch where possible. */
    RpcResult<List<BlockData>> blocks(long fromBlock, long toBlock);

    /** An ERC-20 token's decimals() (eth_call), for normalising amounts. */
    RpcResult<Integer> tokenDecimals(String token);

    /** Header fields only (number, hash, parent hash, timestamp) for one block. */
    RpcResult<BlockData> header(long blockNumber);
}
