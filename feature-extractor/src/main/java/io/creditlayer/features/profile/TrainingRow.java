package io.creditlayer.features.profile;

/**
 * One labelled example: the borrower's profile as of the block before a borrow, and whether the borrower was
 * liquidated or defaulted (debt written off) within the horizon after the borrow.
 *
 * @param profile         features strictly before the borrow
 * @param borrowBlock     the block of the borrow
 * @param borrowTimestamp its time
 * @param label           1 for liquidation or write-off within the horizon, else 0
 */
public record TrainingRow(WalletProfile profile, long borrowBlock, long borrowTimestamp, int label) {
}
