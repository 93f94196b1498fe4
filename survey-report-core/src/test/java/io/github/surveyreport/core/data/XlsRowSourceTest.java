package io.github.surveyreport.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static io.github.surveyreport.core.data.XlsxRowSourceTest.reference;
import static io.github.surveyreport.core.data.XlsxRowSourceTest.rows;

import io.github.surveyreport.core.ResultsJson;
import io.github.surveyreport.core.SurveyAnalysis;
import io.github.surveyreport.core.study.StudyLoader;
import java.io.IOException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import io.github.surveyreport.core.data.XlsxRowSourceTest.Line;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The .xls twin of the 问卷星 fixture, written by xlwt (make-xlsx.py), read as its CSV is. */
class XlsRowSourceTest {
    @TempDir
    Path dir;

    @Test
    void everyCellAsInTheCsvExport() {
        CsvRowSource csv = new CsvRowSource(reference("wjx.csv"), StandardCharsets.UTF_8, ',');
        try (XlsRowSource xls = new XlsRowSource(reference("wjx.xls"), null)) {
            assertThat(xls.header()).isEqualTo(csv.header());
            assertThat(xls.sheet()).isEqualTo("答卷数据");
            List<Line> actual = rows(xls);
            assertThat(actual).hasSize(40);
            assertThat(actual).isEqualTo(rows(csv));
            assertThat(xls.warnings()).isEmpty();
        }
    }

    @Test
    void sheetByNameOrNumber() {
        try (XlsRowSource byName = new XlsRowSource(reference("wjx.xls"), "说明")) {
            assertThat(byName.header()).containsExactly("项目", "内容");
            assertThat(byName.sheets()).containsExactly("答卷数据", "说明");
            List<Line> rows = rows(byName);
            assertThat(rows).singleElement().isEqualTo(new Line(2, List.of("量表", "1 = 非常不同意 … 5 = 非常同意")));
        }
        try (XlsRowSource byNumber = new XlsRowSource(reference("wjx.xls"), "2")) {
            assertThat(byNumber.header()).containsExactly("项目", "内容");
        }
        assertThatThrownBy(() -> new XlsRowSource(reference("wjx.xls"), "Sheet1").header())
                .isInstanceOf(DataFileException.class).hasMessageContaining("1 '答卷数据', 2 '说明'");
    }

    @Test
    void cellsAreCitedAsExcelDoes() {
        try (XlsRowSource xls = new XlsRowSource(reference("wjx.xls"), null)) {
            assertThat(xls.at(17, 5)).isEqualTo("wjx.xls 答卷数据!F17 (Q2)");
        }
    }

    @Test
    void damagedFiles() throws IOException {
        byte[] whole = Files.readAllBytes(reference("wjx.xls"));
        for (int length : new int[] {100, 600, whole.length / 2, whole.length - 600}) {
            Path cut = dir.resolve("cut" + length + ".xls");
            Files.write(cut, Arrays.copyOf(whole, length));
            assertThatThrownBy(() -> {
                try (XlsRowSource xls = new XlsRowSource(cut, null)) {
                    rows(xls);
                }
            }).as("cut at %d", length).isInstanceOf(DataFileException.class).hasMessageContaining("cut" + length);
        }
        assertThatThrownBy(() -> new XlsRowSource(reference("wjx.xlsx"), null).header())
                .isInstanceOf(DataFileException.class)
                .hasMessageContaining("is not an Excel 97–2003 workbook (.xls): it is a zip archive");
    }

