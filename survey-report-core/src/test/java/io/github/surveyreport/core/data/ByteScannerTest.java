package io.github.surveyreport.core.data;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.surveyreport.core.ResultsJson;
import io.github.surveyreport.core.SurveyAnalysis;
import io.github.surveyreport.core.results.Results;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The byte scanner must give exactly what Commons CSV gives on the decoded text: the header,
 * every row's cells and line number, the blank-line rule, the same messages, and the same
 * decision between UTF-8 and GB18030; input it does not handle itself must be handed back
 * ({@link CsvRowSource#needsReader}). Checked on random files full of quoted delimiters, line
 * breaks (LF, CRLF, CR), doubled quotes, Chinese text and stray quotes, whole and split into
 * tiny chunks so that split points fall inside quoted line breaks.
 */
class ByteScannerTest {
    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final Charset GBK = Charset.forName("GBK");

    @TempDir
    Path dir;

    @AfterEach
    void restoreChunkSize() {
        CsvRowSource.chunkBytes = CsvRowSource.CHUNK;
    }

    /** What a reader made of a file: header, rows (line + cells) or the failure. */
    private record Outcome(List<String> header, List<String> rows, String error, String sha256) {
    }

    private static final class Collect implements CsvRowSource.ScanPart<Collect> {
        final boolean whole;
        final List<String> rows = new ArrayList<>();

        Collect(boolean whole) {
            this.whole = whole;
        }

        @Override
        public void row(long line, RawRow row) {
            String[] cells = new String[row.size()];
            for (int i = 0; i < cells.length; i++) {
                cells[i] = row.text(i);
            }
            rows.add((whole ? line + ": " : "") + Arrays.toString(cells));
        }

        @Override
        public void merge(Collect later) {
            rows.addAll(later.rows);
        }
    }

    private static Outcome reader(Path file, Charset charset, Character delimiter, boolean withLines) {
        CsvRowSource source = new CsvRowSource(file, charset, delimiter).readerOnly();
        List<String> header = null;
        List<String> rows = new ArrayList<>();
        try {
            header = source.header();
            source.forEachRow((line, cells) -> rows.add((withLines ? line + ": " : "") + Arrays.toString(cells)));
            return new Outcome(header, rows, null, source.sha256());
        } catch (RuntimeException e) {
            return new Outcome(header, null, describe(e), null);
        }
    }

    /** The scanner's outcome, or null when it hands the file to the reader. */
    private static Outcome scanner(Path file, Charset charset, Character delimiter) {
        CsvRowSource source = new CsvRowSource(file, charset, delimiter);
        List<String> header = null;
        try {
            header = source.header();
            if (!source.scannable()) {
                return null;
            }
            Collect all = source.scan(Collect::new);
            return new Outcome(header, all.rows, null, source.sha256());
        } catch (RuntimeException e) {
            if (CsvRowSource.needsReader(e)) {
                return null;
            }
            return new Outcome(header, null, describe(e), null);
        }
    }

    private static String describe(RuntimeException e) {
        if (CsvRowSource.isNotUtf8Signal(e)) {
            return "not UTF-8";
        }
        // the reader decodes ahead of parsing, so its line for undecodable bytes is approximate
        return e.getClass().getSimpleName() + ": " + e.getMessage().replaceAll("line \\d+: the bytes", "line N: the bytes");
    }

    @Test
    void randomFilesGiveTheSameRowsAsCommonsCsv() throws IOException {
        Random random = new Random(42);
        int scanned = 0;
        for (int round = 0; round < 800; round++) {
            char delimiter = new char[] {',', ';', '\t'}[random.nextInt(3)];
            String text = randomCsv(random, delimiter, round % 5 == 0);
            Charset charset = random.nextBoolean() ? StandardCharsets.UTF_8 : GB18030;
            byte[] bytes = text.getBytes(charset);
            if (random.nextInt(8) == 0 && charset == StandardCharsets.UTF_8) {
                bytes = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, bytes);
            }
            if (random.nextInt(20) == 0 && bytes.length > 10) {
                bytes[random.nextInt(bytes.length)] = (byte) 0xFF; // not valid in either charset
            }
            Path file = dir.resolve("data.csv");
            Files.write(file, bytes);
            Charset requested = random.nextInt(3) == 0 ? null : random.nextInt(4) == 0 ? GBK : charset;
            Character requestedDelimiter = random.nextBoolean() ? null : delimiter;
            boolean chunked = random.nextBoolean();
            CsvRowSource.chunkBytes = chunked ? 1 + random.nextInt(40) : CsvRowSource.CHUNK;
            Outcome expected = reader(file, requested, requestedDelimiter, true);
            Outcome actual = scanner(file, requested, requestedDelimiter);
            if (actual == null) {
                continue; // handed to the reader: the same by construction
            }
            scanned++;
            String context = "round " + round + ", " + requested + ", chunk " + CsvRowSource.chunkBytes + ":\n" + text;
            assertThat(actual.error()).as(context).isEqualTo(expected.error());
            if (expected.error() != null) {
                continue; // the reader decodes ahead, so it may fail on the same bytes while still reading the header
            }
            assertThat(actual.header()).as(context).isEqualTo(expected.header());
            if (chunked) { // line numbers are only meaningful in a whole-file scan
                assertThat(withoutLines(actual.rows())).as(context).isEqualTo(withoutLines(expected.rows()));
            } else {
                assertThat(actual.rows()).as(context).isEqualTo(expected.rows());
            }
            assertThat(actual.sha256()).as(context).isEqualTo(expected.sha256());
        }
        assertThat(scanned).isGreaterThan(500);
    }

    @Test
    void quotedLineBreaksAtEverySplitPoint() throws IOException {
        StringBuilder csv = new StringBuilder("id,note,a\n");
        for (int i = 0; i < 200; i++) {
            csv.append(i).append(",\"line\n").append(i).append("\r\nmore\",").append(i % 5 + 1).append('\n');
        }
        Path file = dir.resolve("notes.csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        Outcome expected = reader(file, null, null, false);
        for (int chunk = 1; chunk < 64; chunk++) {
            CsvRowSource.chunkBytes = chunk;
            Outcome actual = scanner(file, null, null);
            assertThat(actual).isNotNull();
            assertThat(actual.rows()).as("chunk " + chunk).isEqualTo(expected.rows());
        }
    }

    @Test
    void handsStructuralProblemsToTheReader() throws IOException {
        Path file = dir.resolve("bad.csv");
        for (String csv : List.of("a,b\n1,\"2\n3,4\n", "a,b\n1,\"2\"x\n", "a,b\n1,\"2\"\u3000\n")) {
            Files.writeString(file, csv, StandardCharsets.UTF_8);
            assertThat(scanner(file, null, null)).as(csv).isNull();
        }
        // in the header: the reader reads it from the start
        Files.writeString(file, "\"a\"b,c\n1,2\n", StandardCharsets.UTF_8);
        assertThat(scanner(file, null, null)).isEqualTo(reader(file, null, null, true));
    }

    @Test
    void validatesUtf8LikeTheDecoder() {
        Random random = new Random(7);
        for (int i = 0; i < 200_000; i++) {
            byte[] b = new byte[1 + random.nextInt(5)];
            for (int k = 0; k < b.length; k++) {
                b[k] = (byte) (random.nextBoolean() ? 0x80 + random.nextInt(0x80) : random.nextInt(256));
            }
            boolean decoder;
            try {
                StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(b));
                decoder = true;
            } catch (java.nio.charset.CharacterCodingException e) {
                decoder = false;
            }
            assertThat(CsvScanner.validUtf8(b, 0, b.length)).as(Arrays.toString(b)).isEqualTo(decoder);
        }
    }

    /** The bundled example split into many chunks gives what one pass gives. */
    @Test
    void chunkedAnalysisMatchesOnePass() throws IOException {
        Path example = Path.of("../examples/henan/src/survey");
        Files.copy(example.resolve("responses.csv"), dir.resolve("responses.csv"));
        Files.copy(example.resolve("study.yaml"), dir.resolve("study.yaml"));
        Results whole = SurveyAnalysis.run(dir.resolve("study.yaml"));
        CsvRowSource.chunkBytes = 700;
        Results chunked = SurveyAnalysis.run(dir.resolve("study.yaml"));
        assertThat(ResultsJson.toJson(chunked.sample())).isEqualTo(ResultsJson.toJson(whole.sample()));
        assertThat(chunked.provenance()).isEqualTo(whole.provenance());
        assertThat(chunked.reliability().overall().alpha())
                .isCloseTo(whole.reliability().overall().alpha(), org.assertj.core.api.Assertions.within(1e-13));
        var a = chunked.regressions().get(0);
        var b = whole.regressions().get(0);
        assertThat(a.rSquared()).isCloseTo(b.rSquared(), org.assertj.core.api.Assertions.within(1e-13));
        assertThat(a.durbinWatson()).isCloseTo(b.durbinWatson(), org.assertj.core.api.Assertions.within(1e-12));
    }

    /** Problems found by a chunked scan are reported as one pass reports them: in file order, with lines. */
    @Test
    void chunkedProblemsAreReportedInFileOrder() throws IOException {
        StringBuilder csv = new StringBuilder("id,\"note\",A1,A2,A3\n");
        for (int i = 0; i < 300; i++) {
            String a1 = i == 120 ? "x" : i == 250 ? "9" : String.valueOf(i % 5 + 1);
            csv.append(i).append(i % 7 == 0 ? ",\"two\nlines\"," : ",note,").append(a1).append(',')
                    .append((i * 3) % 5 + 1).append(',').append(i == 200 ? "" : String.valueOf((i * 7) % 5 + 1))
                    .append(i == 180 ? ",extra" : "").append('\n');
        }
        Files.writeString(dir.resolve("data.csv"), csv, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("study.yaml"), "data: {file: data.csv}\nscale: {min: 1, max: 5}\n"
                + "constructs:\n  A: {items: [A1, A2, A3]}\n", StandardCharsets.UTF_8);
        String whole = failure(dir.resolve("study.yaml"));
        CsvRowSource.chunkBytes = 97;
        assertThat(failure(dir.resolve("study.yaml"))).isEqualTo(whole);
        assertThat(whole).contains("line 140, column A1 (C): 'x' is not a number")
                .contains("line 208: the row has 6 fields").contains("line 288, column A1 (C): '9' is outside the scale");
    }

    private static String failure(Path study) {
        try {
            SurveyAnalysis.run(study);
        } catch (DataFileException e) {
            return e.getMessage();
        }
        throw new AssertionError("expected the data to be rejected");
    }

    /** Profile cells are checked by the profile counter: also in rows that are not analysed. */
    @Test
    void profileBytesOfExcludedRowsAreChecked() throws IOException {
        byte[] gbk = "男".getBytes(GBK);
        StringBuilder head = new StringBuilder("sex,a,b\n");
        for (int i = 0; i < 10; i++) {
            head.append("m,").append(i % 3 + 1).append(',').append(i % 4 + 1).append('\n');
        }
        byte[] bytes = concat(head.toString().getBytes(StandardCharsets.US_ASCII),
                concat(gbk, ",,1\n".getBytes(StandardCharsets.US_ASCII))); // excluded: a is empty
        Files.write(dir.resolve("data.csv"), bytes);
        Files.writeString(dir.resolve("study.yaml"), "data: {file: data.csv}\nregressions:\n  - a ~ b\n"
                + "profile:\n  - {column: sex}\n", StandardCharsets.UTF_8);
        Results results = SurveyAnalysis.run(dir.resolve("study.yaml"));
        assertThat(results.provenance().encoding()).isEqualTo("GB18030");
        assertThat(results.sample().excluded()).isEqualTo(1);
    }

    private static List<String> withoutLines(List<String> rows) {
        return rows.stream().map(r -> r.replaceFirst("^\\d+: ", "")).toList();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    private static final String[] PLAIN = {"1", "23", "-5", " 4 ", "abc", "中文", "亚马逊;京东", "", "NA", "x\"y", "４",
        "a b", "\u3000"};
    private static final String[] QUOTED = {"\"a,b\"", "\"line1\nline2\"", "\"he said \"\"hi\"\"\"", "\"a\r\nb\"",
        "\"x\"  ", "\"\"", "\"中\t文;\"", "\"c\rd\"", "\"\"\"\""};
    private static final String[] RARE = {"\"open", "\"a\"b", "\"a\"\u3000"};

    private static String randomCsv(Random random, char delimiter, boolean withRareProblems) {
        int columns = 1 + random.nextInt(4);
        StringBuilder s = new StringBuilder();
        for (int c = 0; c < columns; c++) {
            if (c > 0) {
                s.append(delimiter);
            }
            s.append(random.nextInt(6) == 0 ? "\"名" + c + "\"" : "c" + c);
        }
        int rows = random.nextInt(12);
        for (int r = 0; r < rows; r++) {
            s.append(lineEnd(random));
            if (random.nextInt(10) == 0) {
                continue; // blank line
            }
            int fields = columns + (random.nextInt(8) == 0 ? random.nextInt(3) - 1 : 0);
            for (int f = 0; f < Math.max(1, fields); f++) {
                if (f > 0) {
                    s.append(delimiter);
                }
                String field;
                int kind = random.nextInt(10);
                if (withRareProblems && random.nextInt(40) == 0) {
                    field = RARE[random.nextInt(RARE.length)];
                } else if (kind < 3) {
                    field = QUOTED[random.nextInt(QUOTED.length)];
                } else {
                    field = PLAIN[random.nextInt(PLAIN.length)];
                }
                s.append(field.replace(',', delimiter == ',' ? ',' : '.'));
            }
        }
        if (random.nextBoolean()) {
            s.append(lineEnd(random));
        }
        return s.toString();
    }

    private static String lineEnd(Random random) {
        int k = random.nextInt(10);
        return k < 6 ? "\n" : k < 9 ? "\r\n" : "\r";
    }
}
