package io.github.surveyreport.maven;

import io.github.surveyreport.core.SurveyAnalysis;
import io.github.surveyreport.core.SurveyReportException;
import io.github.surveyreport.core.gate.QualityGate;
import io.github.surveyreport.core.gate.Thresholds;
import io.github.surveyreport.core.report.ReportFiles;
import io.github.surveyreport.core.report.format.RenderedReport;
import io.github.surveyreport.core.report.format.ReportFormats;
import io.github.surveyreport.core.results.Results;
import io.github.surveyreport.core.study.Study;
import io.github.surveyreport.core.study.StudyLoader;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Locale;
import org.apache.maven.doxia.sink.Sink;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.reporting.MavenReport;
import org.apache.maven.reporting.MavenReportException;

/**
 * Adds a "Survey report" page to {@code mvn site}: the same report the {@code analyze} goal
 * renders (from the same templates), inside the site's skin and navigation, with links to its
 * PDF, its Word file and {@code results.json} (written beside the page). The report's stylesheet is scoped to
 * the page's content ({@link SitePage}), so the skin's menus keep their look. Needs
 * maven-site-plugin 3.21.0 or later (Doxia 2). Also runs on its own:
 * {@code mvn survey-report:report} writes the standalone page (as {@code analyze}'s
 * {@code report.html}) into {@code target/reports/survey-report}.
 * A module without a study is left out of the site.
 *
 * <p>It implements the reporting API ({@link MavenReport}) directly rather than extending
 * maven-reporting-impl's {@code AbstractMavenReport}: the page is the templates' HTML handed to
 * the sink as raw text, which needs none of its Doxia rendering, and its dependencies (the Doxia
 * site renderer, Velocity, archivers) would make every build that loads this plugin,
 * {@code analyze} included, about 0.6 s slower.
 */
@Mojo(name = "report", defaultPhase = LifecyclePhase.SITE, threadSafe = true)
public class ReportMojo extends AbstractSurveyMojo implements MavenReport {
    /** The directory, under the site, the report is written to. */
    static final String DIRECTORY = "survey-report";

    /**
     * Where the report goes when the goal runs on its own (as maven-reporting-impl 4 does for
     * standalone reports: not into the site directory).
     */
    @Parameter(property = "surveyReport.reportDirectory", defaultValue = "${project.build.directory}/reports",
            required = true)
    private File outputDirectory;

    /** Set by the site plugin: the site's (or the locale's) output directory. */
    private File reportOutputDirectory;

    /** The analysis, done once however often (and for however many locales) the site asks. */
    private Analysis analysis;

    private record Analysis(Study study, Results results) {
    }

    /** Runs on its own: writes the report unless the module has no study. */
    @Override
    public void execute() throws MojoExecutionException {
        if (!canGenerateReport()) {
            return;
        }
        try {
            writeReport(null);
        } catch (MavenReportException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }

    /**
     * Called by the site plugin: the PDF and {@code results.json} are written beside the page,
     * the page's content goes to the sink, and the site renders it in its skin.
     */
    @Override
    public void generate(Sink sink, Locale locale) throws MavenReportException {
        writeReport(sink);
    }

    @Override
    public String getCategoryName() {
        return CATEGORY_PROJECT_REPORTS;
    }

    @Override
    public void setReportOutputDirectory(File directory) {
        this.reportOutputDirectory = directory;
    }

    @Override
    public File getReportOutputDirectory() {
        return reportOutputDirectory != null ? reportOutputDirectory : outputDirectory;
    }

    @Override
    public String getOutputName() {
        return DIRECTORY + "/index";
    }

    @Override
    public String getName(Locale locale) {
        return "Survey report";
    }

    @Override
    public String getDescription(Locale locale) {
        return "Statistics of the questionnaire study: reliability, validity, regression and hypotheses.";
    }

    @Override
    public boolean isExternalReport() {
        return false;
    }

    @Override
    public boolean canGenerateReport() {
        if (skip) {
            getLog().info("Skipping the survey report (surveyReport.skip)");
            return false;
        }
        Path file = studyFile();
        if (!file.toFile().isFile()) {
            getLog().info("No study file at " + file + "; no survey report");
            return false;
        }
        return true;
    }

    /** Writes the report; with a sink (a site), the page goes to the sink instead of index.html. */
    private void writeReport(Sink sink) throws MavenReportException {
        Path directory = getReportOutputDirectory().toPath().resolve(DIRECTORY);
        List<String> names = sink == null ? List.of("results.json", "index.html", "report.pdf", "report.docx")
                : List.of("results.json", "report.pdf", "report.docx");
        ReportFiles files = new ReportFiles(directory, names);
        try {
            files.clear();
            Analysis done = analyse();
            Map<String, String> downloads = new LinkedHashMap<>();
            downloads.put("PDF", ReportFormats.PDF.fileName());
            downloads.put("Word", ReportFormats.DOCX.fileName());
            downloads.put("results.json", ReportFormats.JSON.fileName());
            RenderedReport report = new RenderedReport(done.study(), done.results(), reportOptions(), downloads,
                    getLog()::warn);
            Map<String, byte[]> rendered = ReportFormats.render(List.of(ReportFormats.JSON, ReportFormats.HTML,
                    ReportFormats.PDF, ReportFormats.DOCX), report);
            Map<String, byte[]> contents = new LinkedHashMap<>();
            contents.put("results.json", rendered.get(ReportFormats.JSON.fileName()));
            if (sink == null) {
                contents.put("index.html", rendered.get(ReportFormats.HTML.fileName()));
            }
            contents.put("report.pdf", rendered.get(ReportFormats.PDF.fileName()));
            contents.put("report.docx", rendered.get(ReportFormats.DOCX.fileName()));
            files.writeAll(contents);
            if (sink != null) {
                SitePage page = SitePage.of(new String(rendered.get(ReportFormats.HTML.fileName()), StandardCharsets.UTF_8));
                sink.head();
                sink.title();
                sink.text(page.title);
                sink.title_();
                sink.head_();
                sink.body();
                sink.rawText(page.content);
                sink.body_();
                sink.flush();
            }
            getLog().info("Survey report: " + directory.resolve("index.html"));
        } catch (SurveyReportException | MojoExecutionException | IllegalArgumentException e) {
            throw new MavenReportException(e.getMessage(), e);
        }
    }

    private synchronized Analysis analyse() throws MojoExecutionException {
        if (analysis == null) {
            Thresholds limits = limits();
            Study parsed = SurveyAnalysis.withFileLabels(StudyLoader.load(studyFile()));
            Results results = SurveyAnalysis.run(parsed);
            analysis = new Analysis(parsed, results.withChecks(new QualityGate(limits).evaluate(parsed, results)));
        }
        return analysis;
    }
}
