package io.github.surveyreport.spark;

import io.github.surveyreport.core.SurveyReportException;
import io.github.surveyreport.core.gate.QualityGate;
import io.github.surveyreport.core.gate.Thresholds;
import io.github.surveyreport.core.report.ReportFiles;
import io.github.surveyreport.core.report.ReportOptions;
import io.github.surveyreport.core.report.format.RenderedReport;
import io.github.surveyreport.core.report.format.ReportFormat;
import io.github.surveyreport.core.report.format.ReportFormats;
import io.github.surveyreport.core.results.Check;
import io.github.surveyreport.core.results.Results;
import io.github.surveyreport.core.study.Study;
import io.github.surveyreport.core.study.StudyLoader;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A ready-made Spark application: reads a study's responses (Parquet, ORC, CSV or JSON), runs
 * {@link SparkSurveyAnalysis}, checks the quality gate with the default thresholds and writes
 * results.json and the reports into a directory of the driver's file system, as the Maven
 * plugin's {@code analyze} and {@code check} goals do.
 *
 * <pre>
 * spark-submit --class io.github.surveyreport.spark.SurveyReportJob survey-report-spark-VERSION-all.jar \
 *     study.yaml s3a://panel/responses/ report/ [--input-format parquet] [--formats json,html,pdf,docx]
 * </pre>
 *
 * Exit status: 0 when the gate passes, 1 for a usage, data or analysis problem (the message
 * says what to fix), 2 when the gate fails (its checks are printed; the reports are written).
 */
public final class SurveyReportJob {
    /** Exit status of a gate that fails. */
    public static final int GATE_FAILED = 2;
    /** Exit status of a usage, data or analysis problem. */
    public static final int PROBLEM = 1;

    private static final String USAGE = "usage: SurveyReportJob <study.yaml> <input> <output-directory> "
            + "[--input-format parquet|orc|csv|json] [--formats json,html,pdf,docx,latex] [--name NAME]";

    private SurveyReportJob() {
    }

    /** Runs the job in the SparkSession that spark-submit configures, and exits with its status. */
    public static void main(String[] args) {
        SparkSession spark = SparkSession.builder().appName("survey-report").getOrCreate();
        int status;
        try {
            status = run(spark, args, System.out, System.err);
        } finally {
            spark.stop();
        }
        if (status != 0) {
            System.exit(status);
        }
    }

    /**
     * Runs the job in {@code spark}: reads, analyses, checks and writes; returns the exit status.
     * Messages go to {@code out} (the checks, the files written) and {@code err} (problems).
     */
    public static int run(SparkSession spark, String[] args, PrintStream out, PrintStream err) {
        Arguments arguments;
        try {
            arguments = Arguments.parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return PROBLEM;
        }
        try {
            Study study = StudyLoader.load(arguments.study());
            Dataset<Row> rows = read(spark, arguments);
            Results results = SparkSurveyAnalysis.run(study, rows, arguments.name());
            List<Check> checks = new QualityGate(Thresholds.defaults()).evaluate(study, results);
            Results gated = results.withChecks(checks);
            RenderedReport report = new RenderedReport(study, gated, ReportOptions.defaults(), Map.of(), err::println);
            new ReportFiles(arguments.output(), ReportFormats.fileNames())
                    .writeAll(ReportFormats.render(arguments.formats(), report));
            for (ReportFormat format : arguments.formats()) {
                out.println("wrote " + arguments.output().resolve(format.fileName()));
            }
            List<Check> failed = checks.stream().filter(c -> !c.passed()).toList();
            failed.forEach(c -> err.println(c.message()));
            if (!failed.isEmpty()) {
                err.println("The quality gate failed: " + failed.size() + " of " + checks.size() + " checks");
                return GATE_FAILED;
            }
            out.println("The quality gate passed: " + checks.size() + " checks, n = " + results.sample().n());
            return 0;
        } catch (SurveyReportException e) {
            err.println(e.getMessage());
            return PROBLEM;
        }
    }

    private static Dataset<Row> read(SparkSession spark, Arguments arguments) {
        DataFrameReader reader = spark.read().format(arguments.inputFormat());
        if (arguments.inputFormat().equals("csv")) {
            // cells stay text, so that they are read as the plugin reads a CSV file's cells
            reader = reader.option("header", "true").option("inferSchema", "false");
        }
        try {
            return reader.load(arguments.input());
        } catch (Exception e) { // AnalysisException (Scala, undeclared): the path or the format
            throw new SurveyReportException("Cannot read " + arguments.input() + " as " + arguments.inputFormat() + ": "
                    + e.getMessage(), e);
        }
    }

    /** The job's arguments. */
    record Arguments(Path study, String input, Path output, String inputFormat, List<ReportFormat> formats,
                     String name) {
        static Arguments parse(String[] args) {
            List<String> positional = new ArrayList<>();
            String inputFormat = null;
            String formats = ReportFormats.DEFAULT_NAMES;
            String name = null;
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                if (arg.startsWith("--")) {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException("the option " + arg + " needs a value");
                    }
                    String value = args[++i];
                    switch (arg) {
                        case "--input-format" -> inputFormat = value;
                        case "--formats" -> formats = value;
                        case "--name" -> name = value;
                        default -> throw new IllegalArgumentException("unknown option " + arg);
                    }
                } else {
                    positional.add(arg);
                }
            }
            if (positional.size() != 3) {
                throw new IllegalArgumentException("expected a study file, an input and an output directory, got "
                        + positional.size() + " arguments " + positional);
            }
            String input = positional.get(1);
            if (inputFormat == null) {
                inputFormat = guessFormat(input);
            }
            if (!List.of("parquet", "orc", "csv", "json").contains(inputFormat)) {
                throw new IllegalArgumentException("unknown input format '" + inputFormat
                        + "'; use parquet, orc, csv or json");
            }
            List<ReportFormat> parsed = ReportFormats.parse(List.of(formats)); // names the unknown one
            if (parsed.isEmpty()) {
                throw new IllegalArgumentException("--formats names no format");
            }
            String shortName = name != null ? name : input.replaceAll("/+$", "").replaceAll(".*/", "");
            return new Arguments(Path.of(positional.get(0)), input, Path.of(positional.get(2)), inputFormat, parsed,
                    shortName);
        }

        /** The format an input's name suggests; Parquet, Spark's own default, otherwise. */
        private static String guessFormat(String input) {
            String lower = input.toLowerCase(java.util.Locale.ROOT).replaceAll("/+$", "");
            for (String format : List.of("orc", "csv", "json")) {
                if (lower.endsWith("." + format)) {
                    return format;
                }
            }
            return "parquet";
        }
    }
}
