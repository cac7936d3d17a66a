package io.creditlayer.model.data;

import java.util.List;
import java.util.Objects;

/**
 * One input variable of a model: its name, whether it is numeric or categorical, its unit (free text, may be
 * empty) and, for a categorical variable, its levels in code order. A categorical value is passed to the model as
 * the index of its level (0, 1, ...) in this list.
 *
 * @param name   column name
 * @param kind   numeric or categorical
 * @param unit   unit of a numeric variable ("days", "ETH", ...), empty when unknown
 * @param levels levels of a categorical variable, empty for a numeric one
 */
public record FeatureDef(String name, Kind kind, String unit, List<String> levels) {
    /** Variable kinds. */
    public enum Kind { NUMERIC, CATEGORICAL }

    public FeatureDef {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        unit = unit == null ? "" : unit;
        levels = levels == null ? List.of() : List.copyOf(levels);
        if (name.isBlank()) {
            throw new IllegalArgumentException("feature name must not be blank");
        }
        if (kind == Kind.CATEGORICAL && levels.isEmpty()) {
            throw new IllegalArgumentException("categorical feature '" + name + "' has no levels");
        }
        if (kind == Kind.NUMERIC && !levels.isEmpty()) {
            throw new IllegalArgumentException("numeric feature '" + name + "' cannot have levels");
        }
    }

    public static FeatureDef numeric(String name, String unit) {
        return new FeatureDef(name, Kind.NUMERIC, unit, List.of());
    }

    public static FeatureDef categorical(String name, List<String> levels) {
        return new FeatureDef(name, Kind.CATEGORICAL, "", levels);
    }

    public boolean categorical() {
        return kind == Kind.CATEGORICAL;
    }

    /** Index of a level, or -1. */
    public int level(String value) {
        return levels.indexOf(value);
    }
}
