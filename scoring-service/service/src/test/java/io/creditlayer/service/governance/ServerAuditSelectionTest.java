package io.creditlayer.service.governance;

import com.fasterxml.jackson.databind.JsonNode;
import io.creditlayer.model.CreditModel;
import io.creditlayer.model.data.CsvLoader;
import io.creditlayer.model.data.Dataset;
import io.creditlayer.service.testing.TestModel;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which rows the server-side audit grades: never one the model's learner or calibrator saw. */
class ServerAuditSelectionTest {
    private final CreditModel model = CreditModel.load(TestModel.dir());
    private final Dataset data = CsvLoader.load(GovFixtures.trainingCsv(), model.columns(), model.schema(), true);

    @Test
    void theHoldoutIsExactlyTheTrainersTestPartOfItsTrainingSet() {
        JsonNode split = model.artifact().manifest().path("training").path("split");
        long validationEnd = split.path("validationTimeTo").asLong();
        ServerAudit.Selection selection = ServerAudit.select(data, true, "training.csv", model);
        long[] time = data.time();
        int[] after = IntStream.range(0, data.size()).filter(i -> time[i] > validationEnd).toArray();
        assertArrayEquals(after, selection.rows());
        assertEquals(split.path("test").asInt(), selection.rows().length, "the trainer's test rows, no more, no fewer");
        assertTrue(Arrays.stream(selection.rows()).allMatch(i -> time[i] >= split.path("testTimeFrom").asLong()));
        assertTrue(selection.description().contains("after the model's validation window"), selection.description());
    }

    @Test
    void allMeansEveryRow() {
        ServerAudit.Selection selection = ServerAudit.select(data, false, "training.csv", model);
        assertEquals(data.size(), selection.rows().length);
        assertEquals("rows (all)", selection.description());
    }
}
