package io.creditlayer.model;

import io.creditlayer.model.data.ColumnSpec;
import io.creditlayer.model.data.CsvFormatException;
import io.creditlayer.model.data.CsvLoader;
import io.creditlayer.model.data.Dataset;
import io.creditlayer.model.data.FeatureDef;
import io.creditlayer.model.data.Presets;
import io.creditlayer.model.data.WalletV1;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsvLoaderTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private String error(Path file, ColumnSpec spec) {
        CsvFormatException e = assertThrows(CsvFormatException.class, () -> CsvLoader.load(file, spec));
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        return e.getMessage();
    }

    private static final ColumnSpec SPEC = new ColumnSpec("default", "1", List.of(), Set.of("region"), List.of("sex"),
            null, null, "id", List.of(), null, "test-v1", ",", true, List.of());

    @Test
    void readsFeaturesCategoricalGroupsAndIds() throws IOException {
        Path f = write("ok.csv", """
                id,income,region,sex,default
                a,10.5,north,f,0
                b,"2000","south, coast",m,1
                c,3,north,m,0
                """);
        Dataset d = CsvLoader.load(f, SPEC);
        assertEquals(3, d.size());
        assertEquals(List.of("income", "region"), d.schema().names());
        FeatureDef region = d.schema().feature(1);
        assertTrue(region.categorical());
        assertEquals(List.of("north", "south, coast"), region.levels());
        assertArrayEquals(new double[]{2000, 1}, d.row(1));
        assertArrayEquals(new int[]{0, 1, 0}, d.y());
        assertArrayEquals(new String[]{"f", "m", "m"}, d.groups().get("sex"));
        assertEquals("b", d.id(1));
        assertEquals("test-v1", d.schema().version());
        assertEquals("sha-256", d.schema().hashAlgorithm());
        assertEquals(d.contentHash(), CsvLoader.load(f, SPEC).contentHash());
    }

    @Test
    void missingLabelColumn() throws IOException {
        Path f = write("nolabel.csv", "id,income,region,sex\na,1,north,f\n");
        String m = error(f, SPEC);
        assertTrue(m.startsWith("nolabel.csv:1: label column 'default' not found in the header"), m);
    }

    @Test
    void nonNumericValueNamesFileLineAndColumn() throws IOException {
        Path f = write("bad.csv", "id,income,region,sex,default\na,1,north,f,0\nb,12x,south,m,1\n");
        assertEquals("bad.csv:3: column 'income' (2): non-numeric value '12x' in numeric column", error(f, SPEC));
    }

    @Test
    void emptyValueAndNonFiniteValue() throws IOException {
        assertTrue(error(write("e1.csv", "id,income,region,sex,default\na,,north,f,0\n"), SPEC)
                .contains("e1.csv:2: column 'income' (2): empty value"));
        assertTrue(error(write("e2.csv", "id,income,region,sex,default\na,NaN,north,f,0\n"), SPEC)
                .contains("non-finite value 'NaN'"));
    }

    @Test
    void wrongColumnCount() throws IOException {
        Path f = write("short.csv", "id,income,region,sex,default\na,1,north,f,0\nb,2,south,1\n");
        assertEquals("short.csv:3: expected 5 columns, found 4", error(f, SPEC));
    }

    @Test
    void emptyFileAndHeaderOnly() throws IOException {
        assertEquals("empty.csv: empty file", error(write("empty.csv", ""), SPEC));
        assertEquals("blank.csv: empty file", error(write("blank.csv", "\n\n"), SPEC));
        assertEquals("header.csv: no data rows after the header", error(write("header.csv", "id,income,region,sex,default\n"), SPEC));
    }

    @Test
    void onlyOneClass() throws IOException {
        Path f = write("one.csv", "id,income,region,sex,default\na,1,north,f,0\nb,2,south,m,0\n");
        String m = error(f, SPEC);
        assertTrue(m.startsWith("one.csv: label column 'default' has only one class"), m);
        assertTrue(m.contains("{0=2}"), m);
    }

    @Test
    void moreThanTwoLabelValues() throws IOException {
        Path f = write("three.csv", "id,income,region,sex,default\na,1,north,f,0\nb,2,south,m,1\nc,2,south,m,2\n");
        assertTrue(error(f, SPEC).contains("has 3 distinct values [0, 1, 2]"));
    }

    @Test
    void missingFile() {
        String m = error(dir.resolve("nope.csv"), SPEC);
        assertTrue(m.startsWith("nope.csv: file not found"), m);
    }

    @Test
    void unknownCategoryUnderAFixedSchema() throws IOException {
        Path train = write("t.csv", "id,income,region,sex,default\na,1,north,f,0\nb,2,south,m,1\n");
        Dataset d = CsvLoader.load(train, SPEC);
        Path score = write("s.csv", "id,income,region,sex\nc,1,west,f\n");
        CsvFormatException e = assertThrows(CsvFormatException.class,
                () -> CsvLoader.load(score, SPEC, d.schema(), false));
        assertEquals("s.csv:2: column 'region' (3): unknown category 'west' (known: north, south)", e.getMessage());
        Dataset ok = CsvLoader.load(write("s2.csv", "id,income,region,sex\nc,1,south,f\n"), SPEC, d.schema(), false);
        assertNull(ok.y());
        assertEquals(1.0, ok.row(0)[1]);
    }

    @Test
    void walletPresetReadsTheExtractorHeader() throws IOException {
        Dataset d = CsvLoader.load(TestData.syntheticWallets(), Presets.wallet());
        assertEquals(SyntheticWallets.RESOURCE_ROWS, d.size());
        assertEquals(WalletV1.schema(), d.schema());
        assertEquals(38, d.schema().size());
        assertTrue(d.time() != null && d.ids() != null);
        assertTrue(d.groups().containsKey("wallet"));
        assertTrue(d.positives() > 0 && d.positives() < d.size());
        // the header is exactly the extractor's TrainingSet.writeCsv header
        String header = TestData.syntheticWalletsText().lines().findFirst().orElseThrow();
        assertEquals(String.join(",", WalletV1.header(true)), header);
        assertTrue(header.startsWith("wallet,chain_id,as_of_block,as_of_block_hash,as_of_timestamp,schema_version,wallet_age_days,"));
        assertTrue(header.endsWith(",mixer_interactions,collateral_posted,debt_per_collateral,label,feature_commitment"));
    }

    @Test
    void walletRowsOfAnotherSchemaVersionAreRefused() throws IOException {
        String text = TestData.syntheticWalletsText();
        String[] lines = text.split("\n");
        lines[5] = lines[5].replace(",wallet-v1,", ",wallet-v2,");
        Path f = write("v2.csv", String.join("\n", lines) + "\n");
        String m = error(f, Presets.wallet());
        assertEquals("v2.csv:6: column 'schema_version' (6): schema mismatch: rows are 'wallet-v2', expected 'wallet-v1'", m);
    }

    @Test
    void walletFileMissingAFeatureColumnIsRefused() throws IOException {
        String text = TestData.syntheticWalletsText().replaceFirst("mixer_interactions", "mixer_calls");
        String m = error(write("renamed.csv", text), Presets.wallet());
        assertEquals("renamed.csv:1: feature column 'mixer_interactions' not found in the header", m);
    }

    @Test
    void walletProfilesWithoutLabelLoadForScoring() throws IOException {
        Path f = write("profiles.csv", SyntheticWallets.csv(5, 1, false));
        Dataset d = CsvLoader.load(f, Presets.wallet(), WalletV1.schema(), false);
        assertEquals(5, d.size());
        assertFalse(d.labelled());
        assertTrue(d.id(0).startsWith("0x"));
    }

    @Test
    void germanPresetKeepsProtectedAttributesAsideAsGroups() {
        Dataset d = TestData.germanDataset();
        assertEquals(1000, d.size());
        assertEquals(300, d.positives());
        assertEquals(17, d.schema().size());
        for (String g : Presets.GERMAN_GROUPS) {
            assertEquals(-1, d.schema().indexOf(g), g + " must not be a feature");
            assertEquals(1000, d.groups().get(g).length);
        }
        FeatureDef checking = d.schema().feature(d.schema().indexOf("checking_status"));
        assertEquals(List.of("A11", "A12", "A13", "A14"), checking.levels());
        assertFalse(d.schema().feature(d.schema().indexOf("duration_months")).categorical());
        assertEquals(Presets.GERMAN_VERSION, d.schema().version());
        // first row of german.data: A11 6 ... class 1
        assertEquals(0, d.row(0)[0]);
        assertEquals(6, d.row(0)[1]);
        assertEquals(0, d.y()[0]);
        assertEquals("67", d.groups().get("age_years")[0]);
    }

    @Test
    void specsRefuseGroupColumnsAsFeatures() {
        assertThrows(IllegalArgumentException.class, () -> new ColumnSpec("y", "1", List.of("a", "sex"), Set.of(),
                List.of("sex"), null, null, null, List.of(), null, null, ",", true, List.of()));
    }
}
