package io.creditlayer.zk.groth16;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link SnarkjsAgreementContract} on the five-public-input test circuit, set up locally by {@link TestCircuit}. */
class FivePublicAgreementTest extends SnarkjsAgreementContract {

    @Override
    Groth16Artifacts artifacts() {
        return TestCircuit.artifacts();
    }

    @Override
    List<String> inputs() {
        Random random = new Random(5);
        List<String> inputs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            inputs.add(TestCircuit.randomInput(random));
        }
        return inputs;
    }

    @Override
    Path workDirectory() {
        return artifacts().verificationKey().getParent();
    }

    @Test
    void keyHasFivePublicInputsAndSnarkjsAlphaBeta() {
        // reading the key checks vk_alphabeta_12 against e(α, β) computed here
        VerificationKey key = SnarkjsJson.verificationKey(artifacts().verificationKey());
        assertEquals(TestCircuit.PUBLIC_INPUTS, key.publicInputCount());
    }

    @Test
    void keyWithoutPhase2ContributionIsRefused() {
        Groth16FormatException refused = assertThrows(Groth16FormatException.class,
                () -> SnarkjsJson.verificationKey(TestCircuit.uncontributedVerificationKey()));
        assertTrue(refused.getMessage().contains("gamma equals delta"), refused.getMessage());
    }
}
