package io.creditlayer.fairness.report;

import io.creditlayer.fairness.AuditInput;
import io.creditlayer.fairness.AuditReport;
import io.creditlayer.fairness.FairnessAudit;
import io.creditlayer.fairness.FairnessPolicy;
import io.creditlayer.fairness.Synthetic;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MarkdownSummaryTest {
    private static final FairnessAudit.Options OPTIONS = FairnessAudit.Options.defaults().withBootstrap(100, 5);

    @Test
    void summarisesVerdictsGroupsAndFailures() {
        AuditReport fair = FairnessAudit.run(Synthetic.applicants(4000, 2, 0.0), FairnessPolicy.defaults(), OPTIONS);
        AuditReport biased = FairnessAudit.run(Synthetic.applicants(4000, 2, 0.06), FairnessPolicy.defaults(), OPTIONS);
        String s = MarkdownSummary.of(List.of(new MarkdownSummary.Entry("fair", fair), new MarkdownSummary.Entry("biased", biased)));
        assertTrue(s.startsWith("Audited: 4000 decisions per model under policy `creditlayer-default` (approval: approved when tier >= 4)"), s);
        assertTrue(s.contains("| fair | `1.0.0` |") && s.contains("| **PASS** |") && s.contains("| **FAIL** |"), s);
        assertTrue(s.contains("| sex | sex=female | biased | "), s);
        assertTrue(s.contains("| sex | sex=male (ref.) | biased | "), "each model against its own reference group");
        assertTrue(s.contains("| region | region=island | fair | ") && s.contains("not judged: "), "small groups are named, not measured");
        assertTrue(s.contains("Checks failed or undefined, fair: none."), s);
        assertTrue(s.matches("(?s).*Checks failed or undefined, biased: .*`disparate_impact/sex/sex=female` 0\\.\\d{3} "
                + "\\[0\\.\\d{3}, 0\\.\\d{3}\\] \\(bound value >= 0\\.8\\).*"), s);
        assertThrows(IllegalArgumentException.class, () -> MarkdownSummary.of(List.of()));
    }

    @Test
    void collapsesUndefinedChecksIntoOneLineWithTheirReason() {
        AuditInput in = Synthetic.applicants(3000, 4, 0.0);
        int[] tiers = new int[in.defaulted().length];
        Arrays.fill(tiers, 1);
        AuditReport nobody = FairnessAudit.run(in.withTier(tiers), FairnessPolicy.defaults(), OPTIONS);
        String s = MarkdownSummary.of(List.of(new MarkdownSummary.Entry("strict", nobody)));
        assertTrue(s.contains("undefined (the decision rule approves no row"), s);
    }
}