    @Test
    void sameResultsAsTheCsv() throws IOException {
        Path study = dir.resolve("study.yaml");
        Files.writeString(study, """
                data: {file: unused.csv}
                scale: {min: 1, max: 5}
                constructs:
                  A: {items: [Q1, Q2, Q3, Q4]}
                  B: {items: [Q5, Q6, Q7, Q8], reverse: [Q8]}
                profile:
                  - {column: 性别}
                """);
        var loaded = StudyLoader.load(study);
        var fromCsv = SurveyAnalysis.run(loaded, new CsvRowSource(reference("wjx.csv"), StandardCharsets.UTF_8, ','));
        var fromXls = SurveyAnalysis.run(loaded, new XlsRowSource(reference("wjx.xls"), null));
        assertThat(ResultsJson.toJson(fromXls.sample())).isEqualTo(ResultsJson.toJson(fromCsv.sample()));
        assertThat(ResultsJson.toJson(fromXls.reliability())).isEqualTo(ResultsJson.toJson(fromCsv.reliability()));
    }
    @Test
    void recordsXlwtDoesNotWrite() throws IOException {
        // both ways a compound file keeps a stream: in the mini stream (under 4096 bytes), in sectors
        for (int padding : new int[] {0, 5000}) {
            Path file = dir.resolve("hand" + padding + ".xls");
            Files.write(file, compoundFile(handmadeWorkbook(padding)));
            try (XlsRowSource xls = new XlsRowSource(file, null)) {
                assertThat(xls.header()).containsExactly("id", "score", "问卷调查", "flag", "f");
                assertThat(xls.sheet()).isEqualTo("数据 1");
                assertThat(xls.location(3, 1)).isEqualTo("'数据 1'!B3");
                assertThat(rows(xls)).containsExactly(
                        new Line(2, List.of("7", "4.5", "2024-03-01", "TRUE", "0.30000000000000004")),
                        new Line(3, List.of("8", "2.5", "", "#DIV/0!", "公式")),
                        new Line(4, List.of("FALSE", "#N/A", "", "abc", "")));
            }
        }
    }

    @Test
    void mergedHeaderCellsAreAnError() throws IOException {
        ByteArrayOutputStream sheet = new ByteArrayOutputStream();
        record(sheet, 0x0809, le(2, 0x0600, 2, 0x0010, 2, 0, 2, 0, 4, 0, 4, 0));
        record(sheet, 0x0204, concat(le(2, 0, 2, 0, 2, 0), xlString("id", true)));
        record(sheet, 0x0204, concat(le(2, 0, 2, 1, 2, 0), xlString("量表", false)));
        record(sheet, 0x0204, concat(le(2, 0, 2, 3, 2, 0), xlString("性别", false)));
        record(sheet, 0x027E, le(2, 1, 2, 0, 2, 0, 4, 1 << 2 | 2));
        record(sheet, 0x00E5, le(2, 1, 2, 0, 2, 0, 2, 1, 2, 2));
        record(sheet, 0x000A, new byte[0]);
        ByteArrayOutputStream globals = new ByteArrayOutputStream();
        record(globals, 0x0809, le(2, 0x0600, 2, 0x0005, 2, 0, 2, 0, 4, 0, 4, 0));
        byte[] name = "Data".getBytes(StandardCharsets.ISO_8859_1);
        int sheetStart = globals.size() + 4 + 8 + name.length + 4;
        record(globals, 0x0085, concat(le(4, sheetStart, 1, 0, 1, 0, 1, 4, 1, 0), name));
        record(globals, 0x000A, new byte[0]);
        Path file = dir.resolve("merged.xls");
        Files.write(file, compoundFile(concat(globals.toByteArray(), sheet.toByteArray())));
        assertThatThrownBy(() -> new XlsRowSource(file, null).header()).isInstanceOf(DataFileException.class)
                .hasMessageContaining("merged.xls Data!C1: the header has an empty column name")
                .hasMessageContaining("merged cells (B1:C1)");
    }

