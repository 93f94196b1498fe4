package io.github.surveyreport.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.github.surveyreport.core.ResultsJson;
import io.github.surveyreport.core.SurveyAnalysis;
import io.github.surveyreport.core.results.ProfileTable;
import io.github.surveyreport.core.results.Results;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression tests for the data-reading defects an adversarial trial of the build found (issue
 * 11): silent mojibake, control characters, unbounded records, non-regular and non-CSV files,
 * and messages that misled. Each failed before its fix.
 */
class HostileDataTest {
    private static final String STUDY = """
            data: {file: data.csv}
            scale: {min: 1, max: 5}
            constructs:
              A: {items: [A1, A2, A3]}
            profile:
              - {column: name}
            """;

    @TempDir
    Path dir;

    @AfterEach
    void resetChunks() {
        CsvRowSource.chunkBytes = CsvRowSource.CHUNK;
    }

    private Path project(String study, byte[] data) throws IOException {
        Files.writeString(dir.resolve("study.yaml"), study, StandardCharsets.UTF_8);
        Files.write(dir.resolve("data.csv"), data);
        return dir.resolve("study.yaml");
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** Rows with varied answers, so that every statistic is defined; {@code name} from the given names in turn. */
    private static String rows(int n, String... names) {
        StringBuilder csv = new StringBuilder();
        Random random = new Random(n);
        for (int i = 0; i < n; i++) {
            int base = 1 + random.nextInt(5);
            csv.append(names[i % names.length]).append(',').append(base).append(',')
                    .append(Math.max(1, Math.min(5, base + random.nextInt(3) - 1))).append(',')
                    .append(Math.max(1, Math.min(5, base + random.nextInt(3) - 1))).append('\n');
        }
        return csv.toString();
    }

    // 1. silent mojibake

    @Test
    void aUtf8FileWithOneWindows1252ByteIsRefusedNotReadAsGb18030() throws IOException {
        byte[] before = ("name,A1,A2,A3\n" + rows(30, "你好", "世界", "数据")).getBytes(StandardCharsets.UTF_8);
        byte[] bad = "Ren\u00e9e,3,4,3\n".getBytes(Charset.forName("windows-1252"));
        byte[] after = rows(10, "你好").getBytes(StandardCharsets.UTF_8);
        Path study = project(STUDY, concat(before, bad, after));
        assertThatThrownBy(() -> SurveyAnalysis.run(study)).isInstanceOf(DataFileException.class)
                .hasMessageContaining("data.csv line 32 (byte offset " + (before.length + 3) + ")")
                .hasMessageContaining("0xE9")
                .hasMessageContaining("'é'")
                .hasMessageContaining("Ren\\xE9e")
                .hasMessageContaining("windows-1252")
                .hasMessageContaining("UTF-8 characters into other characters")
                .hasMessageNotContaining("浣");
    }

    @Test
    void aWindows1252ExportIsRefusedWithTheEncodingToSet() throws IOException {
        String csv = "name,A1,A2,A3\n" + rows(40, "Français", "Müller", "Zoë", "Ana");
        Path study = project(STUDY, csv.getBytes(Charset.forName("windows-1252")));
        assertThatThrownBy(() -> SurveyAnalysis.run(study)).isInstanceOf(DataFileException.class)
                .hasMessageContaining("data.csv line 2 (byte offset")
                .hasMessageContaining("Fran\\xE7ais")
                .hasMessageContaining("Windows-1252")
                .hasMessageContaining("data.encoding: windows-1252")
                .hasMessageNotContaining("鏰");
        // and read as the message says, it works
        Path fixed = project(STUDY.replace("{file: data.csv}", "{file: data.csv, encoding: windows-1252}"),
                csv.getBytes(Charset.forName("windows-1252")));
        Results results = SurveyAnalysis.run(fixed);
        assertThat(results.sample().profile().get(0).categories()).extracting(ProfileTable.Category::value)
                .contains("Français", "Müller", "Zoë");
    }

    @Test
    void aGbkFileIsStillReadAsGb18030WithAWarning() throws IOException {
        String csv = "name,A1,A2,A3\n" + rows(40, "张三", "李四", "王五");
        Results results = SurveyAnalysis.run(project(STUDY, csv.getBytes(Charset.forName("GBK"))));
        assertThat(results.provenance().encoding()).isEqualTo("GB18030");
        assertThat(results.warnings()).anyMatch(w -> w.contains("data.csv is not UTF-8; it was read as GB18030"));
        assertThat(results.sample().profile().get(0).categories()).extracting(ProfileTable.Category::value)
                .containsExactlyInAnyOrder("张三", "李四", "王五");
    }

    @Test
    void aChineseHeaderWithAStrayByteNamesItsLineNotGarbledColumns() throws IOException {
        String study = STUDY.replace("[A1, A2, A3]", "[题1, 题2, 题3]").replace("column: name", "column: 姓名");
        byte[] head = ("姓名,题1,题2,题3\n" + rows(4, "张三")).getBytes(StandardCharsets.UTF_8);
        byte[] bad = new byte[] {'x', (byte) 0x92, 's', ',', '3', ',', '3', ',', '3', '\n'}; // Windows-1252 ’
        Path file = project(study, concat(head, bad, rows(20, "李四").getBytes(StandardCharsets.UTF_8)));
        assertThatThrownBy(() -> SurveyAnalysis.run(file)).isInstanceOf(DataFileException.class)
                .hasMessageStartingWith("data.csv line 6 (byte offset " + (head.length + 1) + ")")
                .hasMessageContaining("\"x\\x92s,3,3,3\"")
                .hasMessageContaining("'’'")
                .hasMessageNotContaining("is not in the header");
    }

    // 2. control characters

    @Test
    void controlCharactersInAnswersAndHeaderAreReplacedWithAWarningNamingTheirLine() throws IOException {
        String csv = "name,A1,A2,A3,note\u0001\n" + rows(8, "Zhang") .replace("\n", ",x\n")
                + "\"line\u000Bbreak\",3,4,3,x\n" + rows(8, "Li").replace("\n", ",x\n");
        Results results = SurveyAnalysis.run(project(STUDY, csv.getBytes(StandardCharsets.UTF_8)));
        assertThat(results.sample().profile().get(0).categories()).extracting(ProfileTable.Category::value)
                .contains("line break");
        assertThat(results.warnings())
                .anyMatch(w -> w.startsWith("data.csv line 10, column name: the answer 'line\\x0Bbreak'"))
                .anyMatch(w -> w.startsWith("data.csv line 1, column E: the column name 'note\\x01'"));
        assertThat(ResultsJson.toJson(results)).doesNotContain("\\u000b", "\\u0001");
    }

    // 4. bounded memory on malformed records

    @Test
    @Timeout(60)
    void anUnclosedQuoteInALargeFileIsReportedAtItsLine() throws IOException {
        Path file = dir.resolve("data.csv");
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(("name,A1,A2,A3\n" + rows(5, "a") + "\"unclosed,3,4,3\n").getBytes(StandardCharsets.UTF_8));
            byte[] block = rows(2000, "b").getBytes(StandardCharsets.UTF_8);
            for (long written = 0; written < 12L << 20; written += block.length) {
                out.write(block);
            }
        }
        Files.writeString(dir.resolve("study.yaml"), STUDY, StandardCharsets.UTF_8);
        assertThatThrownBy(() -> SurveyAnalysis.run(dir.resolve("study.yaml"))).isInstanceOf(DataFileException.class)
                .hasMessageStartingWith("data.csv line 7: a quoted field that starts on this line is never closed");
    }

