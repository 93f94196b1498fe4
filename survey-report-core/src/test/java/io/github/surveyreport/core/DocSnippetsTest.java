package io.github.surveyreport.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.surveyreport.core.gate.Thresholds;
import io.github.surveyreport.core.results.Results;
import io.github.surveyreport.core.testing.DocBlocks;
import io.github.surveyreport.core.testing.DocBlocks.Block;
import java.io.File;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * The code blocks of the README and the site's pages, as a reader copies them: every Java block
 * is a complete program that compiles against the core and runs (in a copy of the English
 * example's directory); every XML block is well-formed; the README's complete pom is the English
 * example's pom (which the example-tam and file-repository ITs build); the thresholds shown are
 * the defaults; every study file shown is analysed.
 */
class DocSnippetsTest {
    static final Path ROOT = DocBlocks.ROOT;

    static List<Path> documents() throws IOException {
        List<Path> docs = new ArrayList<>();
        docs.add(ROOT.resolve("README.md"));
        docs.add(ROOT.resolve("examples/tam/README.md"));
        try (Stream<Path> pages = Files.list(ROOT.resolve("site/src/site/markdown"))) {
            pages.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
        }
        return docs;
    }

    static List<Block> blocks(Path file) throws IOException {
        return DocBlocks.blocks(file);
    }

    static List<Block> allBlocks(String language) throws IOException {
        List<Block> all = new ArrayList<>();
        for (Path doc : documents()) {
            blocks(doc).stream().filter(b -> b.language().equals(language)).forEach(all::add);
        }
        return all;
    }

    @TestFactory
    Stream<DynamicTest> javaBlocksCompileAndRun() throws IOException {
        // spark.md's programs need Spark: survey-report-spark's SparkDocTest compiles and runs them
        List<Block> java = allBlocks("java").stream()
                .filter(b -> !b.file().getFileName().toString().equals("spark.md")).toList();
        assertThat(java).as("Java blocks in README.md and embedding.md").hasSizeGreaterThanOrEqualTo(2);
        return java.stream().map(b -> DynamicTest.dynamicTest(b.where(), () -> compileAndRun(b)));
    }

    static void compileAndRun(Block block) throws Exception {
        Path dir = Files.createTempDirectory("doc-snippet");
        Path classes = dir.resolve("classes");
        String classPath = classPath();
        String className = DocBlocks.compile(block, classes, classPath);

        if (!block.code().contains("public static void main(")) {
            return;
        }
        // run it in a copy of the English example, as a researcher would run it in the study's directory
        Path work = Files.createDirectories(dir.resolve("study/src/survey"));
        for (String file : List.of("study.yaml", "responses.csv")) {
            Files.copy(ROOT.resolve("examples/tam/src/survey/" + file), work.resolve(file));
        }
        Path javaCommand = Path.of(System.getProperty("java.home"), "bin", "java");
        Path log = dir.resolve("run.log");
        Process process = new ProcessBuilder(javaCommand.toString(), "-cp", classes + File.pathSeparator + classPath,
                className)
                .directory(dir.resolve("study").toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        assertThat(process.waitFor(180, TimeUnit.SECONDS)).as("%s finishes", block.where()).isTrue();
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as("%s exit code; output:\n%s", block.where(), output).isZero();
        assertThat(output).contains("n = 354");
        assertThat(dir.resolve("study/target/results.json")).isNotEmptyFile();
        assertThat(Files.readAllBytes(dir.resolve("study/target/report.pdf"))).startsWith("%PDF".getBytes(StandardCharsets.US_ASCII));
    }

    static String classPath() throws IOException {
        return DocBlocks.testClassPath();
    }

    @TestFactory
    Stream<DynamicTest> xmlBlocksAreWellFormed() throws IOException {
        List<Block> xml = allBlocks("xml");
        assertThat(xml).hasSizeGreaterThanOrEqualTo(5);
        return xml.stream().map(b -> DynamicTest.dynamicTest(b.where(), () -> parseXml(b)));
    }

    static Element parseXml(Block block) throws Exception {
        String code = block.code().replaceFirst("^<\\?xml[^>]*\\?>", "");
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        // fragments (several top-level elements) are parsed inside one wrapper element
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader("<fragment>" + code + "</fragment>")))
                .getDocumentElement();
    }

    @Test
    void readmeCompletePomIsTheEnglishExamplesPom() throws IOException {
        String pom = Files.readString(ROOT.resolve("examples/tam/pom.xml"), StandardCharsets.UTF_8);
        List<Block> complete = allBlocks("xml").stream()
                .filter(b -> b.file().equals(ROOT.resolve("README.md")) && b.code().contains("<project"))
                .toList();
        assertThat(complete).as("the README shows one complete pom").hasSize(1);
        assertThat(complete.get(0).code()).isEqualTo(pom);
    }

    @Test
    void readmeStudyFileIsTheEnglishExamplesStudy() throws IOException {
        String study = Files.readString(ROOT.resolve("examples/tam/src/survey/study.yaml"), StandardCharsets.UTF_8);
        assertThat(allBlocks("yaml").stream().filter(b -> b.file().equals(ROOT.resolve("README.md"))).map(Block::code))
                .as("the README's study file of its walk-through").contains(study);
    }

    @TestFactory
    Stream<DynamicTest> thresholdBlocksShowTheDefaults() throws IOException {
        List<Block> gates = allBlocks("xml").stream().filter(b -> b.code().contains("<thresholds>")).toList();
        assertThat(gates).hasSizeGreaterThanOrEqualTo(2);
        return gates.stream().map(b -> DynamicTest.dynamicTest(b.where(), () -> {
            Element root = parseXml(b);
            NodeList list = root.getElementsByTagName("thresholds");
            assertThat(list.getLength()).isEqualTo(1);
            Map<String, String> settings = new LinkedHashMap<>();
            for (Node n = list.item(0).getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e) {
                    settings.put(e.getTagName(), e.getTextContent().strip());
                }
            }
            assertThat(settings).hasSizeGreaterThan(10);
            assertThat(Thresholds.of(settings)).isEqualTo(Thresholds.defaults());
        }));
    }

    @TestFactory
    Stream<DynamicTest> studyFileBlocksAreAnalysed() throws IOException {
        List<Block> studies = allBlocks("yaml").stream().filter(b -> b.code().contains("constructs:")).toList();
        assertThat(studies).hasSizeGreaterThanOrEqualTo(2);
        return studies.stream().map(b -> DynamicTest.dynamicTest(b.where(), () -> {
            // the blocks' data: the Chinese example's columns (HR1…HD3, 年龄…) unless the block is the TAM study
            Path dir = Files.createTempDirectory("doc-study");
            String example = b.code().contains("PEOU") ? "tam" : "henan";
            Files.copy(ROOT.resolve("examples/" + example + "/src/survey/responses.csv"), dir.resolve("responses.csv"));
            Files.writeString(dir.resolve("study.yaml"), b.code(), StandardCharsets.UTF_8);
            Results results = SurveyAnalysis.run(dir.resolve("study.yaml"));
            assertThat(results.sample().n()).isPositive();
        }));
    }

    /** A {@code report:} block is a study file's section: with the English example's study it loads and renders. */
    @TestFactory
    Stream<DynamicTest> reportSectionBlocksAreValid() throws IOException {
        List<Block> sections = allBlocks("yaml").stream().filter(b -> b.code().startsWith("report:")).toList();
        assertThat(sections).isNotEmpty();
        return sections.stream().map(b -> DynamicTest.dynamicTest(b.where(), () -> {
            Path dir = Files.createTempDirectory("doc-report");
            Files.copy(ROOT.resolve("examples/tam/src/survey/responses.csv"), dir.resolve("responses.csv"));
            Files.writeString(dir.resolve("study.yaml"), Files.readString(ROOT.resolve("examples/tam/src/survey/study.yaml"))
                    + "\n" + b.code(), StandardCharsets.UTF_8);
            io.github.surveyreport.core.study.Study study = io.github.surveyreport.core.study.StudyLoader.load(
                    dir.resolve("study.yaml"));
            assertThat(study.report()).isNotEqualTo(io.github.surveyreport.core.study.ReportLayout.DEFAULT);
            String html = new io.github.surveyreport.core.report.ReportRenderer(
                    io.github.surveyreport.core.report.ReportOptions.defaults(), w -> { })
                    .html(study, SurveyAnalysis.run(study));
            assertThat(html).contains("Table 1").doesNotContain("Item–Total Statistics");
        }));
    }

    /** The text of {@code parent}'s first child element named {@code name}, or null. */
    static String child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e.getTextContent().strip();
            }
        }
        return null;
    }

    @TestFactory
    Stream<DynamicTest> coordinatesInTheDocsAreTheBuildsOwn() throws Exception {
        Element root = parseXml(new Block(ROOT.resolve("pom.xml"), 1, "xml", Files.readString(ROOT.resolve("pom.xml"))));
        Element project = (Element) root.getElementsByTagName("project").item(0);
        String version = child(project, "version");
        String sitePluginVersion = null;
        NodeList plugins = project.getElementsByTagName("plugin");
        for (int i = 0; i < plugins.getLength(); i++) {
            Element plugin = (Element) plugins.item(i);
            if ("maven-site-plugin".equals(child(plugin, "artifactId"))) {
                sitePluginVersion = child(plugin, "version");
            }
        }
        String siteVersion = sitePluginVersion;
        assertThat(siteVersion).isEqualTo("3.21.0");
        List<Block> xml = new ArrayList<>(allBlocks("xml"));
        xml.add(new Block(ROOT.resolve("examples/tam/pom.xml"), 1, "xml", Files.readString(ROOT.resolve("examples/tam/pom.xml"))));
        return xml.stream().map(b -> DynamicTest.dynamicTest(b.where(), () -> {
            Element fragment = parseXml(b);
            for (String tag : List.of("plugin", "dependency")) {
                NodeList list = fragment.getElementsByTagName(tag);
                for (int i = 0; i < list.getLength(); i++) {
                    Element e = (Element) list.item(i);
                    String v = child(e, "version");
                    if (v != null && v.equals("${survey-report.version}")) {
                        v = child((Element) fragment.getElementsByTagName("properties").item(0), "survey-report.version");
                    }
                    if ("io.github.surveyreport".equals(child(e, "groupId"))) {
                        assertThat(v).as("%s: %s's version", b.where(), child(e, "artifactId")).isEqualTo(version);
                    }
                    if ("maven-site-plugin".equals(child(e, "artifactId"))) {
                        assertThat(v).as("%s: maven-site-plugin's version", b.where()).isEqualTo(siteVersion);
                    }
                }
            }
            NodeList repositories = fragment.getElementsByTagName("pluginRepository");
            for (int i = 0; i < repositories.getLength(); i++) {
                assertThat(child((Element) repositories.item(i), "url")).isEqualTo("file://${project.basedir}/maven-repo");
            }
        }));
    }

    /** it/file-repository runs the README's deploy command; every page shows that one. */
    @Test
    void deployCommandsAreTheTestedOne() throws IOException {
        List<String> commands = new ArrayList<>();
        for (Path doc : documents()) {
            for (Block b : blocks(doc)) {
                b.code().lines().filter(l -> l.contains("altDeploymentRepository")).map(String::strip).forEach(commands::add);
            }
        }
        String tested = Files.readAllLines(ROOT.resolve("README.md")).stream()
                .filter(l -> l.strip().startsWith("mvn -B deploy ") && l.contains("maven-repo"))
                .findFirst().orElseThrow().strip();
        assertThat(commands).hasSizeGreaterThanOrEqualTo(3).allMatch(tested::equals);
    }
}
