package io.creditlayer.model.artifact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.creditlayer.model.CreditModelException;
import io.creditlayer.model.data.Hashes;
import io.creditlayer.model.learner.Learner;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;

/**
 * A model artifact: one directory with
 * <ul>
 *   <li>{@code manifest.json}: format, feature schema, CSV column spec, calibration, tier policy, training
 *       population (PSI bins), training metadata (seed, data hash, options) and metrics;</li>
 *   <li>{@code model.bin}: the fitted learner (Smile's model inside), Java-serialized;</li>
 *   <li>{@code artifact.sha256}: the artifact hash, hex;</li>
 *   <li>{@code model-card.json}, {@code model-card.md}: the model card (documentation, not hashed).</li>
 * </ul>
 *
 * <p>The hash is SHA-256 over the canonical bytes: {@code "creditlayer-model/1\n"}, the manifest in canonical JSON
 * (sorted keys, no whitespace), {@code "\n"}, and the payload bytes. It is the model id recorded in the
 * ModelRegistry. No clock or path enters either part, and Java serialization of the same objects writes the same
 * bytes, so the same data, options and seed give the same hash. Reading recomputes it and refuses an artifact whose
 * files do not match the recorded hash; the payload is deserialized only after that, through an allow-list filter.
 */
public final class ModelArtifact {
    public static final String FORMAT = "creditlayer-model/1";
    public static final String MANIFEST = "manifest.json";
    public static final String PAYLOAD = "model.bin";
    public static final String HASH = "artifact.sha256";
    public static final String CARD_JSON = "model-card.json";
    public static final String CARD_MD = "model-card.md";
    private static final String FILTER = "maxdepth=100;maxrefs=10000000;maxbytes=1000000000;"
            + "io.creditlayer.model.**;smile.**;java.lang.*;java.util.*;java.math.*;!*";

    private final JsonNode manifest;
    private final byte[] payload;
    private final String hash;

    private ModelArtifact(JsonNode manifest, byte[] payload, String hash) {
        this.manifest = manifest;
        this.payload = payload;
        this.hash = hash;
    }

    /** Seals a manifest and payload: records the payload's digest in the manifest and hashes both. */
    public static ModelArtifact seal(ObjectNode manifest, byte[] payload) {
        ObjectNode p = manifest.putObject("payload");
        p.put("file", PAYLOAD);
        p.put("serialization", "java.io.ObjectOutputStream");
        p.put("bytes", payload.length);
        p.put("sha256", Hashes.hex(Hashes.sha256(payload)));
        manifest.put("format", FORMAT);
        JsonNode frozen = Json.parse(Json.canonical(manifest));
        return new ModelArtifact(frozen, payload.clone(), hash(frozen, payload));
    }

    /** SHA-256 over the canonical bytes, 0x-prefixed hex. */
    public static String hash(JsonNode manifest, byte[] payload) {
        MessageDigest digest = Hashes.sha256();
        digest.update((FORMAT + "\n").getBytes(StandardCharsets.UTF_8));
        digest.update(Json.canonical(manifest));
        digest.update((byte) '\n');
        digest.update(payload);
        return Hashes.hex0x(digest.digest());
    }

    /** Java serialization of a learner. */
    public static byte[] serialize(Learner learner) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(learner);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialize the model: " + e, e);
        }
        return bytes.toByteArray();
    }

    /** Reads and verifies an artifact directory. */
    public static ModelArtifact read(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new CreditModelException("artifact " + dir + ": not a directory");
        }
        byte[] manifestBytes = readFile(dir, MANIFEST);
        byte[] payload = readFile(dir, PAYLOAD);
        String recorded = new String(readFile(dir, HASH), StandardCharsets.UTF_8).strip();
        if (!recorded.startsWith("0x")) {
            recorded = "0x" + recorded;
        }
        JsonNode manifest;
        try {
            manifest = Json.parse(manifestBytes);
        } catch (IllegalArgumentException e) {
            throw new CreditModelException("artifact " + dir + ": " + MANIFEST + " is not valid JSON (tampered or corrupt)");
        }
        if (!FORMAT.equals(manifest.path("format").asText())) {
            throw new CreditModelException("artifact " + dir + ": unknown format '" + manifest.path("format").asText()
                    + "', expected " + FORMAT);
        }
        String actual = hash(manifest, payload);
        if (!actual.equalsIgnoreCase(recorded)) {
            throw new CreditModelException("artifact " + dir + " is tampered or corrupt: its content hashes to "
                    + actual + " but " + HASH + " records " + recorded);
        }
        return new ModelArtifact(manifest, payload, actual);
    }

    private static byte[] readFile(Path dir, String name) {
        try {
            return Files.readAllBytes(dir.resolve(name));
        } catch (NoSuchFileException e) {
            throw new CreditModelException("artifact " + dir + ": missing " + name);
        } catch (IOException e) {
            throw new CreditModelException("artifact " + dir + ": cannot read " + name + ": " + e.getMessage());
        }
    }

    /** Writes the artifact files and the model card into {@code dir} (created if needed). */
    public void write(Path dir) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(MANIFEST), Json.pretty(manifest));
            Files.write(dir.resolve(PAYLOAD), payload);
            Files.writeString(dir.resolve(HASH), hash.substring(2) + "\n");
            ModelCard card = ModelCard.of(manifest, hash);
            Files.writeString(dir.resolve(CARD_JSON), Json.pretty(card.json()));
            Files.writeString(dir.resolve(CARD_MD), card.markdown());
        } catch (IOException e) {
            throw new CreditModelException("cannot write artifact " + dir + ": " + e.getMessage());
        }
    }

    /** Deserializes the learner through an allow-list filter (this module, Smile, java.lang/util/math). */
    public Learner learner() {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(payload))) {
            in.setObjectInputFilter(ObjectInputFilter.Config.createFilter(FILTER));
            Object o = in.readObject();
            if (!(o instanceof Learner learner)) {
                throw new CreditModelException("artifact payload is not a model: " + o.getClass().getName());
            }
            return learner;
        } catch (InvalidClassException e) {
            throw new CreditModelException("artifact payload refused: " + e.getMessage());
        } catch (IOException | ClassNotFoundException e) {
            throw new CreditModelException("artifact payload cannot be read: " + e);
        }
    }

    public JsonNode manifest() {
        return manifest;
    }

    public byte[] payload() {
        return payload.clone();
    }

    /** The 0x-prefixed SHA-256 artifact hash (the model id). */
    public String hash() {
        return hash;
    }
}
