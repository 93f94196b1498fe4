package io.github.surveyreport.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.surveyreport.core.ResultsJson;
import io.github.surveyreport.core.SurveyAnalysis;
import io.github.surveyreport.core.study.StudyLoader;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XlsxRowSourceTest {
    private static final String NS = "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
            + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"";

    @TempDir
    Path dir;

    /** A fixture of reference/survey/xlsx (shared with {@link XlsRowSourceTest}). */
    static Path reference(String name) {
        try {
            return Path.of(XlsxRowSourceTest.class.getResource("/reference/survey/xlsx/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A row as a reader hands it out: its line (Excel row) and cells. */
    record Line(long line, List<String> cells) {
    }

    static List<Line> rows(RowSource source) {
        List<Line> rows = new ArrayList<>();
        source.forEachRow((line, cells) -> rows.add(new Line(line, Arrays.asList(cells.clone()))));
        return rows;
    }

    @Test
    void everyCellAsInTheCsvExport() {
        CsvRowSource csv = new CsvRowSource(reference("wjx.csv"), StandardCharsets.UTF_8, ',');
        try (XlsxRowSource xlsx = new XlsxRowSource(reference("wjx.xlsx"), null)) {
            assertThat(xlsx.header()).isEqualTo(csv.header())
                    .startsWith("序号", "提交答卷时间", "所用时间", "性别", "Q1");
            assertThat(xlsx.sheet()).isEqualTo("答卷数据");
            List<Line> expected = rows(csv);
            List<Line> actual = rows(xlsx);
            assertThat(actual).hasSize(40); // the formatted empty rows after the data are no responses
            assertThat(actual).isEqualTo(expected);
            assertThat(actual.get(0).cells()).containsExactly("1", "2024-03-01 16:30:28", "63秒", "男", "3", "3", "3",
                    "3", "4", "2", "5", "1");
            assertThat(actual.get(4).cells().get(1)).isEqualTo("2024-03-02");
            assertThat(xlsx.warnings()).isEmpty();
            assertThat(xlsx.sha256()).hasSize(64);
        }
    }

    @Test
    void sheetByNameOrNumber() {
        try (XlsxRowSource byName = new XlsxRowSource(reference("wjx.xlsx"), "说明")) {
            assertThat(byName.header()).containsExactly("项目", "内容");
            assertThat(byName.sheets()).containsExactly("答卷数据", "说明");
            assertThat(rows(byName)).extracting(Line::line).containsExactly(2L);
        }
        try (XlsxRowSource byNumber = new XlsxRowSource(reference("wjx.xlsx"), "2")) {
            assertThat(byNumber.header()).containsExactly("项目", "内容");
        }
        try (XlsxRowSource first = new XlsxRowSource(reference("wjx.xlsx"), "1")) {
            assertThat(first.sheet()).isEqualTo("答卷数据");
        }
    }

    @Test
    void unknownSheetListsTheSheets() {
        assertThatThrownBy(() -> new XlsxRowSource(reference("wjx.xlsx"), "Sheet1").header())
                .isInstanceOf(DataFileException.class)
                .hasMessageContaining("no worksheet 'Sheet1'")
                .hasMessageContaining("1 '答卷数据', 2 '说明'");
        assertThatThrownBy(() -> new XlsxRowSource(reference("wjx.xlsx"), "3").header())
                .isInstanceOf(DataFileException.class)
                .hasMessageContaining("has 2 worksheets, so data.sheet 3 does not exist");
    }

    @Test
    void cellsAreCitedAsExcelDoes() {
        try (XlsxRowSource xlsx = new XlsxRowSource(reference("wjx.xlsx"), null)) {
            assertThat(xlsx.location(17, 5)).isEqualTo("答卷数据!F17");
            assertThat(xlsx.at(17, 5)).isEqualTo("wjx.xlsx 答卷数据!F17 (Q2)");
        }
        assertThat(XlsxRowSource.sheetReference("My data")).isEqualTo("'My data'");
        assertThat(XlsxRowSource.sheetReference("Tom's")).isEqualTo("'Tom''s'");
        assertThat(RowSource.of("rows", List.of("id", "Q1"), List.of()).at(3, 1)).isEqualTo("rows line 3, column Q1 (B)");
    }

    @Test
    void numbersInTheirShortestExactForm() {
        assertThat(XlsxRowSource.number(5.0)).isEqualTo("5");
        assertThat(XlsxRowSource.number(-3.0)).isEqualTo("-3");
        assertThat(XlsxRowSource.number(4.5)).isEqualTo("4.5");
        assertThat(XlsxRowSource.number(0.1 + 0.2)).isEqualTo("0.30000000000000004");
        assertThat(XlsxRowSource.number(1e-3)).isEqualTo("0.001");
        assertThat(XlsxRowSource.number(1e20)).isEqualTo("1.0E20");
        assertThat(XlsxRowSource.plainInteger("5.0")).isEqualTo("5");
        assertThat(XlsxRowSource.plainInteger("-12")).isEqualTo("-12");
        assertThat(XlsxRowSource.plainInteger("0")).isEqualTo("0");
        assertThat(XlsxRowSource.plainInteger("-0")).isNull();
        assertThat(XlsxRowSource.plainInteger("05")).isNull();
        assertThat(XlsxRowSource.plainInteger("4.5")).isNull();
        assertThat(XlsxRowSource.plainInteger("1E3")).isNull();
        assertThat(XlsxRowSource.plainInteger("1234567890123456")).isNull();
        NumberParser parser = new NumberParser(false);
        for (double value : new double[] {5, 4.5, 0.1 + 0.2, 1e-3, 1e20, 1.5e-7, 123456.789, 1e15 + 0.5}) {
            assertThat(parser.parse(XlsxRowSource.number(value))).isEqualTo(value);
        }
    }

    @Test
    void dateFormats() {
        assertThat(XlsxRowSource.dateKind(14, null)).isEqualTo((byte) 1);
        assertThat(XlsxRowSource.dateKind(22, null)).isEqualTo((byte) 2);
        assertThat(XlsxRowSource.dateKind(20, null)).isEqualTo((byte) 3);
        assertThat(XlsxRowSource.dateKind(2, null)).isZero();
        assertThat(XlsxRowSource.dateKind(164, "yyyy\"年\"m\"月\"d\"日\"")).isEqualTo((byte) 1);
        assertThat(XlsxRowSource.dateKind(165, "[$-409]yyyy/mm/dd hh:mm:ss")).isEqualTo((byte) 2);
        assertThat(XlsxRowSource.dateKind(166, "0.00%")).isZero();
        assertThat(XlsxRowSource.dateKind(167, "#,##0\"分\"")).isZero();
        assertThat(XlsxRowSource.dateKind(168, "[Red]0.0;[Blue]-0.0")).isZero();
        assertThat(XlsxRowSource.dateKind(169, "[h]:mm:ss")).isEqualTo((byte) 3);
        assertThat(XlsxRowSource.unescape("a_x000D_b_x00")).isEqualTo("a\rb_x00");
    }

    @Test
    void sharedStringsBooleansFormulasErrorsAndDates() throws IOException {
        Map<String, String> parts = workbook("""
                <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr">\
                <is><t>flag</t></is></c><c r="D1" t="s"><v>2</v></c><c r="E1" t="s"><v>3</v></c>\
                <c r="F1" s="0"/></row>
                <row r="3"><c r="A3"><v>2.5</v></c><c r="B3" t="s"><v>4</v></c><c r="C3" t="b"><v>1</v></c>\
                <c r="D3" t="str"><f>A3&amp;"x"</f><v>2.5x</v></c><c r="E3" t="e"><v>#DIV/0!</v></c></row>
                <row r="4"><c r="B4" s="1"><v>45352.5</v></c><c r="C4" t="b"><v>0</v></c>\
                <c r="D4"><f>1/3</f><v>0.33333333333333331</v></c><c r="E4" t="s"><v>5</v></c></row>
                <row r="7" s="1" customFormat="1"/>""");
        parts.put("xl/sharedStrings.xml", "<sst " + NS + "><si><t>id</t></si><si><r><t>问</t></r><r><t>题</t></r>"
                + "<rPh sb=\"0\" eb=\"1\"><t>もん</t></rPh></si><si><t>formula</t></si><si><t>error</t></si>"
                + "<si><t xml:space=\"preserve\">line_x000D_\nnext </t></si><si><t>R&amp;D &lt;3&gt; &#x95EE;&quot;</t></si>"
                + "</sst>");
        Path file = zip(parts);
        try (XlsxRowSource xlsx = new XlsxRowSource(file, null)) {
            assertThat(xlsx.header()).containsExactly("id", "问题", "flag", "formula", "error", "");
            assertThat(xlsx.warnings()).singleElement().asString().contains("1 column at the end of the header (F)");
            List<Line> rows = rows(xlsx);
            assertThat(rows).extracting(Line::line).containsExactly(3L, 4L);
            assertThat(rows.get(0).cells()).containsExactly("2.5", "line\r\nnext ", "TRUE", "2.5x", "#DIV/0!", "");
            assertThat(rows.get(1).cells()).containsExactly("", "2024-03-01 12:00:00", "FALSE", "0.3333333333333333",
                    "R&D <3> 问\"", "");
        }
    }

    @Test
    void the1904DateSystem() throws IOException {
        Map<String, String> parts = workbook("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>when</t></is></c>"
                + "<c r=\"B1\" t=\"inlineStr\"><is><t>time</t></is></c></row><row r=\"2\"><c r=\"A2\" s=\"1\">"
                + "<v>1</v></c><c r=\"B2\" s=\"2\"><v>0.75</v></c></row>");
        parts.put("xl/workbook.xml", parts.get("xl/workbook.xml").replace("<sheets>",
                "<workbookPr date1904=\"1\"/><sheets>"));
        parts.put("xl/styles.xml", parts.get("xl/styles.xml").replace("<cellXfs count=\"2\">",
                "<cellXfs count=\"3\">").replace("</cellXfs>", "<xf numFmtId=\"21\"/></cellXfs>"));
        try (XlsxRowSource xlsx = new XlsxRowSource(zip(parts), null)) {
            assertThat(rows(xlsx)).singleElement().extracting(Line::cells)
                    .isEqualTo(List.of("1904-01-02 00:00:00", "18:00:00"));
        }
    }

    @Test
    void mergedHeaderCellsAreAnError() throws IOException {
        Map<String, String> parts = workbook("""
                <row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c><c r="B1" t="inlineStr"><is><t>量表</t></is>\
                </c><c r="C1"/><c r="D1" t="inlineStr"><is><t>性别</t></is></c></row>
                <row r="2"><c r="A2"><v>1</v></c></row>""");
        parts.put("xl/worksheets/sheet1.xml", parts.get("xl/worksheets/sheet1.xml")
                .replace("</sheetData>", "</sheetData><mergeCells count=\"1\"><mergeCell ref=\"B1:C1\"/></mergeCells>"));
        Path file = zip(parts);
        assertThatThrownBy(() -> new XlsxRowSource(file, null).header()).isInstanceOf(DataFileException.class)
                .hasMessageContaining("book.xlsx Data!C1: the header has an empty column name")
                .hasMessageContaining("merged cells (B1:C1)");
    }

    @Test
    void blankFirstRowIsAnError() throws IOException {
        Path file = zip(workbook("<row r=\"3\"><c r=\"A3\"><v>1</v></c></row>"));
        assertThatThrownBy(() -> new XlsxRowSource(file, null).header()).isInstanceOf(DataFileException.class)
                .hasMessageContaining("book.xlsx Data!1:1: the first row is empty")
                .hasMessageContaining("the first row with cells is row 3");
        Path empty = zip(workbook(""));
        assertThatThrownBy(() -> new XlsxRowSource(empty, null).header()).isInstanceOf(DataFileException.class)
                .hasMessageContaining("the worksheet is empty");
    }

    @Test
    void valueOutsideTheHeaderIsAnError() throws IOException {
        Path file = zip(workbook("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>id</t></is></c></row>"
                + "<row r=\"2\"><c r=\"A2\"><v>1</v></c><c r=\"C2\"><v>7</v></c></row>"));
        try (XlsxRowSource xlsx = new XlsxRowSource(file, null)) {
            assertThatThrownBy(() -> rows(xlsx)).isInstanceOf(DataFileException.class)
                    .hasMessageContaining("book.xlsx Data!C2: the cell holds '7' but its column has no name");
        }
    }

    @Test
    void notAWorkbook() throws IOException {
        Path csv = dir.resolve("data.xlsx");
        Files.writeString(csv, "a,b\n1,2\n");
        assertThatThrownBy(() -> new XlsxRowSource(csv, null).header()).isInstanceOf(DataFileException.class)
                .hasMessageContaining("is not an Excel workbook (.xlsx)");
        Path xls = dir.resolve("old.xlsx");
        Files.write(xls, new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
            (byte) 0xE1, 0, 0});
        assertThatThrownBy(() -> new XlsxRowSource(xls, null).header()).isInstanceOf(DataFileException.class)
                .hasMessageContaining("Excel 97–2003 workbook (.xls)");
        assertThatThrownBy(() -> new XlsxRowSource(dir.resolve("missing.xlsx"), null).header())
                .isInstanceOf(DataFileException.class).hasMessageContaining("does not exist");
    }

    @Test
    void truncatedWorkbook() throws IOException {
        byte[] whole = Files.readAllBytes(reference("wjx.xlsx"));
        for (int length : new int[] {whole.length / 2, whole.length - 30}) {
            Path cut = dir.resolve("cut" + length + ".xlsx");
            Files.write(cut, Arrays.copyOf(whole, length));
            assertThatThrownBy(() -> {
                try (XlsxRowSource xlsx = new XlsxRowSource(cut, null)) {
                    rows(xlsx);
                }
            }).isInstanceOf(DataFileException.class).hasMessageContaining("damaged or truncated");
        }
    }

    @Test
    void zipBombIsRefused() throws IOException {
        Map<String, String> parts = workbook("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>");
        String sheet = parts.get("xl/worksheets/sheet1.xml");
        parts.put("xl/worksheets/sheet1.xml", sheet.replace("<sheetData>", "<sheetData>" + " ".repeat(8 << 20)));
        Path file = zip(parts);
        assertThatThrownBy(() -> new XlsxRowSource(file, null).header()).isInstanceOf(DataFileException.class)
                .hasMessageContaining("xl/worksheets/sheet1.xml inflates more than 200 times")
                .hasMessageContaining("zip bomb");
        long before = XlsxRowSource.maxEntryBytes;
        XlsxRowSource.maxEntryBytes = 1000;
        try {
            Path plain = zip(workbook("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>" + "<row/>".repeat(300)));
            assertThatThrownBy(() -> new XlsxRowSource(plain, null).header()).isInstanceOf(DataFileException.class)
                    .hasMessageContaining("inflates to more than");
        } finally {
            XlsxRowSource.maxEntryBytes = before;
        }
    }

    @Test
    void externalEntitiesAreRefused() throws IOException {
        Files.writeString(dir.resolve("secret.txt"), "secret");
        Map<String, String> parts = workbook("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&xxe;</t></is></c></row>");
        parts.put("xl/worksheets/sheet1.xml", "<?xml version=\"1.0\"?><!DOCTYPE worksheet [<!ENTITY xxe SYSTEM \""
                + dir.resolve("secret.txt").toUri() + "\">]>" + parts.get("xl/worksheets/sheet1.xml"));
        Path file = zip(parts);
        assertThatThrownBy(() -> new XlsxRowSource(file, null).header()).isInstanceOf(DataFileException.class)
                .hasMessageContaining("DOCTYPE").hasMessageNotContaining("secret");
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
        var fromXlsx = SurveyAnalysis.run(loaded, new XlsxRowSource(reference("wjx.xlsx"), "答卷数据"));
        assertThat(fromXlsx.sample().n()).isEqualTo(fromCsv.sample().n()).isPositive();
        assertThat(ResultsJson.toJson(fromXlsx.sample())).isEqualTo(ResultsJson.toJson(fromCsv.sample()));
        assertThat(ResultsJson.toJson(fromXlsx.reliability())).isEqualTo(ResultsJson.toJson(fromCsv.reliability()));
        assertThat(ResultsJson.toJson(fromXlsx.descriptives())).isEqualTo(ResultsJson.toJson(fromCsv.descriptives()));
    }

    // ---------------------------------------------------------------------------------------

    /** The parts of a one-sheet workbook named Data whose sheetData holds {@code rows}. */
    private static Map<String, String> workbook(String rows) {
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>");
        parts.put("_rels/.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
                + "officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
        parts.put("xl/workbook.xml", "<workbook " + NS + "><sheets><sheet name=\"Data\" sheetId=\"1\" r:id=\"rId1\"/>"
                + "</sheets></workbook>");
        parts.put("xl/_rels/workbook.xml.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/"
                + "relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                + "relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/><Relationship Id=\"rId2\" Type=\"http://"
                + "schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"/xl/sharedStrings"
                + ".xml\"/><Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                + "relationships/styles\" Target=\"styles.xml\"/></Relationships>");
        parts.put("xl/styles.xml", "<styleSheet " + NS + "><cellXfs count=\"2\"><xf numFmtId=\"0\"/><xf numFmtId=\"22\"/>"
                + "</cellXfs></styleSheet>");
        parts.put("xl/worksheets/sheet1.xml", "<worksheet " + NS + "><sheetData>" + rows + "</sheetData></worksheet>");
        return parts;
    }

    private Path zip(Map<String, String> parts) throws IOException {
        Path file = dir.resolve("book.xlsx");
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> part : parts.entrySet()) {
                zip.putNextEntry(new ZipEntry(part.getKey()));
                zip.write(part.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return file;
    }
}
