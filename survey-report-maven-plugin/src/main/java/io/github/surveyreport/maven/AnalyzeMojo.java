package io.github.surveyreport.maven;

import io.github.surveyreport.core.ResultsJson;
import io.github.surveyreport.core.SurveyAnalysis;
import io.github.surveyreport.core.SurveyReportException;
import io.github.surveyreport.core.results.Results;
import io.github.surveyreport.core.study.Study;
import io.github.surveyreport.core.study.StudyLoader;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Runs the statistics of the questionnaire study described by a study file over its survey
 * data, and writes {@code results.json} into the output directory.
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
        try {
            Study parsed = StudyLoader.load(studyFile);
            Results results = SurveyAnalysis.run(parsed);
            Path json = outputDirectory.toPath().resolve("results.json");
            ResultsJson.write(results, json);
            logSummary(results, json);
        } catch (SurveyReportException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot write the survey report into " + outputDirectory + ": "
                    + e.getMessage(), e);
        }
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

    private void logSummary(Results results, Path json) {
        var sample = results.sample();
        var provenance = results.provenance();
        getLog().info(String.format("Survey data %s (read as %s, delimiter '%s'): %d rows read, %d analysed, "
                + "%d excluded for missing values", provenance.dataFile(), provenance.encoding(),
                provenance.delimiter(), sample.read(), sample.n(), sample.excluded()));
        for (String warning : results.warnings()) {
            getLog().warn(warning);
        }
        getLog().info("Survey results: " + json);
    }
}
