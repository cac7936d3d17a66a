package io.creditlayer.fairness.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

/**
 * One way of splitting the rows into groups: a single attribute ("sex") or the cross-product of several
 * ("sex & age", groups like "sex=female & age<=25"). Groups are the combinations that occur, sorted by key so the
 * order never depends on row order.
 */
public record Dimension(String name, List<String> attributes, List<String> groups, int[] groupOf) {

    public static final String OVERALL = "overall";
    public static final String ALL = "all";

    public Dimension {
        attributes = List.copyOf(attributes);
        groups = List.copyOf(groups);
        groupOf = groupOf.clone();
    }

    @Override
    public int[] groupOf() {
        return groupOf.clone();
    }

    int groupAt(int row) {
        return groupOf[row];
    }

    /** The row-to-group array itself, for the engine's inner loop (never handed out). */
    int[] groupOfView() {
        return groupOf;
    }

    public int groupCount() {
        return groups.size();
    }

    public int indexOf(String group) {
        return groups.indexOf(group);
    }

    public boolean intersectional() {
        return attributes.size() > 1;
    }

    /**
     * "name=value", or "name" directly followed by the value when the value starts with a comparison sign, so
     * an age band "<=25" reads "age<=25" rather than "age=<=25".
     */
    public static String key(String attribute, String value) {
        char c = value.charAt(0);
        boolean comparison = c == '<' || c == '>' || c == '=' || c == '!' || c == '\u2264' || c == '\u2265';
        return comparison ? attribute + value : attribute + "=" + value;
    }

    /** The group key of every row for the given attributes, e.g. "sex=female & age<=25". */
    public static String[] rowKeys(Population population, List<String> attributes) {
        Dimension d = of(population, attributes);
        String[] keys = new String[population.size()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = d.groups.get(d.groupOf[i]);
        }
        return keys;
    }

    static Dimension overall(int n) {
        return new Dimension(OVERALL, List.of(), List.of(ALL), new int[n]);
    }

    /** The dimension over the given attributes (one attribute, or their intersection). */
    static Dimension of(Population population, List<String> attributes) {
        for (String a : attributes) {
            if (population.attributeView(a) == null) {
                throw new IllegalArgumentException("no attribute " + a);
            }
        }
        int n = population.size();
        String[] keys = new String[n];
        List<String[]> columns = new ArrayList<>();
        for (String a : attributes) {
            columns.add(population.attributeView(a));
        }
        for (int i = 0; i < n; i++) {
            StringBuilder sb = new StringBuilder();
            for (int k = 0; k < attributes.size(); k++) {
                if (k > 0) {
                    sb.append(" & ");
                }
                sb.append(key(attributes.get(k), columns.get(k)[i]));
            }
            keys[i] = sb.toString();
        }
        TreeMap<String, Integer> index = new TreeMap<>();
        for (String k : keys) {
            index.put(k, 0);
        }
        List<String> groups = new ArrayList<>(index.keySet());
        for (int g = 0; g < groups.size(); g++) {
            index.put(groups.get(g), g);
        }
        int[] groupOf = new int[n];
        for (int i = 0; i < n; i++) {
            groupOf[i] = index.get(keys[i]);
        }
        return new Dimension(String.join(" & ", attributes), attributes, groups, groupOf);
    }

    /** Each attribute alone, then (when asked and there are two or more) the intersection of all of them. */
    static List<Dimension> all(Population population, boolean intersectional) {
        List<String> names = new ArrayList<>(population.attributes().keySet());
        List<Dimension> dims = new ArrayList<>();
        for (String a : names) {
            dims.add(of(population, List.of(a)));
        }
        if (intersectional && names.size() > 1) {
            dims.add(of(population, names));
        }
        return dims;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Dimension d && name.equals(d.name) && groups.equals(d.groups) && Arrays.equals(groupOf, d.groupOf);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return "Dimension[" + name + ", groups=" + groups + "]";
    }
}
