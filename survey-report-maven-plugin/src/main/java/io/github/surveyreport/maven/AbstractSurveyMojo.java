package io.github.surveyreport.maven;

import io.github.surveyreport.core.gate.Thresholds;
import io.github.surveyreport.core.report.ReportOptions;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Parameter;

/** The parameters the goals share: which study, which gate, how the reports look. */
abstract class AbstractSurveyMojo extends AbstractMojo {

    /** The study file. Default: {@code ${project.basedir}/src/survey/study.yaml}. */
    @Parameter(property = "surveyReport.study")
    protected File study;

    /**
     * Limits of the quality gate; each may be a number or {@code off}. Defaults: minAlpha 0.70,
     * minItemTotalCorrelation 0.30, minKmo 0.60, maxBartlettP 0.05, minLoading 0.50,
     * maxCrossLoading off, maxVif 10, maxModelP 0.05, requireSupportedHypotheses true.
     */
    @Parameter
    protected ThresholdsConfig thresholds;

    /**
     * A directory of FreeMarker templates that override (or add to) the bundled ones of the
     * same name, e.g. {@code report.css} or {@code table-kmo.ftlx}.
     */
    @Parameter(property = "surveyReport.templateDirectory")
    protected File templateDirectory;

    /**
     * TrueType fonts for the PDF ({@code .ttf}, {@code .ttc}; a collection face as {@code file,1}),
     * first the one for CJK text. Default: discovered in the operating system's font directories.
     */
    @Parameter
    protected List<String> fonts;

    /**
     * Decimals of the numbers in the report tables. Default: the language's, 2 in English (APA 7)
     * and 3 in Chinese; p values always have at least three.
     */
    @Parameter(property = "surveyReport.decimals")
    protected Integer decimals;

    /**
     * Whether a short paragraph under each table states its result in words (the results
     * narrative), e.g. "The model explained 58.7% of the variance in HD, F(4, 380) = 135.23, p &lt; .001".
     */
    @Parameter(property = "surveyReport.narrative", defaultValue = "true")
    protected boolean narrative = true;

    /**
     * How values bounded by 1 (α, r, β, R², p) are written: {@code apa} without a leading zero
     * ({@code .55}, APA 7) or {@code leading-zero} ({@code 0.55}, as many Chinese journals).
     */
    @Parameter(property = "surveyReport.style", defaultValue = "apa")
    protected String style;

    /** Loadings below this magnitude are left blank in the rotated component matrix. */
    @Parameter(property = "surveyReport.loadingCutoff", defaultValue = "0.50")
    protected double loadingCutoff;

    /** The PDF's date, for reproducible bytes. */
    @Parameter(defaultValue = "${project.build.outputTimestamp}")
    protected String outputTimestamp;

    /** Skips the goal. */
    @Parameter(property = "surveyReport.skip", defaultValue = "false")
    protected boolean skip;

    @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
    protected File basedir;

    /** The study file configured, or the default one (which may not exist). */
    protected Path studyFile() {
        return study != null ? study.toPath() : basedir.toPath().resolve("src/survey/study.yaml");
    }

    /** Whether the study file is the default one, whose absence means "no survey here". */
    protected boolean studyIsDefault() {
        return study == null;
    }

    /** The gate's limits: the defaults with what the pom sets. */
    protected Thresholds limits() {
        return thresholds == null ? Thresholds.defaults() : Thresholds.of(thresholds.asMap());
    }

    private ReportOptions.NumberStyle numberStyle() throws MojoExecutionException {
        try {
            return ReportOptions.NumberStyle.parse(style);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("Invalid report settings: " + e.getMessage() + " (surveyReport.style)");
        }
    }

    /** How the reports are rendered. */
    protected ReportOptions reportOptions() throws MojoExecutionException {
        return ReportSettings.options(templateDirectory, fonts,
                decimals == null ? ReportOptions.LANGUAGE_DECIMALS : decimals, loadingCutoff, outputTimestamp, basedir)
                .withNarrative(narrative).withStyle(numberStyle());
    }
}
