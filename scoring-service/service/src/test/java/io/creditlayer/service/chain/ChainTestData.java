package io.creditlayer.service.chain;

import io.creditlayer.model.CreditModel;
import io.creditlayer.service.scoring.ScoringEngine;
import io.creditlayer.service.store.CreditModelRecord;
import io.creditlayer.service.store.WalletProfileRecord;
import io.creditlayer.service.testing.TestModel;
import io.quarkus.narayana.jta.QuarkusTransaction;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Wallet profiles from the credit-model's synthetic wallet-v1 CSV and the test model approved and active, so the
 * real AttestationIssuer can sign attestations for them. Hands out each scored wallet once per test run, so tests
 * sharing an application never share a borrower.
 */
public final class ChainTestData {
    private static final Deque<String> UNUSED = new ArrayDeque<>();
    private static boolean loaded;

    private ChainTestData() {
    }

    /** Loads the profiles into this run's database and approves and activates the test model. */
    public static synchronized void prepare(ScoringEngine scoring) {
        CreditModel model = CreditModel.load(TestModel.dir());
        List<Profile> profiles = read(model);
        QuarkusTransaction.requiringNew().run(() -> {
            // each application start of a test run has a database of its own
            if (WalletProfileRecord.count() == 0) {
                for (Profile p : profiles) {
                    WalletProfileRecord record = new WalletProfileRecord();
                    record.address = p.address;
                    record.chainId = 31337;
                    record.featureSchemaHash = model.schema().hash();
                    record.features = p.features;
                    record.featureCommitment = p.commitment;
                    record.asOfBlock = p.asOfBlock;
                    record.asOfTimestamp = p.asOfTimestamp;
                    record.source = "synthetic-wallet-v1.csv";
                    record.refreshedAt = Instant.now();
                    record.persist();
                }
            }
        });
        if (!loaded) {
            profiles.stream().filter(p -> model.score(p.features).tier() >= 1).forEach(p -> UNUSED.add(p.address));
            loaded = true;
        }
        QuarkusTransaction.requiringNew().run(() -> {
            CreditModelRecord record = CreditModelRecord.findById(model.modelId());
            record.status = CreditModelRecord.Status.APPROVED;
            record.approvedAt = Instant.now();
            record.active = true;
        });
        scoring.activate(model.modelId(), model);
    }

    /** A scored wallet no other test has used. */
    public static synchronized String freshWallet() {
        if (UNUSED.isEmpty()) {
            throw new IllegalStateException("no unused scored wallet left; call prepare() first");
        }
        return UNUSED.poll();
    }

    private record Profile(String address, double[] features, String commitment, long asOfBlock, long asOfTimestamp) {
    }

    private static List<Profile> read(CreditModel model) {
        Path csv = Path.of(System.getProperty("creditlayer.test.training-csv", ""));
        try {
            List<String> lines = Files.readAllLines(csv);
            List<String> header = Arrays.asList(lines.getFirst().split(","));
            int[] featureColumns = model.schema().names().stream().mapToInt(header::indexOf).toArray();
            if (Arrays.stream(featureColumns).anyMatch(i -> i < 0)) {
                throw new IllegalStateException(csv + " lacks some of the model's features");
            }
            int wallet = header.indexOf("wallet");
            int commitment = header.indexOf("feature_commitment");
            int block = header.indexOf("as_of_block");
            int timestamp = header.indexOf("as_of_timestamp");
            // the training set holds several snapshots of some wallets: the service keeps the latest
            Map<String, Profile> latest = new LinkedHashMap<>();
            lines.stream().skip(1).filter(l -> !l.isBlank()).map(l -> l.split(",")).forEach(cells -> {
                double[] features = Arrays.stream(featureColumns).mapToDouble(i -> Double.parseDouble(cells[i])).toArray();
                Profile p = new Profile(cells[wallet].toLowerCase(Locale.ROOT), features, cells[commitment],
                        Long.parseLong(cells[block]), Long.parseLong(cells[timestamp]));
                latest.merge(p.address, p, (a, b) -> b.asOfTimestamp >= a.asOfTimestamp ? b : a);
            });
            return List.copyOf(latest.values());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the synthetic wallet CSV " + csv, e);
        }
    }
}
