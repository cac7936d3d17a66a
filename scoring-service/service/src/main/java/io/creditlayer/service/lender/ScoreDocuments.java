package io.creditlayer.service.lender;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.creditlayer.service.scoring.ScoreView;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The JSON bytes of each served score, serialized once: a cached score is then answered with a map lookup and a
 * buffer write. Entries are keyed by the address and tied to the exact {@link ScoreView} instance they were made
 * from, so when the engine replaces a score (refreshed profile, new model) the stale bytes are never served.
 */
@ApplicationScoped
public class ScoreDocuments {
    private final ObjectMapper json;
    private final int capacity;
    private final ConcurrentMap<String, Document> documents = new ConcurrentHashMap<>();

    public ScoreDocuments(ObjectMapper json,
                          @ConfigProperty(name = "creditlayer.lender.score-documents", defaultValue = "200000") int capacity) {
        this.json = json;
        this.capacity = capacity;
    }

    private record Document(ScoreView view, byte[] bytes) {
    }

    /** The JSON of a score (a {@link WalletScore}); callers must not modify the returned array. */
    public byte[] of(ScoreView view) {
        Document document = documents.get(view.address());
        if (document != null && document.view == view) {
            return document.bytes;
        }
        byte[] bytes = serialize(view);
        if (documents.size() >= capacity) {
            documents.clear(); // bounded: the engine keeps the scores themselves, re-serializing is cheap
        }
        documents.put(view.address(), new Document(view, bytes));
        return bytes;
    }

    private byte[] serialize(ScoreView view) {
        try {
            return json.writeValueAsBytes(WalletScore.of(view));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize the score of " + view.address(), e);
        }
    }
}