    @Test
    @Timeout(60)
    void anUnclosedQuoteRightUnderTheHeaderIsReportedAtItsLine() throws IOException {
        // line 3 is among the rows read ahead to look for a Qualtrics export's metadata
        byte[] head = ("name,A1,A2,A3\na,1,2,3\n\"unclosed,3,4,3\n").getBytes(StandardCharsets.UTF_8);
        byte[] block = rows(2000, "b").getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(head);
        while (bytes.size() < 12 << 20) {
            bytes.writeBytes(block);
        }
        Path study = project(STUDY, bytes.toByteArray());
        assertThatThrownBy(() -> SurveyAnalysis.run(study)).isInstanceOf(DataFileException.class)
                .hasMessageStartingWith("data.csv line 3: a quoted field that starts on this line is never closed");
    }

    @Test
    @Timeout(60)
    void anUnclosedQuoteInAUtf16FileIsReportedByTheReaderAtItsLine() throws IOException {
        StringBuilder csv = new StringBuilder("\uFEFFname,A1,A2,A3\n").append(rows(5, "a")).append("\"open,3,4,3\n");
        String block = rows(2000, "b");
        while (csv.length() < 9 << 20) {
            csv.append(block);
        }
        Path study = project(STUDY, csv.toString().getBytes(StandardCharsets.UTF_16LE));
        assertThatThrownBy(() -> SurveyAnalysis.run(study)).isInstanceOf(DataFileException.class)
                .hasMessageStartingWith("data.csv line 7: a quoted field that starts on this line is never closed");
    }

