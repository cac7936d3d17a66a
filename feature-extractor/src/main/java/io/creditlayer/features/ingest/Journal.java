package io.creditlayer.features.ingest;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.creditlayer.features.model.DecodedEvent;
import io.creditlayer.features.rpc.BlockData;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Makes an extraction resumable: what was ingested goes to an append-only journal (blocks and decoded events,
 * one JSON object a line) and is forced to disk before the checkpoint that covers it is written (atomically,
 * by rename). After a crash, journal lines above the checkpoint are ignored and the run resumes after it.
 */
public final class Journal {
    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /**
     * @param chainId       the chain the journal belongs to
     * @param fromBlock     the first block of the extraction
     * @param lastBlock     every block up to here is in the journal
     * @param lastBlockHash its hash, checked against the chain on resume (a reorg while stopped)
     */
    public record Checkpoint(long chainId, long fromBlock, long lastBlock, String lastBlockHash) {
    }

    /** One journal line: exactly one of the fields is set. */
    record Line(BlockData block, DecodedEvent event) {
    }

    private final Path journalFile;
    private final Path checkpointFile;

    public Journal(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create checkpoint directory " + directory, e);
        }
        this.journalFile = directory.resolve("journal.jsonl");
        this.checkpointFile = directory.resolve("checkpoint.json");
    }

    public java.util.Optional<Checkpoint> checkpoint() {
        if (!Files.exists(checkpointFile)) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(JSON.readValue(checkpointFile.toFile(), Checkpoint.class));
        } catch (IOException e) {
            throw new UncheckedIOException("corrupt checkpoint " + checkpointFile, e);
        }
    }

    /** Replays the journal up to the checkpoint into {@code store}. */
    public void replay(Checkpoint checkpoint, EventStore store) {
        if (!Files.exists(journalFile)) {
            return;
        }
        try (BufferedReader reader = Files.newBufferedReader(journalFile, StandardCharsets.UTF_8)) {
            String text;
            while ((text = reader.readLine()) != null) {
                if (text.isBlank()) {
                    continue;
                }
                Line line;
                try {
                    line = JSON.readValue(text, Line.class);
                } catch (IOException torn) {
                    break; // a line torn by the crash: everything after it is above the checkpoint anyway
                }
                if (line.block() != null && line.block().number() <= checkpoint.lastBlock()) {
                    store.addBlock(line.block());
                } else if (line.event() != null && line.event().ref().blockNumber() <= checkpoint.lastBlock()) {
                    store.addEvent(line.event());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read journal " + journalFile, e);
        }
    }

    /** Appends blocks and their events, forces them to disk, then moves the checkpoint. */
    public void append(List<BlockData> blocks, List<DecodedEvent> events, Checkpoint checkpoint) {
        try (FileChannel channel = FileChannel.open(journalFile, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                StandardOpenOption.WRITE);
             BufferedWriter writer = new BufferedWriter(java.nio.channels.Channels.newWriter(channel, StandardCharsets.UTF_8))) {
            int e = 0;
            for (BlockData block : blocks) {
                writer.write(JSON.writeValueAsString(new Line(block, null)));
                writer.newLine();
                while (e < events.size() && events.get(e).ref().blockNumber() == block.number()) {
                    writer.write(JSON.writeValueAsString(new Line(null, events.get(e++))));
                    writer.newLine();
                }
            }
            writer.flush();
            channel.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to journal " + journalFile, e);
        }
        writeCheckpoint(checkpoint);
    }

    /** After a reorg: keeps only what is at or below {@code block}, then moves the checkpoint there. */
    public void truncateAfter(long block, Checkpoint checkpoint) {
        Path rewritten = journalFile.resolveSibling("journal.jsonl.tmp");
        try (BufferedReader reader = Files.newBufferedReader(journalFile, StandardCharsets.UTF_8);
             BufferedWriter writer = Files.newBufferedWriter(rewritten, StandardCharsets.UTF_8)) {
            String text;
            while ((text = reader.readLine()) != null) {
                Line line = JSON.readValue(text, Line.class);
                long number = line.block() != null ? line.block().number() : line.event().ref().blockNumber();
                if (number <= block) {
                    writer.write(text);
                    writer.newLine();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rewrite journal " + journalFile, e);
        }
        try {
            Files.move(rewritten, journalFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot replace journal " + journalFile, e);
        }
        writeCheckpoint(checkpoint);
    }

    private void writeCheckpoint(Checkpoint checkpoint) {
        Path tmp = checkpointFile.resolveSibling("checkpoint.json.tmp");
        try {
            JSON.writeValue(tmp.toFile(), checkpoint);
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(tmp, checkpointFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoint " + checkpointFile, e);
        }
    }
}
