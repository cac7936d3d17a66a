package io.creditlayer.features.rpc;

/** An RPC error that the caller chose not to handle; its message is one line. */
public class RpcException extends RuntimeException {
    private final RpcError error;

    public RpcException(RpcError error) {
        super(error.kind() + ": " + error.message());
        this.error = error;
    }

    public RpcError error() {
        return error;
    }
}