    @Test
    @Timeout(60)
    void aFileWithoutLineEndsIsRefused() throws IOException {
        byte[] bytes = new byte[12 << 20];
        java.util.Arrays.fill(bytes, (byte) 'a');
        Path study = project(STUDY, bytes);
        assertThatThrownBy(() -> SurveyAnalysis.run(study)).isInstanceOf(DataFileException.class)
                .hasMessageStartingWith("data.csv line 1: no line end within 8 MB");
    }

    @Test
    @Timeout(30)
    void aNamedPipeIsRefusedInsteadOfHangingTheBuild() throws Exception {
        Files.writeString(dir.resolve("study.yaml"), STUDY, StandardCharsets.UTF_8);
        Process mkfifo;
        try {
            mkfifo = new ProcessBuilder("mkfifo", dir.resolve("data.csv").toString()).start();
        } catch (IOException e) {
            assumeThat(false).as("mkfifo is available").isTrue();
            return;
        }
        assumeThat(mkfifo.waitFor()).isZero();
        assertThatThrownBy(() -> SurveyAnalysis.run(dir.resolve("study.yaml"))).isInstanceOf(DataFileException.class)
                .hasMessageContaining("is not a regular file");
    }

    @Test
    void aDirectoryIsRefused() throws IOException {
        Files.writeString(dir.resolve("study.yaml"), STUDY, StandardCharsets.UTF_8);
        Files.createDirectory(dir.resolve("data.csv"));
        assertThatThrownBy(() -> SurveyAnalysis.run(dir.resolve("study.yaml"))).isInstanceOf(DataFileException.class)
                .hasMessageContaining("is a directory");
    }

    // 9. messages that mislead

