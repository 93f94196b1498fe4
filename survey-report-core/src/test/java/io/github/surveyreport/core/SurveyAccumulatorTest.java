package io.github.surveyreport.core;

import io.github.surveyreport.core.data.CsvRowSource;
import io.github.surveyreport.core.results.Results;
import io.github.surveyreport.core.study.Study;
import io.github.surveyreport.core.study.StudyLoader;
import io.github.surveyreport.core.testing.HenanExample;
import io.github.surveyreport.core.testing.ResultsAgreement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The one pass split into parts and merged ({@link SurveyAccumulator}): the reference is the
 * engine's own single pass over the same file ({@link SurveyAnalysis#run(Study)}), on the
 * Chinese example (Henan, 392 rows read, n = 385, with every structural analysis and a seeded
 * 5,000-resample bootstrap). One part in file order must give the same results.json (apart from
 * the provenance block); parts merged in order agree within 1e-12 relative (floating-point
 * rounding of the merge formulas of Chan et al. and Pébay).
 */
class SurveyAccumulatorTest {
    private static Study henan;
    private static List<String> header;
    private static List<String[]> rows;
    private static Results reference;

    /** The example as UTF-8 (the file is GBK): the reference pass has no note on how its bytes were read. */
    @BeforeAll
    static void readHenan() {
        henan = StudyLoader.load(HenanExample.directory().resolve("study.yaml"));
        CsvRowSource source = CsvRowSource.of(henan.data());
        List<String[]> read = new ArrayList<>();
        source.forEachRow((line, cells) -> read.add(cells.clone()));
        header = source.header();
        rows = read;
        reference = SurveyAnalysis.run(henan);
    }

    private static SurveyAccumulator part(int from, int to, String name, boolean typed) {
        SurveyAccumulator part = SurveyAccumulator.create(henan, header, "responses.csv", name);
        for (String[] row : rows.subList(from, to)) {
            part.add(typed ? typed(row) : row);
        }
        return part;
    }

    /** The row as a Dataset with inferred types would hold it: whole numbers as Integer. */
    private static Object[] typed(String[] row) {
        Object[] cells = new Object[row.length];
        for (int i = 0; i < row.length; i++) {
            cells[i] = row[i].matches("-?\\d{1,9}") ? (Object) Integer.valueOf(row[i]) : row[i];
        }
        return cells;
    }

    @Test
    void onePartInFileOrderGivesTheSameResultsJson() {
        Results one = part(0, rows.size(), null, false).finish();
        assertThat(ResultsAgreement.jsonWithoutProvenance(one))
                .isEqualTo(ResultsAgreement.jsonWithoutProvenance(reference));
        assertThat(one.provenance().dataFile()).isEqualTo("responses.csv");
    }

    @Test
    void numbersGivenAsNumbersGiveTheSameResultsAsTheirText() {
        Results typed = part(0, rows.size(), null, true).finish();
        assertThat(ResultsAgreement.jsonWithoutProvenance(typed))
                .isEqualTo(ResultsAgreement.jsonWithoutProvenance(reference));
    }

    @Test
    void partsMergedInOrderThroughTheirBytesAgreeWithinRounding() {
        int n = rows.size();
        int[] cuts = {0, 1, 97, 250, n};
        SurveyAccumulator merged = null;
        for (int p = 0; p + 1 < cuts.length; p++) {
            byte[] bytes = part(cuts[p], cuts[p + 1], "part " + p, p % 2 == 0).toBytes();
            SurveyAccumulator back = SurveyAccumulator.fromBytes(henan, bytes);
            merged = merged == null ? back : merged.merge(back);
        }
        assertThat(merged.rowsRead()).isEqualTo(reference.sample().read());
        assertThat(ResultsAgreement.differences(merged.finish(), reference, 1e-12)).isEmpty();

        // another tree over the same order: (0..97) + ((97..250) + (250..n))
        SurveyAccumulator right = part(97, 250, "b", false).merge(part(250, n, "c", false));
        SurveyAccumulator left = part(0, 97, "a", false);
        assertThat(ResultsAgreement.differences(left.merge(right).finish(), reference, 1e-12)).isEmpty();
    }

    @Test
    void theBytesOfAStateAreExactAndDeterministic() {
        SurveyAccumulator part = part(0, 200, "p", false);
        byte[] bytes = part.toBytes();
        assertThat(SurveyAccumulator.fromBytes(henan, bytes).toBytes()).isEqualTo(bytes);
        assertThat(part(0, 200, "p", false).toBytes()).isEqualTo(bytes);
        // compact: independent of the rows for rating-scale data
        assertThat(part(0, rows.size(), "p", false).toBytes().length).isLessThan(64 * 1024);
    }

