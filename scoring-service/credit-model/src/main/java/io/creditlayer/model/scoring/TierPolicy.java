package io.creditlayer.model.scoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.creditlayer.model.CreditModelException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The versioned policy from PD to terms: the score scale, the score floor of tiers 1-5 and the tier table of the
 * lending pool (collateral and liquidation ratios, premium, unsecured cap). Read from JSON (the bundled resource
 * {@code tier-policy.json}, or a file) and validated as the pool's {@code setTierParams} validates: liquidation
 * ratio below the collateral ratio and at least 50%, premium at most 50%, a cap only where the collateral ratio is
 * under 100%, tier 0 over-collateralized; floors strictly increasing from the scale's minimum score; and a better
 * tier never asks for more collateral.
 *
 * @param version     policy version, e.g. "tier-policy-v1"
 * @param description free text
 * @param scale       PD to score
 * @param tiers       tiers 0..5 in order
 */
public record TierPolicy(String version, String description, ScoreScale scale, List<TierTerms> tiers) {
    public static final String RESOURCE = "/io/creditlayer/model/tier-policy.json";
    public static final int MAX_TIER = 5;
    private static final ObjectMapper JSON = new ObjectMapper();

    public TierPolicy {
        tiers = List.copyOf(tiers);
        validate(version, scale, tiers);
    }

    private static void validate(String version, ScoreScale scale, List<TierTerms> tiers) {
        if (version == null || version.isBlank()) {
            throw new CreditModelException("tier policy: version is required");
        }
        if (tiers.size() != MAX_TIER + 1) {
            throw new CreditModelException("tier policy " + version + ": needs tiers 0.." + MAX_TIER + ", has " + tiers.size());
        }
        int previousFloor = Integer.MIN_VALUE;
        for (int t = 0; t <= MAX_TIER; t++) {
            TierTerms terms = tiers.get(t);
            String where = "tier policy " + version + ", tier " + t + ": ";
            if (terms.tier() != t) {
                throw new CreditModelException(where + "tiers must be listed 0.." + MAX_TIER + " in order");
            }
            int cr = terms.collateralRatioBps();
            int lr = terms.liquidationRatioBps();
            if (lr >= cr || lr < 5_000) {
                throw new CreditModelException(where + "liquidation ratio must be below the collateral ratio and at least 5000 bps");
            }
            if (terms.ratePremiumBps() < 0 || terms.ratePremiumBps() > 5_000) {
                throw new CreditModelException(where + "premium must be within 0..5000 bps");
            }
            if (terms.creditCapTokens() < 0 || (cr >= 10_000 && terms.creditCapTokens() != 0)) {
                throw new CreditModelException(where + "a credit cap needs a collateral ratio under 10000 bps");
            }
            if (t == 0) {
                if (terms.minScore() != null) {
                    throw new CreditModelException(where + "the unscored tier has no score floor");
                }
                if (cr < 10_000) {
                    throw new CreditModelException(where + "the unscored tier must stay over-collateralized");
                }
                continue;
            }
            if (terms.minScore() == null) {
                throw new CreditModelException(where + "needs a score floor");
            }
            int floor = terms.minScore();
            if (t == 1 && floor != scale.minScore()) {
                throw new CreditModelException(where + "the floor of tier 1 must be the minimum score " + scale.minScore());
            }
            if (floor <= previousFloor || floor > scale.maxScore()) {
                throw new CreditModelException(where + "floors must increase and stay within the score range");
            }
            if (cr > tiers.get(t - 1).collateralRatioBps() && t > 1) {
                throw new CreditModelException(where + "a better tier cannot ask for more collateral");
            }
            previousFloor = floor;
        }
    }

    /** The bundled policy ({@code tier-policy.json}). */
    public static TierPolicy standard() {
        try (InputStream in = TierPolicy.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return fromJson(JSON.readTree(in));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + RESOURCE, e);
        }
    }

    public static TierPolicy read(Path file) {
        try {
            return fromJson(JSON.readTree(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new CreditModelException("cannot read tier policy " + file + ": " + e.getMessage());
        }
    }

    public static TierPolicy fromJson(JsonNode node) {
        try {
            JsonNode s = node.required("scale");
            ScoreScale scale = new ScoreScale(s.required("pdo").asDouble(), s.required("baseScore").asDouble(),
                    s.required("baseOdds").asDouble(), s.required("minScore").asInt(), s.required("maxScore").asInt());
            List<TierTerms> tiers = new ArrayList<>();
            for (JsonNode t : node.required("tiers")) {
                JsonNode min = t.get("minScore");
                tiers.add(new TierTerms(t.required("tier").asInt(), t.path("name").asText("tier " + t.get("tier").asInt()),
                        min == null || min.isNull() ? null : min.asInt(), t.required("collateralRatioBps").asInt(),
                        t.required("liquidationRatioBps").asInt(), t.required("ratePremiumBps").asInt(),
                        t.required("creditCapTokens").asLong()));
            }
            return new TierPolicy(node.required("version").asText(), node.path("description").asText(""), scale, tiers);
        } catch (IllegalArgumentException e) {
            throw new CreditModelException("invalid tier policy: " + e.getMessage());
        }
    }

    public ObjectNode toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", version);
        root.put("description", description);
        ObjectNode s = root.putObject("scale");
        s.put("pdo", scale.pdo());
        s.put("baseScore", scale.baseScore());
        s.put("baseOdds", scale.baseOdds());
        s.put("minScore", scale.minScore());
        s.put("maxScore", scale.maxScore());
        ArrayNode array = root.putArray("tiers");
        for (TierTerms t : tiers) {
            ObjectNode o = array.addObject();
            o.put("tier", t.tier());
            o.put("name", t.name());
            if (t.minScore() == null) {
                o.putNull("minScore");
            } else {
                o.put("minScore", t.minScore());
            }
            o.put("collateralRatioBps", t.collateralRatioBps());
            o.put("liquidationRatioBps", t.liquidationRatioBps());
            o.put("ratePremiumBps", t.ratePremiumBps());
            o.put("creditCapTokens", t.creditCapTokens());
        }
        return root;
    }

    /** The tier of a score: the highest tier whose floor is at or below it (at least 1: every score is scored). */
    public int tier(int score) {
        if (score < scale.minScore() || score > scale.maxScore()) {
            throw new IllegalArgumentException("score outside [" + scale.minScore() + ", " + scale.maxScore() + "]: " + score);
        }
        int tier = 1;
        for (int t = 1; t <= MAX_TIER; t++) {
            if (score >= tiers.get(t).minScore()) {
                tier = t;
            }
        }
        return tier;
    }

    public TierTerms terms(int tier) {
        return tiers.get(tier);
    }

    /** Tier 0: for a wallet without a valid profile. */
    public TierTerms unscored() {
        return tiers.getFirst();
    }
}