    /** BIFF8 records: globals with a date format, an SST whose third string continues in a CONTINUE record; one sheet. */
    private static byte[] handmadeWorkbook(int padding) {
        ByteArrayOutputStream globals = new ByteArrayOutputStream();
        record(globals, 0x0809, le(2, 0x0600, 2, 0x0005, 2, 0, 2, 0, 4, 0, 4, 0));
        if (padding > 0) {
            record(globals, 0x00EB, new byte[padding / 2]);
            record(globals, 0x00EB, new byte[padding - padding / 2]);
        }
        record(globals, 0x041E, concat(le(2, 164), xlString("yyyy-mm-dd", true)));
        for (int format : new int[] {0, 164, 22}) {
            record(globals, 0x00E0, concat(le(2, 0, 2, format), new byte[16]));
        }
        ByteArrayOutputStream sst = new ByteArrayOutputStream();
        sst.writeBytes(le(4, 4, 4, 4));
        sst.writeBytes(xlString("id", true));
        sst.writeBytes(xlString("score", true));
        sst.writeBytes(le(2, 4, 1, 1));
        sst.writeBytes("问卷".getBytes(StandardCharsets.UTF_16LE));
        record(globals, 0x00FC, sst.toByteArray());
        ByteArrayOutputStream rest = new ByteArrayOutputStream();
        rest.writeBytes(le(1, 1));
        rest.writeBytes("调查".getBytes(StandardCharsets.UTF_16LE));
        rest.writeBytes(le(2, 3, 1, 0x08, 2, 1));
        rest.writeBytes("abc".getBytes(StandardCharsets.ISO_8859_1));
        rest.writeBytes(le(2, 0, 2, 0));
        record(globals, 0x003C, rest.toByteArray());
        byte[] sheetName = "数据 1".getBytes(StandardCharsets.UTF_16LE);
        int boundSheetLength = 4 + 8 + sheetName.length;
        int sheetStart = globals.size() + boundSheetLength + 4;
        record(globals, 0x0085, concat(le(4, sheetStart, 1, 0, 1, 0, 1, 4, 1, 1), sheetName));
        record(globals, 0x000A, new byte[0]);
        ByteArrayOutputStream sheet = new ByteArrayOutputStream();
        record(sheet, 0x0809, le(2, 0x0600, 2, 0x0010, 2, 0, 2, 0, 4, 0, 4, 0));
        for (int col = 0; col < 3; col++) {
            record(sheet, 0x00FD, le(2, 0, 2, col, 2, 0, 4, col));
        }
        record(sheet, 0x0204, concat(le(2, 0, 2, 3, 2, 0), xlString("flag", false)));
        record(sheet, 0x0204, concat(le(2, 0, 2, 4, 2, 0), xlString("f", false)));
        // row 2: MULRK of an integer, a float and a date; a boolean; a formula's number
        record(sheet, 0x00BD, le(2, 1, 2, 0, 2, 0, 4, 7 << 2 | 2, 2, 0, 4, 0x40120000, 2, 1, 4, 45352 << 2 | 2, 2, 2));
        record(sheet, 0x0205, le(2, 1, 2, 3, 2, 0, 1, 1, 1, 0));
        record(sheet, 0x0006, concat(le(2, 1, 2, 4, 2, 0), f64(0.1 + 0.2), new byte[8]));
        // row 3: NUMBER, RK x100, an error cell, a formula's text (in a STRING record)
        record(sheet, 0x0203, concat(le(2, 2, 2, 0, 2, 0), f64(8)));
        record(sheet, 0x027E, le(2, 2, 2, 1, 2, 0, 4, 250 << 2 | 3));
        record(sheet, 0x0205, le(2, 2, 2, 3, 2, 0, 1, 0x07, 1, 1));
        record(sheet, 0x0006, concat(le(2, 2, 2, 4, 2, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0xFF, 1, 0xFF),
                new byte[8]));
        record(sheet, 0x0207, xlString("公式", false));
        // row 4: formula results boolean, error and empty text; a rich shared string
        record(sheet, 0x0006, concat(le(2, 3, 2, 0, 2, 0, 1, 1, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0xFF, 1, 0xFF),
                new byte[8]));
        record(sheet, 0x0006, concat(le(2, 3, 2, 1, 2, 0, 1, 2, 1, 0, 1, 0x2A, 1, 0, 1, 0, 1, 0, 1, 0xFF, 1, 0xFF),
                new byte[8]));
        record(sheet, 0x0006, concat(le(2, 3, 2, 2, 2, 0, 1, 3, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0xFF, 1, 0xFF),
                new byte[8]));
        record(sheet, 0x00FD, le(2, 3, 2, 3, 2, 0, 4, 3));
        record(sheet, 0x000A, new byte[0]);
        return concat(globals.toByteArray(), sheet.toByteArray());
    }

