package io.creditlayer.features.rpc;

import java.util.function.Function;

/** The outcome of a JSON-RPC call: a value or a classified error, never an exception for an endpoint's "no". */
public sealed interface RpcResult<T> {

    record Ok<T>(T value) implements RpcResult<T> {
    }

    record Err<T>(RpcError error) implements RpcResult<T> {
    }

    static <T> RpcResult<T> ok(T value) {
        return new Ok<>(value);
    }

    static <T> RpcResult<T> err(RpcError error) {
        return new Err<>(error);
    }

    /** The value, or an {@link RpcException} carrying the error. */
    default T orThrow() {
        return switch (this) {
            case Ok<T> ok -> ok.value();
            case Err<T> err -> throw new RpcException(err.error());
        };
    }

    default <U> RpcResult<U> map(Function<T, U> mapper) {
        return switch (this) {
            case Ok<T> ok -> new Ok<>(mapper.apply(ok.value()));
            case Err<T> err -> new Err<>(err.error());
        };
    }
}
