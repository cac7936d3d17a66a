package io.creditlayer.fairness;

/**
 * Prints the report hash of a fixed audit, of its rows clustered into wallets with the argument "clustered"; run in
 * a fresh JVM by {@link CrossProcessDeterminismTest}.
 */
public final class HashMain {
    private HashMain() {
    }

    static final String POLICY = """
            {"version":"1","name":"cross-process","approval":{"rule":"tier_at_least","tier":4},
             "minGroupSize":30,"minOutcomeCount":10,
             "reference":{"rule":"largest","groups":{"sex":"sex=male","age":"age>25","region":"region=north"}},
             "checks":[{"metric":"disparate_impact","min":0.8},{"metric":"fnr_disparity","tau":0.8},
                       {"metric":"equalized_odds_difference","max":0.2}]}""";

    static AuditReport report() {
        return FairnessAudit.run(Synthetic.applicants(2500, 31, 0.03), FairnessPolicy.parse(POLICY),
                FairnessAudit.Options.defaults().withBootstrap(150, 5));
    }

    /** The same rows as {@link #report()}, 2,500 borrows of 700 wallets. */
    static AuditReport clusteredReport() {
        String[] wallet = new String[2500];
        for (int i = 0; i < wallet.length; i++) {
            wallet[i] = "0x" + Integer.toHexString(i * 7919 % 700);
        }
        return FairnessAudit.run(Synthetic.applicants(2500, 31, 0.03).withClusters(wallet), FairnessPolicy.parse(POLICY),
                FairnessAudit.Options.defaults().withBootstrap(150, 5));
    }

    public static void main(String[] args) {
        boolean clustered = args.length > 0 && args[0].equals("clustered");
        System.out.println((clustered ? clusteredReport() : report()).sha256().hex());
    }
}
