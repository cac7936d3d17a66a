package io.creditlayer.features.rpc;

import java.util.List;

/**
 * An eth_getLogs filter without its block range: optional contract addresses and the accepted topic0 values.
 *
 * @param addresses contracts to read, empty for all
 * @param topic0s   accepted event signatures (OR), empty for all
 */
public record LogQuery(List<String> addresses, List<String> topic0s) {
    public LogQuery {
        addresses = List.copyOf(addresses);
        topic0s = List.copyOf(topic0s);
    }
}