    @Test
    void problemsNameThePartTheRowAndTheColumnAndComeTogether() {
        int hr1 = header.indexOf("HR1");
        SurveyAccumulator first = part(0, 100, "partition 0", false);
        SurveyAccumulator second = SurveyAccumulator.create(henan, header, "responses.parquet", "partition 1");
        for (int i = 100; i < 200; i++) {
            String[] row = rows.get(i).clone();
            if (i == 102) {
                row[hr1] = "6";
            }
            second.add((Object[]) row);
        }
        Object[] nan = typed(rows.get(200));
        nan[hr1] = Double.NaN;
        second.add(nan);
        second.add("too", "few", "cells");
        SurveyAccumulator merged = first.merge(SurveyAccumulator.fromBytes(henan, second.toBytes()));
        assertThatThrownBy(merged::finish).isInstanceOf(SurveyReportException.class)
                .hasMessageContaining("responses.parquet partition 1 row 3, column HR1: '6' is outside the scale 1–5")
                .hasMessageContaining("responses.parquet partition 1 row 101, column HR1: 'NaN' is not a number")
                .hasMessageContaining("responses.parquet partition 1 row 102: the row has 3 cells but there are "
                        + header.size() + " columns");
    }

    @Test
    void missingCodesThatAreNumbersAndNullsAreMissing() {
        int hr1 = header.indexOf("HR1");
        SurveyAccumulator part = part(0, rows.size(), null, true);
        Object[] withNull = typed(rows.get(0));
        withNull[hr1] = null;
        part.add(withNull);
        Object[] allNull = new Object[header.size()];
        part.add(allNull);
        assertThat(part.rowsRead()).isEqualTo(reference.sample().read() + 1);
        Results results = part.finish();
        assertThat(results.sample().excluded()).isEqualTo(reference.sample().excluded() + 1);
        assertThat(results.sample().missingByColumn().get("HR1"))
                .isEqualTo(reference.sample().missingByColumn().getOrDefault("HR1", 0L) + 1);
    }

    @Test
    void aStateIsReadOnlyForItsStudyAndFormat() {
        byte[] bytes = part(0, 50, "p", false).toBytes();
        List<String> fewer = new ArrayList<>(header);
        fewer.set(0, "respondent");
        byte[] otherColumns = SurveyAccumulator.create(henan, fewer, "x", null).toBytes();
        assertThatThrownBy(() -> SurveyAccumulator.fromBytes(henan, Arrays.copyOf(bytes, bytes.length - 9)))
                .isInstanceOf(SurveyReportException.class).hasMessageContaining("the accumulator state is damaged");
        assertThatThrownBy(() -> SurveyAccumulator.fromBytes(henan, "not a state".getBytes()))
                .isInstanceOf(SurveyReportException.class).hasMessageContaining("not a survey-report accumulator state");
        byte[] future = bytes.clone();
        future[7] = 9;
        assertThatThrownBy(() -> SurveyAccumulator.fromBytes(henan, future))
                .hasMessageContaining("format version 9");
        assertThatThrownBy(() -> part(0, 10, "a", false).merge(SurveyAccumulator.fromBytes(henan, otherColumns)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("different studies or columns");
        Study otherScale = new Study(henan.studyFile(), henan.title(), henan.language(), henan.data(),
                new io.github.surveyreport.core.study.Scale(1, 7), henan.labels(), henan.recode(), henan.constructs(),
                henan.overallReliability(), henan.efaFactors(), henan.cfa(), henan.regressions(), henan.differences(),
                henan.mediation(), henan.moderation(), henan.bootstrap(), henan.hypotheses(), henan.significance(),
                henan.profile());
        assertThatThrownBy(() -> SurveyAccumulator.fromBytes(otherScale, bytes))
                .isInstanceOf(SurveyReportException.class).hasMessageContaining("was made for another study");
    }

    /** A part accumulated under another version of the study (its hypotheses changed) merges as this study's. */
    @Test
    void aPartOfAnotherVersionOfTheStudyMerges() {
        Study reordered = henan.withReport(io.github.surveyreport.core.study.ReportLayout.of(List.of("reliability"),
                List.of()));
        Study withoutHypotheses = new Study(henan.studyFile(), "another title", henan.language(), henan.data(),
                henan.scale(), henan.labels(), henan.recode(), henan.constructs(), henan.overallReliability(),
                henan.efaFactors(), henan.cfa(), henan.regressions(), henan.differences(), henan.mediation(),
                henan.moderation(), henan.bootstrap(), List.of(), henan.significance(), henan.profile());
        SurveyAccumulator later = SurveyAccumulator.create(withoutHypotheses, header, "responses.csv", "b");
        rows.subList(100, rows.size()).forEach(r -> later.add((Object[]) r));
        SurveyAccumulator first = SurveyAccumulator.create(reordered, header, "responses.csv", "a");
        rows.subList(0, 100).forEach(r -> first.add((Object[]) r));
        Results merged = first.merge(later).finish();
        assertThat(merged.hypotheses()).hasSameSizeAs(reference.hypotheses());
        assertThat(ResultsAgreement.differences(merged, reference, 1e-12)).isEmpty();
    }

    /** A study travels to Spark executors by Java serialization; its paths are written as text. */
    @Test
    void aStudyIsSerializable() throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(henan);
        }
        try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(
                new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(in.readObject()).isEqualTo(henan);
        }
    }
}
