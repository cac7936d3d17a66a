package io.creditlayer.contracts.devnet;

import org.web3j.crypto.Bip32ECKeyPair;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.MnemonicUtils;

/**
 * The devnet's named accounts, derived from {@link Anvil#MNEMONIC} on the standard Ethereum path
 * m/44'/60'/0'/0/i exactly as anvil derives its funded accounts.
 */
public enum DevnetAccounts {
    DEPLOYER,
    SCORER,
    GUARDIAN,
    LENDER,
    SCORED_BORROWER,
    UNSCORED_BORROWER,
    LIQUIDATOR,
    RELAYER;

    /** How many accounts anvil funds. */
    public static final int COUNT = 10;

    public Credentials credentials() {
        return derive(ordinal());
    }

    public String address() {
        return credentials().getAddress();
    }

    static Credentials derive(int index) {
        byte[] seed = MnemonicUtils.generateSeed(Anvil.MNEMONIC, "");
        Bip32ECKeyPair master = Bip32ECKeyPair.generateKeyPair(seed);
        int[] path = {44 | Bip32ECKeyPair.HARDENED_BIT, 60 | Bip32ECKeyPair.HARDENED_BIT, Bip32ECKeyPair.HARDENED_BIT, 0, index};
        return Credentials.create(Bip32ECKeyPair.deriveKeyPair(master, path));
    }
}