    @Test
    void spreadsheetsDocumentsAndImagesNamedCsvAreRecognised() throws IOException {
        byte[] xlsx = concat(new byte[] {'P', 'K', 3, 4, 20, 0, 6, 0}, "\0\0\0\0[Content_Types].xml xl/workbook.xml"
                .getBytes(StandardCharsets.ISO_8859_1), new byte[] {(byte) 0xC3, (byte) 0x28, 0, 0});
        // a workbook is read as one (issue 15); this one is only its first bytes
        assertThatThrownBy(() -> SurveyAnalysis.run(project(STUDY, xlsx))).hasMessageContaining(
                "is damaged or truncated").hasMessageNotContaining("GB18030");
        // forced to be CSV, it is named for what it is
        Path forced = project(STUDY.replace("{file: data.csv}", "{file: data.csv, format: csv}"), xlsx);
        assertThatThrownBy(() -> SurveyAnalysis.run(forced)).hasMessageContaining(
                "is an Excel workbook (.xlsx), not a CSV text file");
        byte[] pdf = concat("%PDF-1.7\n".getBytes(StandardCharsets.ISO_8859_1), new byte[] {(byte) 0xE2, (byte) 0xE3});
        assertThatThrownBy(() -> SurveyAnalysis.run(project(STUDY, pdf))).hasMessageContaining("is a PDF document");
        byte[] jpg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0};
        assertThatThrownBy(() -> SurveyAnalysis.run(project(STUDY.replace("encoding", "x"), jpg)))
                .hasMessageContaining("is a JPEG image");
        // also when the study names an encoding
        Path explicit = project(STUDY.replace("{file: data.csv}", "{file: data.csv, encoding: GBK}"), pdf);
        assertThatThrownBy(() -> SurveyAnalysis.run(explicit)).hasMessageContaining("is a PDF document");
    }

    @Test
    void oneNulByteDoesNotMakeAFileUtf16() throws IOException {
        String csv = "name,A1,A2,A3\n" + rows(3, "a") + "b\0c,3,4,3\n" + rows(10, "d");
        Results results = SurveyAnalysis.run(project(STUDY, csv.getBytes(StandardCharsets.UTF_8)));
        assertThat(results.provenance().encoding()).isEqualTo("UTF-8");
        assertThat(results.sample().read()).isEqualTo(14);
    }

    @Test
    void aHugeCellIsCutInTheMessage() throws IOException {
        String huge = "x".repeat(5 << 20);
        String csv = "name,A1,A2,A3\n" + rows(3, "a") + "b,3," + huge + ",3\n";
        DataFileException e = org.junit.jupiter.api.Assertions.assertThrows(DataFileException.class,
                () -> SurveyAnalysis.run(project(STUDY, csv.getBytes(StandardCharsets.UTF_8))));
        assertThat(e.getMessage()).contains("line 5, column A2 (C): 'xxxxxxxx", "… (5242880 characters)");
        assertThat(e.getMessage().length()).isLessThan(400);
    }

    @Test
    void excelsSepLineTrailingNamelessColumnsAndAWhitespaceLastLineAreRead() throws IOException {
        String csv = "sep=;\nname;A1;A2;A3;;\n" + rows(12, "a", "b").replace(",", ";").replace("\n", ";;\n")
                + "   \n";
        Results results = SurveyAnalysis.run(project(STUDY, csv.getBytes(StandardCharsets.UTF_8)));
        assertThat(results.sample().n()).isEqualTo(12);
        assertThat(results.provenance().delimiter()).isEqualTo(";");
        assertThat(results.warnings()).anyMatch(w -> w.contains("line 1: Excel's 'sep=;' line"))
                .anyMatch(w -> w.contains("line 2: 2 columns at the end of the header (E–F) have no name"));
        // the same through Commons CSV (the reader path)
        CsvRowSource source = new CsvRowSource(dir.resolve("data.csv"), null, null).readerOnly();
        assertThat(source.header()).containsExactly("name", "A1", "A2", "A3", "", "");
        java.util.List<Long> lines = new java.util.ArrayList<>();
        source.forEachRow((line, cells) -> lines.add(line));
        assertThat(lines).hasSize(12).startsWith(3L);
    }

    @Test
    void aNumberBeyondDoublePrecisionIsNamed() throws IOException {
        String study = STUDY.replace("scale: {min: 1, max: 5}\n", "");
        String csv = "name,A1,A2,A3\n" + rows(3, "a") + "b,1e400,3,3\n";
        assertThatThrownBy(() -> SurveyAnalysis.run(project(study, csv.getBytes(StandardCharsets.UTF_8))))
                .hasMessageContaining("line 5, column A1 (B): '1e400' is too large a number to analyse");
    }

    @Test
    void headerNamesMatchAcrossUnicodeNormalisation() throws IOException {
        String nfd = java.text.Normalizer.normalize("Renée", java.text.Normalizer.Form.NFD);
        String study = STUDY.replace("A1,", "Renée,");
        String csv = "name," + nfd + ",A2,A3\n" + rows(12, "a");
        Results results = SurveyAnalysis.run(project(study, csv.getBytes(StandardCharsets.UTF_8)));
        assertThat(results.sample().n()).isEqualTo(12);
    }

    @Test
    void nonIntegerLikertAnswersAreWarnedWithTheirFirstLineAlsoInParallelChunks() throws IOException {
        StringBuilder csv = new StringBuilder("name,A1,A2,A3\n");
        String block = rows(1000, "a", "b");
        for (int k = 0; k < 50; k++) {
            csv.append(block);
        }
        csv.append("c,2.5,3,4\n").append(block);
        Path study = project(STUDY, csv.toString().getBytes(StandardCharsets.UTF_8));
        CsvRowSource.chunkBytes = 64 << 10;
        Results results = SurveyAnalysis.run(study);
        assertThat(results.warnings()).contains("data.csv, column A1: 1 answer is not a whole number on the Likert "
                + "scale 1–5 (first on line 50002: '2.5'); they are analysed as given. Check whether the column "
                + "holds averaged or imputed values");
    }

    @Test
    void aLabelForNoColumnIsWarned() throws IOException {
        String study = STUDY + "labels: {A1: first, A7: seventh, A: the construct}\n";
        Results results = SurveyAnalysis.run(project(study, ("name,A1,A2,A3\n" + rows(10, "a"))
                .getBytes(StandardCharsets.UTF_8)));
        assertThat(results.warnings()).containsOnlyOnce("Study file labels.A7: 'A7' is neither a column of data.csv "
                + "nor a construct id, so its label is not used; did you mean 'A1'?");
        assertThat(results.warnings()).noneMatch(w -> w.contains("labels.A1") || w.contains("labels.A:"));
    }

    @Test
    void aMissingColumnAndBadCellsAreReportedInOneRun() throws IOException {
        String study = STUDY.replace("[A1, A2, A3]", "[A1, A2, A3, A4]");
        String csv = "name,A1,A2,A3\n" + rows(3, "a") + "b,7,3,3\n";
        assertThatThrownBy(() -> SurveyAnalysis.run(project(study, csv.getBytes(StandardCharsets.UTF_8))))
                .hasMessageContaining("2 problems")
                .hasMessageContaining("the column 'A4' is not in the header")
                .hasMessageContaining("line 5, column A1 (B): '7' is outside the scale 1–5");
    }

    // issue 15: mistakes caught before they become numbers

    @Test
    void aValueOutsideTheScaleInManyColumnsIsSummarisedWithTheLikelyScale() throws IOException {
        // a 1–6 inventory declared as 1–5: the 6s of every item, beyond the 20 listed cells
        String csv = "name,A1,A2,A3\n" + rows(30, "a").replace(",5,", ",6,").replace(",5\n", ",6\n")
                .replace("a,5,", "a,6,");
        DataFileException e = org.junit.jupiter.api.Assertions.assertThrows(DataFileException.class,
                () -> SurveyAnalysis.run(project(STUDY, csv.getBytes(StandardCharsets.UTF_8))));
        assertThat(e.problems().get(0)).matches("data\\.csv: value '6' in 3 columns \\(A1, A2, A3\\): is the scale "
                + "1–6\\? \\(scale in the study file says 1–5\\)");
    }

    @Test
    void textAnswersInManyColumnsPointToRecode() throws IOException {
        String csv = "name,A1,A2,A3\n" + rows(10, "a") + "b,同意,同意,3\n";
        DataFileException e = org.junit.jupiter.api.Assertions.assertThrows(DataFileException.class,
                () -> SurveyAnalysis.run(project(STUDY, csv.getBytes(StandardCharsets.UTF_8))));
        assertThat(e.problems().get(0)).startsWith("data.csv: value '同意' in 2 columns (A1, A2): text answers: map "
                + "them to numbers with recode");
    }

    @Test
    void aMisspelledColumnGetsTheClosestHeaderName() throws IOException {
        String study = STUDY.replace("[A1, A2, A3]", "[A1, A2, Q3]");
        String csv = "name,A1,A2,Q_03\n" + rows(5, "a");
        assertThatThrownBy(() -> SurveyAnalysis.run(project(study, csv.getBytes(StandardCharsets.UTF_8))))
                .hasMessageContaining("the column 'Q3' is not in the header").hasMessageContaining("did you mean 'Q_03'?");
    }

    @Test
    void answerTextIsRecodedToNumbers() throws IOException {
        String study = STUDY + "recode:\n  items: {非常不同意: 1, 不同意: 2, 一般: 3, 同意: 4, 非常同意: 5}\n"
                + "  A3: {Strongly agree: 5, Agree: 4, Neutral: 3, Disagree: 2, Strongly disagree: 1}\n"
                + "  Q9: {x: 1}\n";
        String numeric = "name,A1,A2,A3\n" + rows(20, "a");
        String[] words = {"", "非常不同意", "不同意", "一般", "同意", "非常同意"};
        String[] english = {"", "Strongly disagree", "Disagree", "Neutral", "Agree", "Strongly agree"};
        StringBuilder text = new StringBuilder("name,A1,A2,A3\n");
        for (String line : rows(20, "a").split("\n")) {
            String[] cells = line.split(",");
            text.append(cells[0]).append(',').append(words[Integer.parseInt(cells[1])]).append(',')
                    .append(cells[2]).append(',').append(english[Integer.parseInt(cells[3])]).append('\n');
        }
        Results fromNumbers = SurveyAnalysis.run(project(STUDY, numeric.getBytes(StandardCharsets.UTF_8)));
        Results fromText = SurveyAnalysis.run(project(study, text.toString().getBytes(StandardCharsets.UTF_8)));
        assertThat(ResultsJson.toJson(fromText.reliability())).isEqualTo(ResultsJson.toJson(fromNumbers.reliability()));
        assertThat(fromText.warnings()).anyMatch(w -> w.startsWith("Study file recode.Q9: 'Q9' is not a column"));
    }

    @Test
    void unmappedAnswerTextAdvisesRecodeNotMissing() throws IOException {
        String csv = "name,A1,A2,A3\n" + rows(5, "a") + "b,Moderately Accurate,3,3\n";
        assertThatThrownBy(() -> SurveyAnalysis.run(project(STUDY, csv.getBytes(StandardCharsets.UTF_8))))
                .hasMessageContaining("'Moderately Accurate' is not a number; map answer text to numbers with recode "
                        + "in the study file")
                .hasMessageContaining("or add it to data.missing only if it truly means no answer");
    }

    @Test
    void aScaleNoItemReachesIsWarnedAndWithReverseKeyedItemsRefused() throws IOException {
        // answers 1–5 declared as 1–7
        String csv = "name,A1,A2,A3\n" + rows(30, "a");
        Results results = SurveyAnalysis.run(project(STUDY.replace("max: 5", "max: 7"),
                csv.getBytes(StandardCharsets.UTF_8)));
        assertThat(results.warnings()).contains("data.csv: no item reaches the scale's maximum 7 (scale: 1–7 in the "
                + "study file; the answers span 1–5). Check that the declared scale is the questionnaire's.");
        Path reversed = project(STUDY.replace("max: 5", "max: 7").replace("[A1, A2, A3]}", "[A1, A2, A3], reverse: [A2]}"),
                csv.getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> SurveyAnalysis.run(reversed)).isInstanceOf(io.github.surveyreport.core.AnalysisException.class)
                .hasMessageContaining("no item reaches the scale's maximum 7")
                .hasMessageContaining("the reverse-keyed items (A2) are recoded as 8 − x")
                .hasMessageContaining("scale: {min: 1, max: 5}");
    }

    @Test
    void missingValuesAreCountedPerColumn() throws IOException {
        String csv = "name,A1,A2,A3\n" + rows(10, "a") + "b,,3,\nc,NA,3,3\nd,2,,4\n";
        Results results = SurveyAnalysis.run(project(STUDY, csv.getBytes(StandardCharsets.UTF_8)));
        assertThat(results.sample().excluded()).isEqualTo(3);
        assertThat(results.sample().missingByColumn()).containsExactly(java.util.Map.entry("A1", 2L),
                java.util.Map.entry("A2", 1L), java.util.Map.entry("A3", 1L));
        assertThat(ResultsJson.toJson(results.sample())).contains("\"missingByColumn\" : {");
    }
}
