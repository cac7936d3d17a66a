package io.creditlayer.features.model;

import java.math.BigInteger;

/**
 * One log decoded into credit behaviour, attributed to one wallet. Addresses are lower-case 0x hex.
 *
 * @param ref          position on the chain
 * @param contract     the emitting contract
 * @param protocol     which protocol's event it was
 * @param action       what it means for {@code wallet}
 * @param wallet       the account whose behaviour this is
 * @param counterparty the other party (receiver, payer, liquidator, router), or null
 * @param asset        the token involved (reserve, collateral, loan token), or null when the event has none
 * @param amount       raw token units (no decimals applied); for ATTESTED the score; never negative
 * @param detail       a small protocol-specific number: ATTESTED tier, BORROW Aave interest-rate mode, else 0
 */
public record DecodedEvent(
        LogRef ref,
        String contract,
        Protocol protocol,
        Action action,
        String wallet,
        String counterparty,
        String asset,
        BigInteger amount,
        int detail) {
}
