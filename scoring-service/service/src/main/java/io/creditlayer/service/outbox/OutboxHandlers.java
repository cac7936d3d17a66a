package io.creditlayer.service.outbox;

import io.quarkus.arc.All;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Every {@link OutboxHandler} bean, by kind. Two handlers for one kind stop the service at start. */
@ApplicationScoped
public class OutboxHandlers {
    private final Map<String, OutboxHandler> byKind;

    public OutboxHandlers(@All List<OutboxHandler> handlers) {
        Map<String, OutboxHandler> map = new TreeMap<>();
        for (OutboxHandler handler : handlers) {
            String kind = handler.kind();
            if (kind == null || kind.isBlank()) {
                throw new IllegalStateException(handler.getClass().getName() + " declares no outbox kind");
            }
            OutboxHandler previous = map.put(kind, handler);
            if (previous != null) {
                throw new IllegalStateException("outbox kind " + kind + " has two handlers: "
                        + previous.getClass().getName() + " and " + handler.getClass().getName());
            }
        }
        this.byKind = Map.copyOf(map);
    }

    public Optional<OutboxHandler> forKind(String kind) {
        return Optional.ofNullable(byKind.get(kind));
    }

    /** The kinds served, sorted. */
    public List<String> kinds() {
        return byKind.keySet().stream().sorted().toList();
    }
}
