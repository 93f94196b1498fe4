package io.github.surveyreport.spark;

import io.github.surveyreport.core.SurveyAnalysis;
import io.github.surveyreport.core.results.Results;
import io.github.surveyreport.core.study.StudyLoader;
import io.github.surveyreport.core.testing.HenanExample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The spark-submit application ({@link SurveyReportJob}) as the docs run it, in the tests'
 * local session: the Chinese example written as Parquet by Spark, read back, analysed, gated
 * and written as results.json and reports.
 */
class SurveyReportJobTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return SurveyReportJob.run(LocalSpark.session(), args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void readsParquetAndWritesTheReportsWithTheGatesVerdict() throws IOException {
        Path henan = HenanExample.directory();
        Path parquet = dir.resolve("responses.parquet");
        LocalSpark.session().read().option("header", "true").csv(henan.resolve("responses.csv").toString())
                .coalesce(1).write().parquet(parquet.toString());
        Path report = dir.resolve("report");

        int status = run(henan.resolve("study.yaml").toString(), parquet.toString(), report.toString(),
                "--formats", "json,html,pdf,docx");

        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("The quality gate passed")
                .contains("wrote " + report.resolve("report.docx"));
        assertThat(Files.readString(report.resolve("report.pdf"), StandardCharsets.ISO_8859_1)).startsWith("%PDF-");
        assertThat(Files.size(report.resolve("report.docx"))).isPositive();
        Results plugin = SurveyAnalysis.run(StudyLoader.load(henan.resolve("study.yaml")));
        String json = Files.readString(report.resolve("results.json"));
        assertThat(json).contains("\"dataFile\" : \"responses.parquet\"")
                .contains("\"n\" : " + plugin.sample().n() + ",");
    }

    @Test
    void aUsageOrInputProblemIsAMessageAndStatusOne() {
        assertThat(run("study.yaml")).isEqualTo(SurveyReportJob.PROBLEM);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("expected a study file, an input and an output "
                + "directory").contains("usage: SurveyReportJob");
        err.reset();
        assertThat(run(HenanExample.directory().resolve("study.yaml").toString(), dir.resolve("none.parquet").toString(),
                dir.resolve("out").toString())).isEqualTo(SurveyReportJob.PROBLEM);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Cannot read " + dir.resolve("none.parquet")
                + " as parquet");
        err.reset();
        assertThat(run("a", "b", "c", "--formats", "rtf")).isEqualTo(SurveyReportJob.PROBLEM);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Unknown report format 'rtf'");
    }
}
