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
import java.util.Set;
import org.apache.maven.plugin.AbstractMojo;
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
public class AnalyzeMojo extends AbstractMojo {

    /** The study file. Default: {@code ${project.basedir}/src/survey/study.yaml}. */
    @Parameter(property = "surveyReport.study")
    private File study;

    /** Where results.json (and the reports) are written. */
    @Parameter(property = "surveyReport.outputDirectory", defaultValue = "${project.build.directory}/survey-report")
    private File outputDirectory;

    /** Skips the analysis. */
    @Parameter(property = "surveyReport.skip", defaultValue = "false")
    private boolean skip;

    /** Whether a failed quality check fails the build (otherwise it is logged as a warning). */
    @Parameter(property = "surveyReport.failOnViolation", defaultValue = "true")
    private boolean failOnViolation;

    /**
     * Limits of the quality gate; each may be a number or {@code off}. Defaults: minAlpha 0.70,
     * minItemTotalCorrelation 0.30, minKmo 0.60, maxBartlettP 0.05, minLoading 0.50,
     * maxCrossLoading off, maxVif 10, maxModelP 0.05, requireSupportedHypotheses true.
     */
    @Parameter
    private ThresholdsConfig thresholds;

    /** Which outputs to write: any of {@code json}, {@code html}, {@code pdf}. */
    @Parameter(property = "surveyReport.formats", defaultValue = "json,html,pdf")
    private List<String> formats;

    /**
     * A directory of FreeMarker templates that override (or add to) the bundled ones of the
     * same name, e.g. {@code report.css} or {@code table-kmo.ftlx}.
     */
    @Parameter(property = "surveyReport.templateDirectory")
    private File templateDirectory;

    /**
     * TrueType fonts for the PDF ({@code .ttf}, {@code .ttc}; a collection face as {@code file,1}),
     * first the one for CJK text. Default: discovered in the operating system's font directories.
     */
    @Parameter
    private List<String> fonts;

    /** Decimals of the numbers in the report tables. */
    @Parameter(property = "surveyReport.decimals", defaultValue = "3")
    private int decimals;

    /** Loadings below this magnitude are left blank in the rotated component matrix. */
    @Parameter(property = "surveyReport.loadingCutoff", defaultValue = "0.50")
    private double loadingCutoff;

    /** The PDF's date, for reproducible bytes. */
    @Parameter(defaultValue = "${project.build.outputTimestamp}")
    private String outputTimestamp;

    @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
    private File basedir;

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
            Thresholds limits = thresholds == null ? Thresholds.defaults() : Thresholds.of(thresholds.asMap());
            Study parsed = StudyLoader.load(studyFile);
            ReportRenderer renderer = null;
            if (outputs.contains(OutputFormat.HTML) || outputs.contains(OutputFormat.PDF)) {
                renderer = new ReportRenderer(ReportSettings.options(templateDirectory, fonts, decimals, loadingCutoff,
                        outputTimestamp, basedir), getLog()::warn);
            }
            Results analysed = SurveyAnalysis.run(parsed);
            results = analysed.withChecks(new QualityGate(limits).evaluate(parsed, analysed));
            logSummary(results);
            // outputs before the verdict: the report is most needed when the gate fails
            if (outputs.contains(OutputFormat.JSON)) {
                ResultsJson.write(results, directory.resolve(OutputFormat.JSON.fileName()));
            }
            if (outputs.contains(OutputFormat.HTML)) {
                renderer.writeHtml(parsed, results, directory.resolve(OutputFormat.HTML.fileName()));
            }
            if (outputs.contains(OutputFormat.PDF)) {
                renderer.writePdf(parsed, results, directory.resolve(OutputFormat.PDF.fileName()));
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
        if (study == null) {
            Path defaultStudy = basedir.toPath().resolve("src/survey/study.yaml");
            if (!defaultStudy.toFile().isFile()) {
                getLog().info("No study file at " + defaultStudy + "; skipping survey analysis");
                return null;
            }
            return defaultStudy;
        }
        if (!study.isFile()) {
            throw new MojoExecutionException("The study file " + study + " (surveyReport.study) does not exist");
        }
        return study.toPath();
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
