package io.creditlayer.contracts.devnet;

import io.creditlayer.contracts.chain.ChainException;
import io.creditlayer.contracts.chain.ChainClient;
import org.web3j.protocol.Web3jService;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;

import java.io.IOException;
import java.util.List;

/** Moves a devnet's clock with anvil's time controls (evm_increaseTime + evm_mine). */
public final class DevnetClock {
    private DevnetClock() {
    }

    /** Advances chain time by {@code seconds} and mines a block stamped with the new time. */
    public static void advance(ChainClient chain, long seconds) {
        call(chain.service(), "evm_increaseTime", List.of(seconds));
        call(chain.service(), "evm_mine", List.of());
    }

    /** Makes the next mined block carry exactly {@code timestamp} (unix seconds), then mines it. */
    public static void mineAt(ChainClient chain, long timestamp) {
        call(chain.service(), "evm_setNextBlockTimestamp", List.of(timestamp));
        call(chain.service(), "evm_mine", List.of());
    }

    private static void call(Web3jService service, String method, List<?> params) {
        try {
            Response<?> response = new Request<>(method, params, service, Response.class)
                    .send();
            if (response.hasError()) {
                throw new ChainException(method + " failed: " + response.getError().getMessage());
            }
        } catch (IOException e) {
            throw new ChainException(method + " failed: " + e.getMessage(), e);
        }
    }
}
