package io.creditlayer.service.outbox;

/** An outbox entry that can never be posted; the entry fails with this message as its reason. */
public class OutboxRejection extends RuntimeException {
    public OutboxRejection(String reason) {
        super(reason, null, false, false);
    }
}
