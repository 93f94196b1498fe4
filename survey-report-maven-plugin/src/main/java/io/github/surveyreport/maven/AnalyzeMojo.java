package io.github.surveyreport.maven;

import io.github.surveyreport.core.ResultsJson;
import io.github.surveyreport.core.SurveyAnalysis;
import io.github.surveyreport.core.SurveyReportException;
import io.github.surveyreport.core.gate.QualityGate;
import io.github.surveyreport.core.gate.Thresholds;
import io.github.surveyreport.core.report.ReportRenderer;
import io.github.surveyreport.core.results.Check;
import io.github.surveyreport.core.results.Results;
import io.github.surveyreport.core.study.Study;
import io.github.surveyreport.core.study.StudyLoader;
import java.io.File;
import java.io.IOException;
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
 * data, writes {@code results.json}, {@code report.html} and {@code report.pdf} into the output
 * directory, then checks the results against the quality gate's thresholds: each violation is
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

    /** Which outputs to write: any of {@code json}, {@code html}, {@code pdf}. */
    @Parameter(property = "surveyReport.formats", defaultValue = "json,html,pdf")
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
        try {
            Thresholds limits = limits();
            Study parsed = StudyLoader.load(studyFile);
            ReportRenderer renderer = null;
            if (outputs.contains(OutputFormat.HTML) || outputs.contains(OutputFormat.PDF)) {
                renderer = new ReportRenderer(reportOptions(), getLog()::warn);
            }
            Results analysed = SurveyAnalysis.run(parsed);
            results = analysed.withChecks(new QualityGate(limits).evaluate(parsed, analysed));
            logSummary(results);
            // outputs before the verdict: the report is most needed when the gate fails
            if (outputs.contains(OutputFormat.JSON)) {
                ResultsJson.write(results, directory.resolve(OutputFormat.JSON.fileName()));
            }
            Path html = directory.resolve(OutputFormat.HTML.fileName());
            Path pdf = directory.resolve(OutputFormat.PDF.fileName());
            if (outputs.contains(OutputFormat.HTML) && outputs.contains(OutputFormat.PDF)) {
                renderer.writeHtmlAndPdf(parsed, results, Map.of(), html, pdf);
            } else if (outputs.contains(OutputFormat.HTML)) {
                renderer.writeHtml(parsed, results, html);
            } else if (outputs.contains(OutputFormat.PDF)) {
                renderer.writePdf(parsed, results, pdf);
            }
            for (OutputFormat format : outputs) {
                getLog().info("Survey report: " + directory.resolve(format.fileName()));
            }
        } catch (SurveyReportException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot write the survey report into " + outputDirectory + ": "
                    + e.getMessage(), e);
        }
        enforceGate(results, directory.resolve(outputs.contains(OutputFormat.HTML) ? OutputFormat.HTML.fileName()
                : outputs.contains(OutputFormat.PDF) ? OutputFormat.PDF.fileName() : OutputFormat.JSON.fileName()));
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
