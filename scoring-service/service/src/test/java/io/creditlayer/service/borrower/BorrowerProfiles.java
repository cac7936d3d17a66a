package io.creditlayer.service.borrower;

import io.creditlayer.model.CreditModel;
import io.creditlayer.model.data.WalletV1;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Real wallet profiles from the synthetic wallet-v1 CSV the test model is trained on, and the model's activation. */
public final class BorrowerProfiles {
    private BorrowerProfiles() {
    }

    /**
     * One CSV row.
     *
     * @param wallet     the row's wallet
     * @param asOfBlock  profile block
     * @param asOfTime   profile timestamp
     * @param features   the 38 wallet-v1 features in schema order
     * @param commitment the feature commitment (bytes32 hex)
     */
    public record Row(String wallet, long asOfBlock, long asOfTime, double[] features, String commitment) {
    }

    public static List<Row> rows() {
        Path csv = Path.of(System.getProperty("creditlayer.test.training-csv"));
        try {
            List<String> lines = Files.readAllLines(csv);
            List<String> header = Arrays.asList(lines.getFirst().split(","));
            List<String> names = WalletV1.featureNames();
            int[] columns = names.stream().mapToInt(header::indexOf).toArray();
            int wallet = header.indexOf("wallet");
            int block = header.indexOf("as_of_block");
            int time = header.indexOf("as_of_timestamp");
            int commitment = header.indexOf(WalletV1.COMMITMENT);
            List<Row> rows = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                String[] cells = line.split(",", -1);
                double[] x = new double[columns.length];
                for (int j = 0; j < columns.length; j++) {
                    x[j] = Double.parseDouble(cells[columns[j]]);
                }
                rows.add(new Row(cells[wallet], Long.parseLong(cells[block]), Long.parseLong(cells[time]), x, cells[commitment]));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stores the row's profile under {@code address} (as the pipeline would after extracting it). */
    public static void insert(String address, Row row) {
        String lower = address.toLowerCase(Locale.ROOT);
        QuarkusTransaction.requiringNew().run(() -> {
            WalletProfileRecord.deleteById(lower);
            WalletProfileRecord p = new WalletProfileRecord();
            p.address = lower;
            p.chainId = 31337;
            p.featureSchemaHash = WalletV1.schema().hash();
            p.features = row.features().clone();
            p.featureCommitment = row.commitment();
            p.asOfBlock = row.asOfBlock();
            p.asOfTimestamp = row.asOfTime();
            p.source = "test:synthetic-wallet-v1.csv:" + row.wallet();
            p.refreshedAt = Instant.now();
            p.persist();
        });
    }

    /** Approves and activates the test model the way governance leaves it: APPROVED, active, loaded by the engine. */
    public static CreditModel activateTestModel(ScoringEngine engine) {
        CreditModel model = CreditModel.load(TestModel.dir());
        QuarkusTransaction.requiringNew().run(() -> {
            CreditModelRecord record = CreditModelRecord.findById(model.modelId());
            if (record == null) {
                throw new IllegalStateException("the test model " + model.modelId() + " was not registered at start");
            }
            record.status = CreditModelRecord.Status.APPROVED;
            record.active = true;
            if (record.approvedAt == null) {
                record.approvedAt = Instant.now();
            }
        });
        engine.activate(model.modelId(), model);
        return model;
    }
}
