package io.creditlayer.model.explain;

import com.fasterxml.jackson.databind.JsonNode;
import io.creditlayer.model.artifact.Json;
import io.creditlayer.model.data.FeatureDef;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * Plain-language reason texts per feature, from the resource {@code reasons/<schema version>.json} when the
 * schema has one (wallet-v1, german-statlog-v1), else generic texts built from the feature name.
 *
 * <p>A numeric feature has a "low" text (used when the profile's value is at or below the training median) and a
 * "high" text (above it); a categorical feature has a "category" text with {@code {level}} replaced by the level's
 * description. Each text names what lowered the score and what would raise it.
 */
public final class ReasonCatalogue {
    private static final String PREFIX = "/io/creditlayer/model/reasons/";

    private final String schemaVersion;
    private final JsonNode reasons;

    private ReasonCatalogue(String schemaVersion, JsonNode reasons) {
        this.schemaVersion = schemaVersion;
        this.reasons = reasons;
    }

    /** The catalogue of a schema version (generic texts if there is none). */
    public static ReasonCatalogue of(String schemaVersion) {
        try (InputStream in = ReasonCatalogue.class.getResourceAsStream(PREFIX + schemaVersion + ".json")) {
            if (in == null) {
                return new ReasonCatalogue(schemaVersion, Json.object());
            }
            return new ReasonCatalogue(schemaVersion, Json.MAPPER.readTree(in).path("reasons"));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the reason catalogue of " + schemaVersion, e);
        }
    }

    public String schemaVersion() {
        return schemaVersion;
    }

    /** Whether a specific (not generic) text exists for the feature. */
    public boolean covers(String feature) {
        return reasons.has(feature);
    }

    /**
     * The reason text for a feature that raised the PD.
     *
     * @param feature the feature
     * @param value   the profile's value (level index when categorical)
     * @param median  the training median of the feature
     */
    public String text(FeatureDef feature, double value, double median) {
        JsonNode entry = reasons.path(feature.name());
        String label = entry.path("label").asText(humanize(feature.name()));
        if (feature.categorical()) {
            String level = feature.levels().get((int) value);
            String description = entry.path("levels").path(level).asText(level);
            String template = entry.path("category").asText(null);
            if (template == null) {
                return capitalize(label) + " (" + description + ") is associated with more defaults in the training data";
            }
            return template.replace("{level}", description);
        }
        boolean high = value > median;
        String text = entry.path(high ? "high" : "low").asText(null);
        if (text != null) {
            return text;
        }
        return capitalize(label) + " is " + (high ? "higher" : "lower") + " than typical (" + format(value)
                + " vs a median of " + format(median) + "): values like those of borrowers who repaid would raise the score";
    }

    static String humanize(String name) {
        return name.replace('_', ' ').toLowerCase(Locale.ROOT);
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.4g", v);
    }
}
