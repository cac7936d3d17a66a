package io.creditlayer.deploy.scenario;

import static io.creditlayer.deploy.scenario.Behaviour.Range.none;
import static io.creditlayer.deploy.scenario.Behaviour.Range.of;

/**
 * The documented kinds of wallet the devnet scenario simulates. Each wallet gets one archetype (ground truth in the
 * {@link ScenarioManifest}, never a feature) and draws everything it does from the archetype's {@link Behaviour}
 * and its own seeded random stream. docs/devnet-scenario.md explains each behaviour in prose.
 *
 * <table>
 *   <caption>Default behaviour parameters (ranges are uniform draws; tier is mean ± noise, rounded, clamped 1..5)</caption>
 *   <tr><th>archetype</th><th>mix</th><th>starts (share of days)</th><th>scored</th><th>tier</th>
 *       <th>refresh</th><th>collateral dETH</th><th>borrows</th><th>utilization of limit</th><th>loan days</th>
 *       <th>on time</th><th>late by days</th><th>repays per payment</th><th>re-levers/day</th><th>never repays</th>
 *       <th>over-limit tries</th>
 *       <th>swaps/day</th><th>reacts to risk</th><th>lends</th></tr>
 *   <tr><td>STEADY</td><td>30%</td><td>0–0.35</td><td>80%</td><td>4.0 ± 0.7</td><td>95%</td><td>3–20</td>
 *       <td>100%</td><td>0.30–0.55</td><td>10–30</td><td>97%</td><td>1–3</td><td>all</td><td>0</td><td>0%</td><td>1%</td>
 *       <td>0.05</td><td>90%</td><td>25%</td></tr>
 *   <tr><td>TRADER</td><td>12%</td><td>0–0.35</td><td>60%</td><td>3.0 ± 1.0</td><td>80%</td><td>10–60</td>
 *       <td>100%</td><td>0.80–0.93</td><td>5–15</td><td>85%</td><td>2–7</td><td>30%</td><td>0.30</td><td>0%</td><td>5%</td>
 *       <td>0.60</td><td>30%</td><td>0%</td></tr>
 *   <tr><td>LATE_REPAYER</td><td>12%</td><td>0–0.35</td><td>50%</td><td>2.0 ± 1.0</td><td>50%</td><td>3–15</td>
 *       <td>100%</td><td>0.75–0.92</td><td>14–30</td><td>30%</td><td>10–40</td><td>50%</td><td>0.05</td><td>0%</td><td>10%</td>
 *       <td>0.05</td><td>20%</td><td>0%</td></tr>
 *   <tr><td>DEFAULTER</td><td>8%</td><td>0–0.35</td><td>80%</td><td>4.3 ± 0.6</td><td>0%</td><td>2–10</td>
 *       <td>100%</td><td>0.97–0.99</td><td>–</td><td>–</td><td>–</td><td>none</td><td>0</td><td>100%</td><td>30%</td>
 *       <td>0.10</td><td>0%</td><td>0%</td></tr>
 *   <tr><td>LIQUIDATED</td><td>10%</td><td>0–0.30</td><td>50%</td><td>3.0 ± 1.0</td><td>80%</td><td>5–25</td>
 *       <td>100%</td><td>0.40–0.60, ramped to 0.92–0.97 in the 2–10 days before the crash</td><td>20–40</td>
 *       <td>90%</td><td>2–5</td><td>all</td><td>0</td><td>0%</td><td>5%</td><td>0.10</td><td>0%</td><td>0%</td></tr>
 *   <tr><td>FRESH</td><td>15%</td><td>0.85–1.0</td><td>10%</td><td>1.5 ± 0.7</td><td>50%</td><td>0.5–3</td>
 *       <td>30%</td><td>0.20–0.40</td><td>20–40</td><td>90%</td><td>1–5</td><td>all</td><td>0</td><td>0%</td><td>5%</td>
 *       <td>0.05</td><td>50%</td><td>0%</td></tr>
 *   <tr><td>SYBIL</td><td>8%</td><td>0.05–0.40 (per cluster)</td><td>30% (per cluster)</td><td>2.0 ± 0.8</td>
 *       <td>50%</td><td>1–4</td><td>100%</td><td>0.60–0.80</td><td>10–20</td><td>80%</td><td>3–10</td><td>all</td><td>0</td>
 *       <td>0%</td><td>2%</td><td>0.02</td><td>30%</td><td>0%</td></tr>
 *   <tr><td>MIXER_USER</td><td>5%</td><td>0.05–0.40</td><td>20%</td><td>2.0 ± 1.0</td><td>30%</td><td>2–12</td>
 *       <td>100%</td><td>0.70–0.90</td><td>10–30</td><td>25%</td><td>15–60</td><td>50%</td><td>0.02</td><td>40%</td><td>20%</td>
 *       <td>0.10</td><td>0%</td><td>0%</td></tr>
 * </table>
 *
 * <p>Funding: sybil-cluster members are funded (ETH and dETH) by their cluster's shared source wallet, mixer users
 * by two {@code DevnetMixer} withdrawals (and dETH minted to them), fresh wallets by the faucet or the exchange,
 * everyone else by the exchange. Sybil members of one cluster share one behaviour template (start day, utilization,
 * loan length, scoring) with small per-member jitter, and forward half of what they borrow to the source.
 */
