package io.creditlayer.fairness;

import java.util.List;

/**
 * Model-card facts the audit cannot measure (Mitchell et al. 2019, "Model Cards for Model Reporting"): who built
 * what, for which use, on which data. They are printed in the report and hashed with it.
 */
public record ModelDetails(String name, String version, String owner, String description, String intendedUse,
                           List<String> outOfScopeUses, String trainingData, String evaluationData,
                           List<String> ethicalConsiderations, List<String> caveats) {

    public ModelDetails {
        name = orUnspecified(name);
        version = orUnspecified(version);
        owner = orUnspecified(owner);
        description = orUnspecified(description);
        intendedUse = orUnspecified(intendedUse);
        trainingData = orUnspecified(trainingData);
        evaluationData = orUnspecified(evaluationData);
        outOfScopeUses = outOfScopeUses == null ? List.of() : List.copyOf(outOfScopeUses);
        ethicalConsiderations = ethicalConsiderations == null ? List.of() : List.copyOf(ethicalConsiderations);
        caveats = caveats == null ? List.of() : List.copyOf(caveats);
    }

    public static ModelDetails unspecified() {
        return new ModelDetails(null, null, null, null, null, null, null, null, null, null);
    }

    public static ModelDetails of(String name, String version, String description) {
        return new ModelDetails(name, version, null, description, null, null, null, null, null, null);
    }

    public ModelDetails withIntendedUse(String intendedUse, List<String> outOfScopeUses) {
        return new ModelDetails(name, version, owner, description, intendedUse, outOfScopeUses, trainingData,
                evaluationData, ethicalConsiderations, caveats);
    }

    public ModelDetails withData(String trainingData, String evaluationData) {
        return new ModelDetails(name, version, owner, description, intendedUse, outOfScopeUses, trainingData,
                evaluationData, ethicalConsiderations, caveats);
    }

    public ModelDetails withOwner(String owner) {
        return new ModelDetails(name, version, owner, description, intendedUse, outOfScopeUses, trainingData,
                evaluationData, ethicalConsiderations, caveats);
    }

    public ModelDetails withConsiderations(List<String> ethicalConsiderations, List<String> caveats) {
        return new ModelDetails(name, version, owner, description, intendedUse, outOfScopeUses, trainingData,
                evaluationData, ethicalConsiderations, caveats);
    }

    private static String orUnspecified(String s) {
        return s == null || s.isBlank() ? "unspecified" : s;
    }
}
