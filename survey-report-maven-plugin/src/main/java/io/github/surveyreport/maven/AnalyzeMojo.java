package io.github.surveyreport.maven;

import io.github.surveyreport.core.SurveyAnalysis;
import io.github.surveyreport.core.SurveyReportException;
import io.github.surveyreport.core.gate.QualityGate;
import io.github.surveyreport.core.gate.Thresholds;
import io.github.surveyreport.core.report.ReportFiles;
import io.github.surveyreport.core.report.format.RenderedReport;
import io.github.surveyreport.core.report.format.ReportFormat;
import io.github.surveyreport.core.report.format.ReportFormats;
import io.github.surveyreport.core.results.Check;
import io.github.surveyreport.core.results.Results;
import io.github.surveyreport.core.study.Study;
import io.github.surveyreport.core.study.StudyFileException;
import io.github.surveyreport.core.study.StudyLoader;
import java.io.File;
import java.util.Arrays;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Runs the statistics of the questionnaire study described by a study file over its survey
 * data, writes {@code results.json}, {@code report.html}, {@code report.pdf} and
 * {@code report.docx} (and, if asked, {@code report.tex}) into the output directory, then checks the results against the quality gate's thresholds: each violation is
 * logged on one line and fails the build (unless {@code failOnViolation} is false), as
 * {@code jacoco:check} does for coverage. Bad input stops the build with a message naming the
 * file, line, column, value or key.
 *
 * <p>A module without the default study file is skipped, so the plugin can be configured once
 * in a parent pom.
 */
@Mojo(name = "analyze", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class AnalyzeMojo extends AbstractSurveyMojo {

    /** Where results.json and the reports are written. */
    @Parameter(property = "surveyReport.outputDirectory", defaultValue = "${project.build.directory}/survey-report")
    private File outputDirectory;

    /** Whether a failed quality check fails the build (otherwise it is logged as a warning). */
    @Parameter(property = "surveyReport.failOnViolation", defaultValue = "true")
    private boolean failOnViolation;

    /** Which outputs to write: any of {@code json}, {@code html}, {@code pdf}, {@code docx}, {@code latex}. */
    @Parameter(property = "surveyReport.formats", defaultValue = "json,html,pdf,docx")
    private List<String> formats;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping survey analysis (surveyReport.skip)");
            return;
        }
        Path studyFile = resolveStudy();
        if (studyFile == null) {
            return;
        }
        Set<OutputFormat> outputs = OutputFormat.parse(formats);
        Results results;
        Path directory = outputDirectory.toPath();
        // every file this goal can write, also those of formats not asked for this time
        ReportFiles files = new ReportFiles(directory,
                Arrays.stream(OutputFormat.values()).map(OutputFormat::fileName).toList());
        try {
            // first: a run that fails must not leave the previous run's outputs looking current
            files.clear();
            // the data file's own labels (an SPSS file's variable labels) where the study gives none
            Study parsed = SurveyAnalysis.withFileLabels(loadStudyAndLimits(studyFile));
            Thresholds limits = limits();
            Results analysed = SurveyAnalysis.run(parsed);
            results = analysed.withChecks(new QualityGate(limits).evaluate(parsed, analysed));
            logSummary(results);
            // every output rendered in memory, then written as one set; before the verdict: the
            // report is most needed when the gate fails
            List<ReportFormat> chosen = outputs.stream().map(OutputFormat::format).toList();
            Map<String, byte[]> contents = ReportFormats.render(chosen,
                    new RenderedReport(parsed, results, reportOptions(), Map.of(), getLog()::warn));
            files.writeAll(contents);
            for (OutputFormat format : outputs) {
                getLog().info("Survey report: " + directory.resolve(format.fileName()));
            }
        } catch (SurveyReportException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
        enforceGate(results, directory.resolve(outputs.contains(OutputFormat.HTML) ? OutputFormat.HTML.fileName()
                : outputs.contains(OutputFormat.PDF) ? OutputFormat.PDF.fileName() : OutputFormat.JSON.fileName()));
    }

    /**
     * The study file and the gate's configuration, with the problems of both reported together,
     * so that fixing one does not merely reveal the other.
     */
    private Study loadStudyAndLimits(Path studyFile) throws MojoExecutionException {
        String thresholdProblems = null;
        try {
            limits();
        } catch (SurveyReportException e) {
            thresholdProblems = e.getMessage();
        }
        Study parsed;
        try {
            parsed = StudyLoader.load(studyFile);
        } catch (StudyFileException e) {
            if (thresholdProblems == null) {
                throw e;
            }
            throw new MojoExecutionException(thresholdProblems + System.lineSeparator() + e.getMessage(), e);
        }
        if (thresholdProblems != null) {
            throw new MojoExecutionException(thresholdProblems);
        }
        return parsed;
    }

    private void enforceGate(Results results, Path report) throws MojoFailureException {
        List<Check> failed = results.checks().stream().filter(check -> !check.passed()).toList();
        if (failed.isEmpty()) {
            getLog().info("Quality gate: all " + results.checks().size() + " checks passed");
            return;
        }
        for (Check check : failed) {
            if (failOnViolation) {
                getLog().error(check.message());
            } else {
                getLog().warn(check.message());
            }
        }
        String summary = failed.size() + " of " + results.checks().size() + " quality checks failed; see " + report;
        if (failOnViolation) {
            throw new MojoFailureException(summary
                    + " (set surveyReport.failOnViolation=false to report without failing, or adjust <thresholds>)");
        }
        getLog().warn(summary + " (failOnViolation is false: the build goes on)");
    }

    /** The study file to use, or {@code null} (logged) when the default one does not exist. */
    private Path resolveStudy() throws MojoExecutionException {
        Path file = studyFile();
        if (file.toFile().isFile()) {
            return file;
        }
        if (studyIsDefault()) {
            getLog().info("No study file at " + file + "; skipping survey analysis");
            return null;
        }
        throw new MojoExecutionException("The study file " + file + " (surveyReport.study) does not exist");
    }

    private void logSummary(Results results) {
        var sample = results.sample();
        var provenance = results.provenance();
        getLog().info(String.format("Survey data %s (read as %s, delimiter '%s'): %d rows read, %d analysed, "
                + "%d excluded for missing values", provenance.dataFile(), provenance.encoding(),
                provenance.delimiter(), sample.read(), sample.n(), sample.excluded()));
        if (sample.emptyRows() > 0) {
            getLog().info(sample.emptyRows() + " empty lines (only delimiters) were skipped: they hold no response");
        }
        for (String warning : results.warnings()) {
            getLog().warn(warning);
        }
    }
}
