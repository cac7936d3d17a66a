/**
 * Raw EVM logs to {@link io.creditlayer.features.model.DecodedEvent}s.
 *
 * <ul>
 *   <li>{@link io.creditlayer.features.decode.EventDecoder}: the entry point; {@code decode(Log)}, {@code topics()},
 *       counters. Field mapping per protocol is documented there.</li>
 *   <li>{@link io.creditlayer.features.decode.KnownContracts}: the per-chain address book of trusted deployments
 *       (plus stablecoins and mixers for the profile builder).</li>
 *   <li>{@link io.creditlayer.features.decode.DefiEvents}: web3j {@code Event} definitions of the third-party events;
 *       CreditLayer's own come from the generated wrappers in {@code io.creditlayer.contracts.generated}.</li>
 * </ul>
 *
 * <h2>Security rule: lending events only from known deployments</h2>
 * An event proves only that <i>some</i> contract emitted it. Anyone can deploy a contract that emits
 * {@code Borrow}/{@code Repay}/{@code AttestationAccepted} with exactly Aave's, Compound's or CreditLayer's signature
 * and thereby fabricate a clean credit history (many repaid loans, no liquidations) for any wallet, cheaply, in one
 * transaction. The decoder therefore decodes lending-protocol events (Aave V2/V3, Compound V3 Comet, CreditLayer
 * {@code LendingPool} and {@code CreditOracle}) <b>only</b> when the emitting contract is listed in the chain's
 * {@link io.creditlayer.features.decode.KnownContracts}; any other emitter is dropped and counted as
 * skipped-unknown-contract. ERC-20 transfers and Uniswap-layout swaps are decoded from any contract: they carry no
 * credit meaning by themselves, and the profile builder must weigh them by token (e.g. known stablecoins), never
 * trust them as lending history.
 */
package io.creditlayer.features.decode;
