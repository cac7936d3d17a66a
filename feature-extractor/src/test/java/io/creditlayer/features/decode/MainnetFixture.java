package io.creditlayer.features.decode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.web3j.protocol.core.methods.response.Log;

/**
 * The real mainnet logs in {@code src/test/resources/mainnet/logs.json} (copied from the shared fixture; see its
 * {@code description}), as web3j {@link Log}s exactly as a JSON-RPC client would build them.
 */
final class MainnetFixture {

    /** One labelled log: {@code event} is the fixture's label, e.g. {@code AaveV3.Borrow}, {@code ERC20.Transfer.USDC}. */
    record Labelled(String event, String signature, Log log, String source) {
        String txHash() {
            return log.getTransactionHash();
        }
    }

    record Receipt(String txHash, String source, List<Log> logs) {
    }

    private static final MainnetFixture INSTANCE = load();

    final List<Labelled> logs;
    final List<Receipt> receipts;
    /** label (e.g. {@code AaveV3.Borrow}) → canonical signature and topic0, as recomputed by the fixture's author. */
    final Map<String, String[]> eventSignatures;
    final JsonNode sourceStated;

    private MainnetFixture(List<Labelled> logs, List<Receipt> receipts, Map<String, String[]> eventSignatures,
                           JsonNode sourceStated) {
        this.logs = logs;
        this.receipts = receipts;
        this.eventSignatures = eventSignatures;
        this.sourceStated = sourceStated;
    }

    static MainnetFixture get() {
        return INSTANCE;
    }

    List<Labelled> byEvent(String event) {
        return logs.stream().filter(l -> l.event().equals(event)).toList();
    }

    /** The single log of {@code event} in transaction {@code txHash} (fails if there is not exactly one). */
    Labelled one(String event, String txHash) {
        List<Labelled> found = logs.stream()
                .filter(l -> l.event().equals(event) && l.txHash().equals(txHash))
                .toList();
        if (found.size() != 1) {
            throw new AssertionError(found.size() + " logs of " + event + " in " + txHash);
        }
        return found.getFirst();
    }

    /** The rotki test lines stated for a tx (empty if none). */
    List<String> statedLines(String txHash) {
        List<String> lines = new ArrayList<>();
        sourceStated.path(txHash).path("stated_lines").forEach(n -> lines.add(n.asText()));
        return lines;
    }

    private static MainnetFixture load() {
        try (InputStream in = MainnetFixture.class.getResourceAsStream("/mainnet/logs.json")) {
            if (in == null) {
                throw new IllegalStateException("missing test resource /mainnet/logs.json");
            }
            JsonNode root = new ObjectMapper().readTree(in);
            List<Labelled> logs = new ArrayList<>();
            for (JsonNode n : root.path("logs")) {
                logs.add(new Labelled(n.path("event").asText(), n.path("signature").asText(), toLog(n),
                        n.path("source").asText()));
            }
            List<Receipt> receipts = new ArrayList<>();
            for (JsonNode r : root.path("receipts")) {
                List<Log> rl = new ArrayList<>();
                r.path("logs").forEach(n -> rl.add(toLog(n)));
                receipts.add(new Receipt(r.path("transactionHash").asText(), r.path("source").asText(), List.copyOf(rl)));
            }
            Map<String, String[]> signatures = new LinkedHashMap<>();
            root.path("event_signatures").properties().forEach(e -> signatures.put(e.getKey(),
                    new String[] {e.getValue().path("signature").asText(), e.getValue().path("topic0").asText()}));
            return new MainnetFixture(List.copyOf(logs), List.copyOf(receipts), signatures, root.path("source_stated"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A web3j Log from the JSON-RPC fields, as {@code eth_getLogs}/{@code eth_getTransactionReceipt} return them. */
    static Log toLog(JsonNode n) {
        List<String> topics = new ArrayList<>();
        n.path("topics").forEach(t -> topics.add(t.asText()));
        return new Log(n.path("removed").asBoolean(false), n.path("logIndex").asText(),
                n.path("transactionIndex").asText(), n.path("transactionHash").asText(), n.path("blockHash").asText(),
                n.path("blockNumber").asText(), n.path("address").asText(), n.path("data").asText(), null, topics);
    }

    /** A copy of {@code log} with some fields replaced (null = keep). */
    static Log copy(Log log, String address, List<String> topics, String data) {
        return new Log(log.isRemoved(), log.getLogIndexRaw(), log.getTransactionIndexRaw(), log.getTransactionHash(),
                log.getBlockHash(), log.getBlockNumberRaw(), address != null ? address : log.getAddress(),
                data != null ? data : log.getData(), log.getType(), topics != null ? topics : log.getTopics());
    }
}
