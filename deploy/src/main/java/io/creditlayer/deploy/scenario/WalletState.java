package io.creditlayer.deploy.scenario;

import org.web3j.crypto.Credentials;

import java.math.BigInteger;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * One simulated wallet: who it is (ground truth), its plan, and what the chain says about it. Chain-side numbers
 * (balances, collateral, debt, tier) are updated only from mined logs and position reads, never from intentions.
 */
final class WalletState {
    final int index;
    final Archetype archetype;
    final Behaviour behaviour;
    final Credentials credentials;
    final String address;
    final SplittableRandom random;

    // ground truth
    int clusterId = -1;
    FundingSource funding;
    String fundedBy;
    int startDay;
    boolean scored;
    int initialTier;
    double collateralEth;
    double fundingEth;
    boolean borrower;
    boolean neverRepays;

    // plan
    boolean setUp;
    double targetUtilization;
    boolean loanOpen;
    int dueDay = -1;
    int nextBorrowDay;
    int nextAttestationDay = -1;
    int plannedTier;
    int rampDay = -1;
    boolean selfRelays;
    int cashOutDay = -1;
    int lendDay = -1;
    int redeemDay = -1;
    int sybilSourceIndex = -1;
    /** Index into the sessions: the wallet's home time zone. */
    int homeSession;
    /** Draws of today's session, apart from {@link #random} so that every behavioural draw stays the same. */
    SplittableRandom sessions;

    // chain state (from logs and reads)
    BigInteger collateral = BigInteger.ZERO;
    BigInteger debt = BigInteger.ZERO;
    int attestedTier;
    long attestationExpiresAt;
    long attestationNonce;

    // counts of what actually happened on chain
    int transactions;
    int failedTransactions;
    int borrows;
    int repays;
    int liquidations;
    int writeOffs;
    int swaps;
    int attestations;
    int collateralSupplies;
    int collateralWithdrawals;
    int lenderDeposits;
    int lenderWithdrawals;
    int mixerDeposits;

    WalletState(int index, Archetype archetype, Credentials credentials, SplittableRandom random) {
        this.index = index;
        this.archetype = archetype;
        this.behaviour = archetype.behaviour();
        this.credentials = credentials;
        this.address = credentials.getAddress().toLowerCase(Locale.ROOT);
        this.random = random;
    }

    /** The tier the oracle answers at {@code timestamp}: the attested one until it expires, then 0. */
    int tierAt(long timestamp) {
        return timestamp < attestationExpiresAt ? attestedTier : 0;
    }

    boolean hasDebt() {
        return debt.signum() > 0;
    }

    double uniform(Behaviour.Range range) {
        return range.min() + (range.max() - range.min()) * random.nextDouble();
    }

    int uniformDays(Behaviour.Range range) {
        return (int) Math.round(uniform(range));
    }

    boolean chance(double probability) {
        return random.nextDouble() < probability;
    }
}
