package io.creditlayer.contracts.chain;

import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Type;
import org.web3j.protocol.core.RemoteFunctionCall;

import java.util.List;

/**
 * Decodes a generated wrapper's struct return into the wrapper's own struct class. The wrappers' calls
 * ({@code getModel(id).send()}) decode through a {@code TypeReference<Model>} that web3j resolves with
 * {@code Class.forName} from its own class loader; where the wrappers live in another loader (Quarkus's test and
 * dev mode keep project modules in a reloadable loader above the libraries' one) the lookup fails with "Type cannot
 * be encoded: class java.lang.Class". A reference that names the struct class directly needs no lookup, and web3j's
 * decoder does the rest, so no ABI layout is written by hand.
 */
public final class StructReturns {
    private StructReturns() {
    }

    /**
     * @param call       the wrapper's call, for its name in messages
     * @param returnData the eth_call result (hex)
     * @param struct     the wrapper's struct class, e.g. {@code ModelRegistry.Model.class}
     * @throws ChainException when the return is empty or not a {@code struct}
     */
    public static <S extends Type<?>> S decode(RemoteFunctionCall<S> call, String returnData, Class<S> struct) {
        List<Type> values = FunctionReturnDecoder.decode(returnData, List.of(reference(struct)));
        if (values.size() != 1 || !struct.isInstance(values.getFirst())) {
            throw new ChainException(struct.getSimpleName() + " expected from " + call.encodeFunctionCall().substring(0, 10)
                    + ", the call returned " + (returnData == null || returnData.length() <= 2 ? "nothing" : returnData.length() / 2 - 1 + " bytes"));
        }
        return struct.cast(values.getFirst());
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static TypeReference<Type> reference(Class<? extends Type> struct) {
        return new TypeReference<>() {
            @Override
            public java.lang.reflect.Type getType() {
                return struct;
            }

            @Override
            public Class getClassType() {
                return struct;
            }
        };
    }
}
