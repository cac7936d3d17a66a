package io.creditlayer.contracts.chain;

import org.web3j.abi.CustomErrorEncoder;
import org.web3j.abi.datatypes.CustomError;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthCall;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Names the custom error behind a revert, using the {@link CustomError} definitions that web3j codegen puts in
 * each generated wrapper (so the selectors come from the compiled ABI, not from strings typed here).
 */
public final class RevertDecoder {
    private final Map<String, String> namesBySelector = new HashMap<>();

    /** @param wrappers generated wrapper classes whose errors should be recognised */
    public RevertDecoder(Class<?>... wrappers) {
        for (Class<?> wrapper : wrappers) {
            for (Field field : wrapper.getFields()) {
                if (Modifier.isStatic(field.getModifiers()) && field.getType() == CustomError.class) {
                    try {
                        CustomError error = (CustomError) field.get(null);
                        namesBySelector.put(CustomErrorEncoder.encode(error).substring(0, 10), error.getName());
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
    }

    /** The error name for revert data (0x-prefixed hex), or the raw selector when unknown. */
    public String name(String revertData) {
        if (revertData == null || revertData.length() < 10) {
            return "revert without data";
        }
        String selector = revertData.substring(0, 10).toLowerCase();
        return namesBySelector.getOrDefault(selector, "unknown error " + selector);
    }

    /**
     * Simulates a call with {@code eth_call} against the latest block.
     *
     * @return the error name if the call would revert, empty if it would succeed
     */
    public Optional<String> simulate(Web3j web3j, String from, String to, String encodedCall) {
        try {
            EthCall result = web3j.ethCall(Transaction.createEthCallTransaction(from, to, encodedCall),
                    DefaultBlockParameterName.LATEST).send();
            if (!result.hasError() && !result.isReverted()) {
                return Optional.empty();
            }
            Object data = result.hasError() ? result.getError().getData() : result.getRevertReason();
            return Optional.of(name(data == null ? null : data.toString().replace("\"", "")));
        } catch (IOException e) {
            throw new ChainException("eth_call failed: " + e.getMessage(), e);
        }
    }
}