    /** Little-endian fields given as (size, value) pairs. */
    private static byte[] le(long... fields) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int k = 0; k < fields.length; k += 2) {
            for (int b = 0; b < fields[k]; b++) {
                out.write((int) (fields[k + 1] >>> (8 * b)) & 0xFF);
            }
        }
        return out.toByteArray();
    }

    private static byte[] f64(double value) {
        return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putDouble(value).array();
    }

    /** An XLUnicodeString: 16-bit length, option byte, characters (8-bit when {@code compressed}). */
    private static byte[] xlString(String text, boolean compressed) {
        return concat(le(2, text.length(), 1, compressed ? 0 : 1),
                text.getBytes(compressed ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_16LE));
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static void record(ByteArrayOutputStream out, int type, byte[] data) {
        out.writeBytes(le(2, type, 2, data.length));
        out.writeBytes(data);
    }

    /** A version 3 compound file (512-byte sectors) holding {@code workbook} as its Workbook stream. */
    private static byte[] compoundFile(byte[] workbook) {
        boolean mini = workbook.length < 4096;
        byte[] data = mini ? Arrays.copyOf(workbook, (workbook.length + 63) / 64 * 64) : workbook;
        int first = mini ? 3 : 2;
        int dataSectors = (data.length + 511) / 512;
        int total = first + dataSectors;
        ByteBuffer out = ByteBuffer.allocate(512 * (1 + total)).order(ByteOrder.LITTLE_ENDIAN);
        out.putLong(0, 0xE11AB1A1E011CFD0L).putShort(0x18, (short) 0x3E).putShort(0x1A, (short) 3)
                .putShort(0x1C, (short) 0xFFFE).putShort(0x1E, (short) 9).putShort(0x20, (short) 6)
                .putInt(0x2C, 1).putInt(0x30, 1).putInt(0x38, 4096).putInt(0x3C, mini ? 2 : -2)
                .putInt(0x40, mini ? 1 : 0).putInt(0x44, -2).putInt(0x48, 0);
        for (int k = 0; k < 109; k++) {
            out.putInt(0x4C + 4 * k, k == 0 ? 0 : -1);
        }
        int fat = 512;
        for (int k = 0; k < 128; k++) {
            int next = k == 0 ? -3 : k == 1 || (k == 2 && mini) ? -2 : k >= first && k < total - 1 ? k + 1
                    : k == total - 1 ? -2 : -1;
            out.putInt(fat + 4 * k, next);
        }
        int directory = 512 * 2;
        entry(out, directory, "Root Entry", 5, 1, mini ? first : -2, mini ? data.length : 0);
        entry(out, directory + 128, "Workbook", 2, -1, mini ? 0 : first, workbook.length);
        entry(out, directory + 256, "", 0, -1, -1, 0);
        entry(out, directory + 384, "", 0, -1, -1, 0);
        if (mini) {
            int miniFat = 512 * 3;
            int sectors = data.length / 64;
            for (int k = 0; k < 128; k++) {
                out.putInt(miniFat + 4 * k, k < sectors - 1 ? k + 1 : k == sectors - 1 ? -2 : -1);
            }
        }
        out.put(512 * (1 + first), data);
        return out.array();
    }

    private static void entry(ByteBuffer out, int at, String name, int type, int child, int start, long size) {
        byte[] chars = name.getBytes(StandardCharsets.UTF_16LE);
        out.put(at, chars);
        out.putShort(at + 0x40, (short) (name.isEmpty() ? 0 : chars.length + 2));
        out.put(at + 0x42, (byte) type);
        out.putInt(at + 0x44, -1).putInt(at + 0x48, -1).putInt(at + 0x4C, child);
        out.putInt(at + 0x74, start).putInt(at + 0x78, (int) size);
    }
}
