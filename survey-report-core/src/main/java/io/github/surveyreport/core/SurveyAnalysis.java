package io.github.surveyreport.core;

import io.github.surveyreport.core.data.CsvRowSource;
import io.github.surveyreport.core.data.DataFormat;
import io.github.surveyreport.core.data.SavRowSource;
import io.github.surveyreport.core.data.XlsRowSource;
import io.github.surveyreport.core.data.XlsxRowSource;
import io.github.surveyreport.core.study.DataSpec;
import io.github.surveyreport.core.data.RowSource;
import io.github.surveyreport.core.internal.EngineVersion;
import io.github.surveyreport.core.internal.StudyPass;
import io.github.surveyreport.core.internal.Digests;
import io.github.surveyreport.core.results.Provenance;
import io.github.surveyreport.core.results.Results;
import io.github.surveyreport.core.results.StatisticsResults;
import io.github.surveyreport.core.study.Study;
import io.github.surveyreport.core.study.StudyLoader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The engine's entry point: runs every analysis of a study in one pass over its data and
 * returns the immutable {@link Results}. Needs no Maven:
 *
 * <pre>{@code
 * Results results = SurveyAnalysis.run(Path.of("src/survey/study.yaml"));
 * double alpha = results.reliability().overall().alpha();
 * ResultsJson.write(results, Path.of("target/results.json"));
 * }</pre>
 *
 * Every method throws a {@link SurveyReportException} whose message names what to fix when the
 * study file, the data or an analysis is not usable. Instances are not needed; all methods are
 * thread-safe.
 */
public final class SurveyAnalysis {
    private SurveyAnalysis() {
    }

    /** Loads a study file, reads the data it names and analyses them. */
    public static Results run(Path studyFile) {
        return run(StudyLoader.load(studyFile));
    }

    /**
     * Reads the data a study names and analyses them. The format (CSV, Excel workbook, SPSS
     * system file) is {@code data.format}, or recognised from the file's first bytes.
     */
    public static Results run(Study study) {
        DataFormat format = DataFormat.of(study.data());
        if (format == DataFormat.SAV) {
            return runSav(study);
        }
        if (format == DataFormat.XLSX || format == DataFormat.XLS) {
            return runWorkbook(study, format);
        }
        CsvRowSource source = CsvRowSource.of(study.data());
        StudyPass.Outcome outcome;
        try {
            outcome = new StudyPass(study, source, study.data().file()).run();
        } catch (RuntimeException e) {
            if (!CsvRowSource.isNotUtf8Signal(e)) {
                throw e;
            }
            // Strict UTF-8 failed on a file without BOM: read it again as GB18030 (Excel on Chinese Windows).
            source = CsvRowSource.readAsFallback(source);
            outcome = new StudyPass(study, source, study.data().file()).run();
        }
        Provenance provenance = new Provenance(
                study.studyFile() == null ? null : study.studyFile().getFileName().toString(),
                study.studyFile() == null ? null : Digests.sha256(study.studyFile()),
                source.name(), source.sha256(), source.charset().name(), printable(source.delimiter()),
                EngineVersion.get());
        return assemble(outcome, provenance);
    }

    private static Results runWorkbook(Study study, DataFormat format) {
        Path file = study.data().file();
        // workbook cells hold numbers, not text: a decimal comma does not apply to them
        DataSpec spec = study.data();
        Study cells = !spec.decimalComma() ? study : study.withData(new DataSpec(spec.file(), spec.encoding(),
                spec.delimiter(), spec.missing(), false, spec.format(), spec.sheet()));
        if (format == DataFormat.XLSX) {
            try (XlsxRowSource source = new XlsxRowSource(file, spec.sheet())) {
                StudyPass.Outcome outcome = new StudyPass(cells, source, file).run();
                return assemble(outcome, workbookProvenance(study, source.name(), source.sha256(), "xlsx",
                        source.sheet()));
            }
        }
        try (XlsRowSource source = new XlsRowSource(file, spec.sheet())) {
            StudyPass.Outcome outcome = new StudyPass(cells, source, file).run();
            return assemble(outcome, workbookProvenance(study, source.name(), source.sha256(), "xls",
                    source.sheet()));
        }
    }

    private static Provenance workbookProvenance(Study study, String name, String sha256, String format,
                                                 String sheet) {
        return new Provenance(study.studyFile() == null ? null : study.studyFile().getFileName().toString(),
                study.studyFile() == null ? null : Digests.sha256(study.studyFile()), name, sha256, null, null,
                EngineVersion.get(), format, sheet, null);
    }

    private static Results runSav(Study study) {
        Path file = study.data().file();
        try (SavRowSource source = new SavRowSource(file)) {
            StudyPass.Outcome outcome = new StudyPass(study, source, file).run();
            Map<String, Map<String, Long>> applied = new LinkedHashMap<>();
            source.userMissingCounts().forEach((column, counts) -> {
                if (!counts.isEmpty()) {
                    applied.put(column, counts);
                }
            });
            Provenance provenance = new Provenance(
                    study.studyFile() == null ? null : study.studyFile().getFileName().toString(),
                    study.studyFile() == null ? null : Digests.sha256(study.studyFile()),
                    source.name(), Digests.sha256(file), source.encoding().name(), null, EngineVersion.get(), "sav",
                    null, applied);
            return assemble(outcome, provenance);
        }
    }

    /**
     * The study with the labels its data file carries (an SPSS file's variable labels, the item
     * wording) for columns the study file does not label: the study's {@code labels} come first,
     * then the file's, then the column name. For a CSV file the study itself.
     */
    public static Study withFileLabels(Study study) {
        if (DataFormat.of(study.data()) != DataFormat.SAV) {
            return study;
        }
        Map<String, String> labels = new LinkedHashMap<>();
        try (SavRowSource source = new SavRowSource(study.data().file())) {
            source.variableLabels().forEach((column, label) -> {
                if (label != null && !label.isBlank()) {
                    labels.put(column, label);
                }
            });
        }
        labels.putAll(study.labels());
        return study.withLabels(labels);
    }

    /**
     * Analyses rows the caller already holds (for example from a database), with the study's
     * data section used only for its missing-value codes and decimal separator.
     */
    public static Results run(Study study, RowSource rows) {
        StudyPass.Outcome outcome = new StudyPass(study, rows, null).run();
        Provenance provenance = new Provenance(
                study.studyFile() == null ? null : study.studyFile().getFileName().toString(),
                study.studyFile() == null ? null : Digests.sha256(study.studyFile()),
                rows.name(), null, null, null, EngineVersion.get());
        return assemble(outcome, provenance);
    }

    static Results assemble(StudyPass.Outcome outcome, Provenance provenance) {
        StatisticsResults s = outcome.statistics();
        return new Results(outcome.sample(), s.reliability(), s.factorability(), s.efa(), s.cfa(), s.commonMethod(),
                s.correlations(),
                s.descriptives(), s.differences(), s.regressions(), s.mediation(), s.moderation(), s.bootstrap(),
                s.hypotheses(), outcome.warnings(), provenance, null, null);
    }

    private static String printable(char delimiter) {
        return delimiter == '\t' ? "\\t" : String.valueOf(delimiter);
    }
}
