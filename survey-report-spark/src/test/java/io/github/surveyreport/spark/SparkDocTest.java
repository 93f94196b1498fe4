package io.github.surveyreport.spark;

import io.github.surveyreport.core.testing.DocBlocks;
import io.github.surveyreport.core.testing.DocBlocks.Block;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Spark page (site/src/site/markdown/spark.md) as a reader uses it, in a copy of the English
 * example's directory with its responses written as Parquet: the Java program compiles against
 * this module and runs (a JVM of its own, {@code -Dspark.master=local[2]}); the spark-submit
 * command's application arguments run through {@link SurveyReportJob}; the versions shown are
 * the build's.
 */
class SparkDocTest {
    private static final Path PAGE = DocBlocks.ROOT.resolve("site/src/site/markdown/spark.md");

    @TempDir
    static Path study;

    private static List<Block> blocks;

    @BeforeAll
    static void englishExampleWithParquet() throws IOException {
        blocks = DocBlocks.blocks(PAGE);
        Path survey = Files.createDirectories(study.resolve("src/survey"));
        Path example = DocBlocks.ROOT.resolve("examples/tam/src/survey");
        Files.copy(example.resolve("study.yaml"), survey.resolve("study.yaml"));
        LocalSpark.session().read().option("header", "true").csv(example.resolve("responses.csv").toString())
                .coalesce(1).write().parquet(study.resolve("responses.parquet").toString());
    }

    @Test
    void theVersionsShownAreTheBuilds() {
        String pom = blocks.stream().filter(b -> b.language().equals("xml")).map(Block::code).findFirst().orElseThrow();
        assertThat(pom).contains("<artifactId>spark-sql_2.13</artifactId>\n  <version>"
                + System.getProperty("spark.version") + "</version>");
        assertThat(pom).contains("<artifactId>survey-report-spark</artifactId>\n  <version>"
                + System.getProperty("project.version") + "</version>");
    }

    @Test
    void theJavaProgramCompilesAndRuns() throws Exception {
        List<Block> java = blocks.stream().filter(b -> b.language().equals("java")).toList();
        assertThat(java).hasSize(1);
        Path work = Files.createTempDirectory("spark-doc");
        String classPath = DocBlocks.testClassPath();
        String main = DocBlocks.compile(java.get(0), work.resolve("classes"), classPath);

        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // the same --add-opens as this JVM (what spark-submit adds on Java 17)
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("--add-opens") || a.startsWith("-Dio.netty") || a.startsWith("-Djdk.reflect"))
                .forEach(command::add);
        command.addAll(List.of("-Dspark.master=local[2]", "-Dspark.ui.enabled=false",
                "-Dspark.driver.host=127.0.0.1", "-Dspark.driver.bindAddress=127.0.0.1",
                "-cp", work.resolve("classes") + File.pathSeparator + classPath, main));
        Path log = work.resolve("run.log");
        Process process = new ProcessBuilder(command).directory(study.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        assertThat(process.waitFor(300, TimeUnit.SECONDS)).as("the program finishes").isTrue();
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("n = 354");
        assertThat(study.resolve("target/results.json")).isNotEmptyFile();
    }

    @Test
    void theSparkSubmitCommandsArgumentsRunTheJob() throws IOException {
        String script = blocks.stream().filter(b -> b.language().equals("sh") && b.code().contains("spark-submit"))
                .map(Block::code).findFirst().orElseThrow();
        List<String> words = words(script.replace("\\\n", " "));
        assertThat(words.subList(0, 1)).containsExactly("spark-submit");
        int jar = words.indexOf("survey-report-spark-" + System.getProperty("project.version") + "-all.jar");
        assertThat(jar).as("the application jar of this version in " + words).isPositive();
        assertThat(String.join(" ", words.subList(0, jar)))
                .contains("--class " + SurveyReportJob.class.getName());
        List<String> args = new ArrayList<>();
        for (String arg : words.subList(jar + 1, words.size())) {
            args.add(arg.startsWith("--") ? arg : study.resolve(arg).toString()); // relative to the study's directory
        }
        int status = SurveyReportJob.run(LocalSpark.session(), args.toArray(String[]::new), System.out, System.err);
        assertThat(status).isZero();
        for (String file : List.of("results.json", "report.html", "report.pdf", "report.docx")) {
            assertThat(study.resolve("target/survey-report").resolve(file)).isNotEmptyFile();
        }
    }

    /** A shell line's words, single or double quotes taken off. */
    private static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        Matcher m = Pattern.compile("'([^']*)'|\"([^\"]*)\"|(\\S+)").matcher(line);
        while (m.find()) {
            words.add(m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3));
        }
        return words;
    }
}
