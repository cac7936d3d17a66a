package io.creditlayer.service.pipeline;

import io.creditlayer.features.profile.FeatureSchema;
import io.creditlayer.features.profile.WalletProfile;
import io.creditlayer.service.store.WalletProfileRecord;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.Session;
import org.web3j.utils.Numeric;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.util.Collection;
import java.util.List;

/**
 * Writes wallet profiles with their provenance (chain, feature-schema hash, as-of block, its hash and time, the
 * feature commitment, the source) in JDBC batches, one upsert per wallet. Callers provide the transaction.
 */
@ApplicationScoped
public class ProfileStore {
    /** The {@code source} of profiles the pipeline writes. */
    public static final String SOURCE = "pipeline:feature-extractor/" + FeatureSchema.VERSION;
    /** The extractor's feature-schema hash, as stored and as the model records it. */
    public static final String SCHEMA_HASH = Numeric.toHexString(FeatureSchema.hash());

    private static final String UPSERT = """
            INSERT INTO wallet_profile (address, chain_id, feature_schema_hash, features, feature_commitment,
                                        as_of_block, as_of_timestamp, as_of_block_hash, source, refreshed_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, now())
            ON CONFLICT (address) DO UPDATE SET chain_id = excluded.chain_id,
                feature_schema_hash = excluded.feature_schema_hash, features = excluded.features,
                feature_commitment = excluded.feature_commitment, as_of_block = excluded.as_of_block,
                as_of_timestamp = excluded.as_of_timestamp, as_of_block_hash = excluded.as_of_block_hash,
                source = excluded.source, refreshed_at = excluded.refreshed_at
            """;

    public void upsert(Collection<WalletProfile> profiles) {
        if (profiles.isEmpty()) {
            return;
        }
        session().doWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(UPSERT)) {
                int pending = 0;
                for (WalletProfile p : profiles) {
                    double[] values = p.values();
                    Double[] boxed = new Double[values.length];
                    for (int i = 0; i < values.length; i++) {
                        boxed[i] = values[i];
                    }
                    Array features = connection.createArrayOf("float8", boxed);
                    statement.setString(1, p.wallet());
                    statement.setLong(2, p.chainId());
                    statement.setString(3, SCHEMA_HASH);
                    statement.setArray(4, features);
                    statement.setString(5, Numeric.toHexString(p.commitment()));
                    statement.setLong(6, p.asOfBlock());
                    statement.setLong(7, p.asOfTimestamp());
                    statement.setString(8, p.asOfBlockHash());
                    statement.setString(9, SOURCE);
                    statement.addBatch();
                    if (++pending == 500) {
                        statement.executeBatch();
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    statement.executeBatch();
                }
            }
        });
    }

    public void delete(Collection<String> addresses) {
        if (!addresses.isEmpty()) {
            WalletProfileRecord.delete("address in ?1", List.copyOf(addresses));
        }
    }

    public List<String> addresses() {
        return WalletProfileRecord.getEntityManager()
                .createQuery("select p.address from WalletProfileRecord p", String.class).getResultList();
    }

    /** Profiles the pipeline wrote whose as-of time is before {@code before} (chain time), oldest first. */
    public List<String> staleAddresses(long before, int limit) {
        if (limit == 0) {
            return List.of();
        }
        return WalletProfileRecord.getEntityManager()
                .createQuery("select p.address from WalletProfileRecord p where p.asOfTimestamp < ?1 and p.source = ?2 "
                        + "order by p.asOfTimestamp, p.address", String.class)
                .setParameter(1, before).setParameter(2, SOURCE).setMaxResults(limit).getResultList();
    }

    /** The block hash a stored profile was read at (completes its provenance), or null. */
    public String asOfBlockHash(String address) {
        List<?> rows = WalletProfileRecord.getEntityManager()
                .createNativeQuery("SELECT as_of_block_hash FROM wallet_profile WHERE address = ?1")
                .setParameter(1, address).getResultList();
        return rows.isEmpty() ? null : (String) rows.getFirst();
    }

    private static Session session() {
        return WalletProfileRecord.getEntityManager().unwrap(Session.class);
    }
}