public enum Archetype {
    /** Borrows well inside its limit, repays in full and on time, keeps its attestation fresh; some also lend. */
    STEADY(new Behaviour(of(0, 0.35), 0.80, 4.0, 0.7, 0.95, of(3, 20), 1.0, of(0.30, 0.55), none(),
            of(10, 30), 0.97, of(1, 3), 1.0, 0, 0, 0.01, 0.05, 0.9, 0.25)),
    /** Swaps a lot, borrows near the limit, loops borrowed dUSD into more collateral, repays in parts. */
    TRADER(new Behaviour(of(0, 0.35), 0.60, 3.0, 1.0, 0.80, of(10, 60), 1.0, of(0.80, 0.93), none(),
            of(5, 15), 0.85, of(2, 7), 0.3, 0.30, 0, 0.05, 0.60, 0.3, 0)),
    /** Repays late and partially, lets attestations lapse; sometimes liquidated. */
    LATE_REPAYER(new Behaviour(of(0, 0.35), 0.50, 2.0, 1.0, 0.50, of(3, 15), 1.0, of(0.75, 0.92), none(),
            of(14, 30), 0.30, of(10, 40), 0.5, 0.05, 0, 0.10, 0.05, 0.2, 0)),
    /**
     * Looks creditworthy (high noisy tier), borrows the maximum, sends the loan to the exchange, never repays and
     * never refreshes its attestation: liquidated once it lapses (or in the crash) with bad debt written off.
     */
    DEFAULTER(new Behaviour(of(0, 0.35), 0.80, 4.3, 0.6, 0.0, of(2, 10), 1.0, of(0.97, 0.99), none(),
            of(1, 1), 0.0, of(1, 1), 0.0, 0, 1.0, 0.30, 0.10, 0.0, 0)),
    /** Healthy at first, then levers up into the crash (borrow, swap to dETH, post it) and does not react. */
    LIQUIDATED(new Behaviour(of(0, 0.30), 0.50, 3.0, 1.0, 0.80, of(5, 25), 1.0, of(0.40, 0.60), of(0.92, 0.97),
            of(20, 40), 0.90, of(2, 5), 1.0, 0, 0, 0.05, 0.10, 0.0, 0)),
    /** Appears near the end: little history, a swap or two, rarely a small loan. */
    FRESH(new Behaviour(of(0.85, 1.0), 0.10, 1.5, 0.7, 0.50, of(0.5, 3), 0.30, of(0.20, 0.40), none(),
            of(20, 40), 0.90, of(1, 5), 1.0, 0, 0, 0.05, 0.05, 0.5, 0)),
    /** A member of a cluster funded from one source wallet, acting in step with the other members. */
    SYBIL(new Behaviour(of(0.05, 0.40), 0.30, 2.0, 0.8, 0.50, of(1, 4), 1.0, of(0.60, 0.80), none(),
            of(10, 20), 0.80, of(3, 10), 1.0, 0, 0, 0.02, 0.02, 0.3, 0)),
    /** Funded through the mixer; borrows high, repays rarely and late (40% never); some send ETH back into the mixer. */
    MIXER_USER(new Behaviour(of(0.05, 0.40), 0.20, 2.0, 1.0, 0.30, of(2, 12), 1.0, of(0.70, 0.90), none(),
            of(10, 30), 0.25, of(15, 60), 0.5, 0.02, 0.4, 0.20, 0.10, 0.0, 0));

    private final Behaviour behaviour;

    Archetype(Behaviour behaviour) {
        this.behaviour = behaviour;
    }

    public Behaviour behaviour() {
        return behaviour;
    }
}
