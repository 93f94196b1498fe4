package io.github.surveyreport.core.data;

import io.github.surveyreport.core.internal.Text;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads one worksheet of an Excel workbook (.xlsx, Office Open XML) as survey rows: the first
 * row holds the column names, every later non-empty row is a response. Streams the sheet:
 * memory grows with the number of distinct texts (the shared strings), not with the rows.
 *
 * <p>Cells become the text the engine reads: numbers in their shortest exact form, locale-
 * independent ({@code 5} for 5.0, {@code 4.5}); text as text; booleans as {@code TRUE} and
 * {@code FALSE}; cells with a date format as ISO dates ({@code 2024-03-01} or
 * {@code 2024-03-01 09:30:00}); formulas as their cached result; empty cells as {@code ""}.
 *
 * <p>Library choice: none. The workbook is read with the JDK's own {@code java.util.zip} and
 * StAX ({@code javax.xml.stream}): .xlsx needs only the package relationships, workbook.xml,
 * sharedStrings.xml, styles.xml (for which number formats are dates) and the sheet, and the
 * plugin runs in a fresh JVM per build, where every class loaded costs. Measured on a 2-core
 * machine (Java 17, cold JVM reading the 40-row test workbook, median of 5, wall time of the
 * whole JVM / classes loaded / classes from jars outside the JDK / jars added):
 * <ul>
 * <li>JDK zip + StAX: 0.48 s, 889 classes, 48 (this project's own), no jar added;</li>
 * <li>fastexcel-reader 0.18.4: 0.75 s, 1217 classes, 257, 3.2 MB of jars (aalto-xml, stax2,
 *     commons-compress, -io, -lang3, -codec);</li>
 * <li>Apache POI 5.5.1 SAX event API (XSSFReader): 2.3 s, 2492 classes, 939, 19.7 MB of jars
 *     (poi-ooxml-lite, xmlbeans, ...), and Log4j's "no logging provider" error on stderr.</li>
 * </ul>
 * For a large sheet the JDK's StAX parser is somewhat slower than fastexcel's Aalto (100,000
 * rows x 51 numeric cells: 3.5-5 s against 3.5 s, noisy machine), and both stream (the JDK
 * reader ran that sheet with -Xmx32m); a build reads a survey once, so start-up weighs more.
 *
 * <p>Hostile files: the XML parser refuses any DOCTYPE (no external entities, no entity
 * expansion), a zip entry that inflates beyond {@link #MAX_ENTRY_BYTES} or more than
 * {@link #MAX_RATIO} times its compressed size is refused as a zip bomb, and a truncated or
 * corrupt file ends in a {@link DataFileException} naming it.
 */
public final class XlsxRowSource extends WorkbookRowSource {
    /** Largest inflated size of one part of the workbook (the sheet's XML included). */
    static final long MAX_ENTRY_BYTES = 2L << 30;
    /** Largest ratio of inflated to compressed size, checked once an entry has inflated past {@link #RATIO_GRACE}. */
    static final long MAX_RATIO = 200;
    /** Inflated bytes read before the ratio is checked: small parts compress very well legitimately. */
    static final long RATIO_GRACE = 1L << 20;
    /**
     * Largest inflated size of a part that is held in memory (the shared strings, styles,
     * workbook): the sheet is streamed, these are not.
     */
    static final long MAX_HELD_BYTES = 256L << 20;
    /** {@link #MAX_ENTRY_BYTES}, smaller in tests only. */
    static volatile long maxEntryBytes = MAX_ENTRY_BYTES;

    private static final String EXCEL_97 = "an Excel 97–2003 workbook (.xls), which this version does not read; "
            + "open it in Excel or LibreOffice and save it as .xlsx (Excel Workbook) or .csv (UTF-8)";


    private ZipFile zip;
    private List<String> sharedStrings;
    /** Per cell style index ({@code s}): 0 not a date, 1 date, 2 date and time, 3 time only. */
    private byte[] dateStyles = new byte[0];
    private boolean date1904;
    private String sheetPart;
    private XMLStreamReader sheet;

    /**
     * @param file  the workbook
     * @param sheet the worksheet's name, or its 1-based number among the sheets as Excel shows
     *              them, or {@code null} for the first
     */
    public XlsxRowSource(Path file, String sheet) {
        super(file, sheet);
    }

    @Override
    public void close() {
        try {
            if (sheet != null) {
                sheet.close();
            }
        } catch (XMLStreamException e) {
            // closing only
        }
        sheet = null;
        try {
            if (zip != null) {
                zip.close();
            }
        } catch (IOException e) {
            // closing only
        }
        zip = null;
    }

    // ---------------------------------------------------------------------------------------
    // opening: package, workbook, strings, styles, the sheet's first row

    @Override
    void open() {
        checkSignature();
        try {
            zip = new ZipFile(file.toFile());
            String workbook = officeDocument();
            String base = folder(workbook);
            Map<String, String[]> relations = relationships(relsOf(workbook), base);
            readWorkbook(workbook, relations);
            for (String[] relation : relations.values()) {
                if (relation[0].endsWith("/sharedStrings")) {
                    readSharedStrings(relation[1]);
                } else if (relation[0].endsWith("/styles")) {
                    readStyles(relation[1]);
                }
            }
            if (sharedStrings == null) {
                sharedStrings = List.of();
            }
            sheet = xml(sheetPart);
            readHeader();
        } catch (DataFileException e) {
            close();
            throw e;
        } catch (ZipException e) {
            close();
            throw corrupt(e);
        } catch (IOException | XMLStreamException | RuntimeException e) {
            close();
            throw translate(e);
        }
    }

    private void checkSignature() {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(8);
        } catch (NoSuchFileException e) {
            throw new DataFileException(file, "The data file " + file + " does not exist (data.file in the study file)");
        } catch (IOException e) {
            throw new DataFileException(file, "The data file " + file + " cannot be read: " + e.getMessage());
        }
        if (head.length == 0) {
            throw new DataFileException(file, "The data file " + file + " is empty (0 bytes); it is no Excel workbook");
        }
        if (head.length >= 8 && (head[0] & 0xFF) == 0xD0 && (head[1] & 0xFF) == 0xCF && (head[2] & 0xFF) == 0x11
                && (head[3] & 0xFF) == 0xE0) {
            throw new DataFileException(file, "The data file " + file + " is " + EXCEL_97);
        }
        if (head.length < 4 || head[0] != 'P' || head[1] != 'K' || head[2] != 3 || head[3] != 4) {
            throw new DataFileException(file, "The data file " + file + " is not an Excel workbook (.xlsx): it does not "
                    + "start as a zip archive does; if it is a CSV or text file, give it a .csv name");
        }
    }

    /** The workbook part named by the package relationships, usually {@code xl/workbook.xml}. */
    private String officeDocument() throws IOException, XMLStreamException {
        if (zip.getEntry("_rels/.rels") != null) {
            for (String[] relation : relationships("_rels/.rels", "").values()) {
                if (relation[0].endsWith("/officeDocument")) {
                    return relation[1];
                }
            }
        }
        if (zip.getEntry("xl/workbook.xml") != null) {
            return "xl/workbook.xml";
        }
        throw new DataFileException(file, "The data file " + file + " is a zip archive but no Excel workbook (.xlsx): "
                + "it has no xl/workbook.xml" + (zip.getEntry("content.xml") != null
                        ? "; it looks like an OpenDocument spreadsheet (.ods): save it as .xlsx" : ""));
    }

    private static String folder(String part) {
        int slash = part.lastIndexOf('/');
        return slash < 0 ? "" : part.substring(0, slash + 1);
    }

    private static String relsOf(String part) {
        return folder(part) + "_rels/" + part.substring(part.lastIndexOf('/') + 1) + ".rels";
    }

    /** Id -> {type, part}, the targets resolved against {@code base}. */
    private Map<String, String[]> relationships(String part, String base) throws IOException, XMLStreamException {
        Map<String, String[]> relations = new HashMap<>();
        if (zip.getEntry(part) == null) {
            return relations;
        }
        XMLStreamReader xml = xml(part);
        try {
            while (xml.hasNext()) {
                if (next(xml, part) == XMLStreamConstants.START_ELEMENT && "Relationship".equals(xml.getLocalName())) {
                    String target = xml.getAttributeValue(null, "Target");
                    if (target == null || "External".equals(xml.getAttributeValue(null, "TargetMode"))) {
                        continue;
                    }
                    relations.put(xml.getAttributeValue(null, "Id"),
                            new String[] {String.valueOf(xml.getAttributeValue(null, "Type")), resolve(base, target)});
                }
            }
        } finally {
            xml.close();
        }
        return relations;
    }

    private static String resolve(String base, String target) {
        String path = target.startsWith("/") ? target.substring(1) : base + target;
        List<String> parts = new ArrayList<>();
        for (String segment : path.split("/")) {
            if (segment.equals("..")) {
                if (!parts.isEmpty()) {
                    parts.remove(parts.size() - 1);
                }
            } else if (!segment.isEmpty() && !segment.equals(".")) {
                parts.add(segment);
            }
        }
        return String.join("/", parts);
    }

    private void readWorkbook(String part, Map<String, String[]> relations) throws IOException, XMLStreamException {
        List<String> names = new ArrayList<>();
        List<String> parts = new ArrayList<>();
        XMLStreamReader xml = xml(part);
        try {
            while (xml.hasNext()) {
                if (next(xml, part) != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                if ("workbookPr".equals(xml.getLocalName())) {
                    String d = xml.getAttributeValue(null, "date1904");
                    date1904 = "1".equals(d) || "true".equals(d);
                } else if ("sheet".equals(xml.getLocalName())) {
                    String id = null;
                    for (int a = 0; a < xml.getAttributeCount(); a++) {
                        if ("id".equals(xml.getAttributeLocalName(a))
                                && String.valueOf(xml.getAttributeNamespace(a)).contains("relationships")) {
                            id = xml.getAttributeValue(a);
                        }
                    }
                    String[] relation = relations.get(id);
                    if (relation == null || !relation[0].endsWith("/worksheet")) {
                        continue; // a chart sheet or dialog sheet holds no cells
                    }
                    names.add(String.valueOf(xml.getAttributeValue(null, "name")));
                    parts.add(relation[1]);
                }
            }
        } finally {
            xml.close();
        }
        sheetNames = List.copyOf(names);
        if (names.isEmpty()) {
            throw new DataFileException(file, "The workbook " + file + " has no worksheet");
        }
        int index = chooseSheet(file, name(), names, requestedSheet);
        sheetName = names.get(index);
        sheetPart = parts.get(index);
        if (zip.getEntry(sheetPart) == null) {
            throw new DataFileException(file, "The workbook " + file + " is damaged: worksheet '" + sheetName
                    + "' has no part " + sheetPart);
        }
    }

    /**
     * The 0-based index of the worksheet {@code requested} names: a name (exact, else ignoring
     * case and surrounding spaces) or a 1-based number; the first for {@code null}.
     *
     * @throws DataFileException listing the worksheets when there is no such sheet
     */
    static int chooseSheet(Path file, String workbook, List<String> names, String requested) {
        int index = -1;
        if (requested == null) {
            index = 0;
        } else {
            index = names.indexOf(requested);
            if (index < 0) {
                for (int k = 0; k < names.size() && index < 0; k++) {
                    if (names.get(k).strip().equalsIgnoreCase(requested)) {
                        index = k;
                    }
                }
            }
            if (index < 0 && requested.matches("[0-9]{1,9}")) {
                int number = Integer.parseInt(requested);
                if (number < 1 || number > names.size()) {
                    throw new DataFileException(file, "The workbook " + workbook + " has " + names.size() + " worksheet"
                            + (names.size() == 1 ? "" : "s") + ", so data.sheet " + number + " does not exist; its "
                            + "worksheets are " + quoted(names));
                }
                index = number - 1;
            }
            if (index < 0) {
                throw new DataFileException(file, "The workbook " + workbook + " has no worksheet '"
                        + Text.forMessage(requested) + "' (data.sheet in the study file); its worksheets are "
                        + quoted(names) + ". Give a name or a number from 1 to " + names.size());
            }
        }
        return index;
    }

    private static String quoted(List<String> names) {
        StringBuilder text = new StringBuilder();
        for (int k = 0; k < names.size(); k++) {
            text.append(k == 0 ? "" : ", ").append(k + 1).append(" '").append(Text.forMessage(names.get(k))).append('\'');
        }
        return text.toString();
    }

    private void readSharedStrings(String part) throws IOException, XMLStreamException {
        List<String> strings = new ArrayList<>();
        if (zip.getEntry(part) == null) {
            sharedStrings = strings;
            return;
        }
        XMLStreamReader xml = xml(part);
        try {
            while (xml.hasNext()) {
                if (next(xml, part) == XMLStreamConstants.START_ELEMENT && "si".equals(xml.getLocalName())) {
                    strings.add(richText(xml, part));
                }
            }
        } finally {
            xml.close();
        }
        sharedStrings = strings;
    }

    /** The text of an {@code si} or {@code is} element: its {@code t} elements, phonetic runs left out. */
    private static String richText(XMLStreamReader xml, String part) throws XMLStreamException {
        String element = xml.getLocalName();
        StringBuilder text = new StringBuilder();
        int depth = 0;
        boolean phonetic = false;
        while (xml.hasNext()) {
            int event = next(xml, part);
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
                String name = xml.getLocalName();
                if ("rPh".equals(name)) {
                    phonetic = true;
                } else if ("t".equals(name) && !phonetic) {
                    text.append(xml.getElementText());
                    depth--;
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                if (depth == 0 && element.equals(xml.getLocalName())) {
                    break;
                }
                depth--;
                if ("rPh".equals(xml.getLocalName())) {
                    phonetic = false;
                }
            }
        }
        return unescape(text.toString());
    }

    /** OOXML's {@code _xHHHH_} escapes (e.g. {@code _x000D_}) as the characters they stand for. */
    static String unescape(String text) {
        if (text.indexOf("_x") < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            if (i + 7 <= text.length() && text.charAt(i) == '_' && text.charAt(i + 1) == 'x' && text.charAt(i + 6) == '_'
                    && isHex(text, i + 2, i + 6)) {
                out.append((char) Integer.parseInt(text.substring(i + 2, i + 6), 16));
                i += 7;
            } else {
                out.append(text.charAt(i++));
            }
        }
        return out.toString();
    }

    private static boolean isHex(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (Character.digit(text.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    private void readStyles(String part) throws IOException, XMLStreamException {
        if (zip.getEntry(part) == null) {
            return;
        }
        Map<Integer, String> formats = new HashMap<>();
        List<Integer> xfs = new ArrayList<>();
        XMLStreamReader xml = xml(part);
        try {
            boolean cellXfs = false;
            while (xml.hasNext()) {
                int event = next(xml, part);
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String name = xml.getLocalName();
                    if ("numFmt".equals(name)) {
                        Integer id = integer(xml.getAttributeValue(null, "numFmtId"));
                        if (id != null) {
                            formats.put(id, String.valueOf(xml.getAttributeValue(null, "formatCode")));
                        }
                    } else if ("cellXfs".equals(name)) {
                        cellXfs = true;
                    } else if ("xf".equals(name) && cellXfs) {
                        Integer id = integer(xml.getAttributeValue(null, "numFmtId"));
                        xfs.add(id == null ? 0 : id);
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT && "cellXfs".equals(xml.getLocalName())) {
                    cellXfs = false;
                }
            }
        } finally {
            xml.close();
        }
        dateStyles = new byte[xfs.size()];
        for (int k = 0; k < xfs.size(); k++) {
            dateStyles[k] = dateKind(xfs.get(k), formats.get(xfs.get(k)));
        }
    }

    private static Integer integer(String text) {
        try {
            return text == null ? null : Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * 0 when the number format shows a number, 1 a date, 2 a date and time, 3 a time of day.
     * Built-in formats by id (14–22, 45–47, and the East Asian 27–36 and 50–58 that Chinese Excel
     * uses for 2024年3月1日); custom formats by their code.
     */
    static byte dateKind(int id, String code) {
        if (code == null) {
            if (id == 14 || id == 15 || id == 16 || id == 17 || (id >= 27 && id <= 31) || id == 34 || id == 35
                    || id == 36 || (id >= 50 && id <= 58)) {
                return 1;
            }
            if (id == 22) {
                return 2;
            }
            if ((id >= 18 && id <= 21) || (id >= 45 && id <= 47) || id == 32 || id == 33) {
                return 3;
            }
            return 0;
        }
        String section = code;
        StringBuilder plain = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < section.length(); i++) {
            char c = section.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (quoted) {
                continue;
            } else if (c == ';') {
                break; // the first section decides
            } else if (c == '\\' || c == '_' || c == '*') {
                i++; // an escaped literal, a space as wide as the next character, a fill character
            } else if (c == '[') {
                int close = section.indexOf(']', i);
                String inside = close < 0 ? "" : section.substring(i + 1, close).toLowerCase(Locale.ROOT);
                if (inside.matches("h+|m+|s+")) {
                    plain.append(inside.charAt(0)); // elapsed time
                }
                i = close < 0 ? section.length() : close;
            } else {
                plain.append(Character.toLowerCase(c));
            }
        }
        String p = plain.toString();
        if (p.indexOf('#') >= 0 || p.indexOf('?') >= 0 || p.indexOf('@') >= 0 || p.indexOf("e+") >= 0
                || p.equals("general") || p.indexOf('0') >= 0 && p.indexOf("s.0") < 0 && p.indexOf("s.00") < 0) {
            return 0;
        }
        boolean date = p.indexOf('y') >= 0 || p.indexOf('d') >= 0 || p.indexOf('e') >= 0
                || (p.indexOf('m') >= 0 && p.indexOf('h') < 0 && p.indexOf('s') < 0);
        boolean time = p.indexOf('h') >= 0 || p.indexOf('s') >= 0;
        return (byte) (date && time ? 2 : date ? 1 : time ? 3 : 0);
    }

    // ---------------------------------------------------------------------------------------
    // the sheet

    private long lastRow;

    private void readHeader() throws XMLStreamException {
        Row first = nextRow();
        if (first == null) {
            throw new DataFileException(file, name() + " " + sheetReference(sheetName) + ": the worksheet is empty; it "
                    + "needs a header row with the column names and one row per respondent");
        }
        headerRow = 1;
        header = excelHeader(file, name(), sheetName, first.number(), first.cells(), this::mergedInRow1, warnings);
    }

    /**
     * The names of a worksheet's header, checked as {@link HeaderNames#check} does, the cells
     * cited as Excel does ({@code 答卷数据!C1}).
     *
     * @param firstRow the number of the sheet's first row with cells (the header must be row 1)
     * @param merged   the merged ranges touching row 1, or {@code null}; asked on errors only
     */
    static List<String> excelHeader(Path file, String workbook, String sheetName, long firstRow, String[] cells,
            java.util.function.Supplier<String> merged, List<String> warnings) {
        String[] names = firstRow == 1 ? cells : new String[0];
        String where = workbook + " " + sheetReference(sheetName) + "!1:1";
        try {
            return HeaderNames.check(file, names, new HeaderNames.Locator() {
                @Override
                public String row() {
                    return where;
                }

                @Override
                public String cell(int column) {
                    return workbook + " " + sheetReference(sheetName) + "!" + Columns.letter(column) + "1";
                }

                @Override
                public String cells(int a, int b) {
                    return workbook + " " + sheetReference(sheetName) + "!" + Columns.letter(a) + "1 and "
                            + Columns.letter(b) + "1";
                }

                @Override
                public String unit() {
                    return "row";
                }
            }, warnings);
        } catch (DataFileException e) {
            String ranges = merged.get();
            if (ranges == null && firstRow == 1) {
                throw e;
            }
            List<String> problems = new ArrayList<>();
            if (firstRow != 1) {
                problems.add(where + ": the first row is empty; it must hold the column names, one per column (the "
                        + "first row with cells is row " + firstRow + ": delete the rows above the header)");
            } else {
                problems.addAll(e.problems());
            }
            if (ranges != null) {
                problems.add(where + ": the header has merged cells (" + ranges + "); unmerge them and give every "
                        + "column its own name in row 1, with any title or group heading removed");
            }
            throw new DataFileException(file, problems, false);
        }
    }

    /** The merged ranges that touch row 1, or {@code null}: read from a second pass over the sheet, on errors only. */
    private String mergedInRow1() {
        try {
            XMLStreamReader xml = xml(sheetPart);
            List<String> ranges = new ArrayList<>();
            try {
                while (xml.hasNext()) {
                    if (next(xml, sheetPart) == XMLStreamConstants.START_ELEMENT
                            && "mergeCell".equals(xml.getLocalName())) {
                        String ref = String.valueOf(xml.getAttributeValue(null, "ref"));
                        String[] ends = ref.split(":");
                        if (ends.length == 2 && rowOf(ends[0]) == 1) {
                            ranges.add(ref);
                        }
                    }
                }
            } finally {
                xml.close();
            }
            return ranges.isEmpty() ? null : String.join(", ", ranges);
        } catch (IOException | XMLStreamException | RuntimeException e) {
            return null;
        }
    }

    private static long rowOf(String ref) {
        int i = 0;
        while (i < ref.length() && Character.isLetter(ref.charAt(i))) {
            i++;
        }
        try {
            return Long.parseLong(ref.substring(i));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** 0-based column of a reference like {@code F17}, or -1. */
    private static int columnOf(String ref) {
        int column = 0;
        int i = 0;
        while (i < ref.length() && ref.charAt(i) >= 'A' && ref.charAt(i) <= 'Z') {
            column = column * 26 + (ref.charAt(i) - 'A' + 1);
            if (column > 16384) {
                return -1;
            }
            i++;
        }
        return i == 0 ? -1 : column - 1;
    }

    /** {@link #nextRow}, its failures as {@link DataFileException}s. */
    @Override
    Row readRow() {
        try {
            return nextRow();
        } catch (DataFileException e) {
            throw e;
        } catch (XMLStreamException | RuntimeException e) {
            throw translate(e);
        }
    }

    /** The next {@code row} element of the sheet with its cells, or {@code null} at the end of the sheet data. */
    private Row nextRow() throws XMLStreamException {
        XMLStreamReader xml = sheet;
        while (xml.hasNext()) {
            int event = next(xml, sheetPart);
            if (event == XMLStreamConstants.END_ELEMENT && "sheetData".equals(xml.getLocalName())) {
                return null;
            }
            if (event != XMLStreamConstants.START_ELEMENT || !"row".equals(xml.getLocalName())) {
                continue;
            }
            String r = xml.getAttributeValue(null, "r");
            long number = r == null ? lastRow + 1 : Long.parseLong(r.strip());
            lastRow = number;
            List<String> cells = new ArrayList<>();
            int column = -1;
            while (xml.hasNext()) {
                event = next(xml, sheetPart);
                if (event == XMLStreamConstants.END_ELEMENT && "row".equals(xml.getLocalName())) {
                    break;
                }
                if (event == XMLStreamConstants.START_ELEMENT && "c".equals(xml.getLocalName())) {
                    String ref = xml.getAttributeValue(null, "r");
                    int at = ref == null ? column + 1 : columnOf(ref);
                    if (at < 0) {
                        at = column + 1;
                    }
                    column = at;
                    String value = cell(xml, number, column);
                    while (cells.size() < column) {
                        cells.add("");
                    }
                    if (cells.size() == column) {
                        cells.add(value);
                    } else {
                        cells.set(column, value);
                    }
                }
            }
            return new Row(number, cells.toArray(new String[0]));
        }
        return null;
    }

    /** The text of the {@code c} element the reader is on; leaves the reader on its end. */
    private String cell(XMLStreamReader xml, long row, int column) throws XMLStreamException {
        String type = xml.getAttributeValue(null, "t");
        Integer style = integer(xml.getAttributeValue(null, "s"));
        String value = null;
        String inline = null;
        while (xml.hasNext()) {
            int event = next(xml, sheetPart);
            if (event == XMLStreamConstants.END_ELEMENT && "c".equals(xml.getLocalName())) {
                break;
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                String name = xml.getLocalName();
                if ("v".equals(name)) {
                    value = xml.getElementText();
                } else if ("is".equals(name)) {
                    inline = richText(xml, sheetPart);
                } else if ("f".equals(name)) {
                    xml.getElementText(); // the formula: its cached value (v) is what Excel shows
                }
            }
        }
        if (type == null || type.equals("n")) {
            if (value == null || value.isBlank()) {
                return "";
            }
            int kind = style != null && style >= 0 && style < dateStyles.length ? dateStyles[style] : 0;
            if (kind == 0) {
                String integer = plainInteger(value);
                if (integer != null) {
                    return integer; // the common Likert answer, without parsing and formatting a double
                }
            }
            double number;
            try {
                number = Double.parseDouble(value.strip());
            } catch (NumberFormatException e) {
                throw new DataFileException(file, name() + " " + location(row, column) + ": the numeric cell holds '"
                        + Text.forMessage(value) + "', which is no number; the workbook is damaged");
            }
            return kind == 0 ? number(number) : date(number, kind);
        }
        switch (type) {
            case "s":
                Integer index = value == null ? null : integer(value);
                if (index == null || index < 0 || index >= sharedStrings.size()) {
                    throw new DataFileException(file, name() + " " + location(row, column) + ": the cell refers to "
                            + "shared string " + Text.forMessage(String.valueOf(value)) + ", which the workbook does "
                            + "not have (" + sharedStrings.size() + " strings); the workbook is damaged");
                }
                return sharedStrings.get(index);
            case "inlineStr":
                return inline != null ? inline : value == null ? "" : unescape(value);
            case "str":
            case "e":
                return value == null ? "" : unescape(value);
            case "b":
                return value == null ? "" : "1".equals(value.strip()) || "true".equals(value.strip()) ? "TRUE" : "FALSE";
            case "d":
                return value == null ? "" : isoDate(value.strip());
            default:
                return value == null ? "" : value;
        }
    }

    /**
     * {@code text} without a {@code .0} ending when it is an integer as {@link #number} writes
     * it ({@code 5}, {@code -12}, {@code 5.0}; no leading zeros, at most 15 digits), else {@code null}.
     */
    static String plainInteger(String text) {
        int end = text.length();
        if (end > 2 && text.charAt(end - 2) == '.' && text.charAt(end - 1) == '0') {
            end -= 2;
        }
        int start = end > 0 && text.charAt(0) == '-' ? 1 : 0;
        int digits = end - start;
        if (digits < 1 || digits > 15 || (text.charAt(start) == '0' && (digits > 1 || start == 1))) {
            return null;
        }
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
        }
        return end == text.length() ? text : text.substring(0, end);
    }

    /** The shortest text that parses back to {@code value}, without exponent for everyday magnitudes. */
    static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        String shortest = Double.toString(value);
        double magnitude = Math.abs(value);
        if (magnitude >= 1e-5 && magnitude < 1e15 && shortest.indexOf('E') >= 0) {
            return new BigDecimal(shortest).stripTrailingZeros().toPlainString();
        }
        return shortest;
    }

    private String date(double serial, int kind) {
        return excelDate(serial, kind, date1904);
    }

    /** A date serial number as an ISO date, date and time, or time ({@code kind} as {@link #dateKind} gives). */
    static String excelDate(double serial, int kind, boolean date1904) {
        long seconds = Math.round(serial * 86_400d);
        long days = Math.floorDiv(seconds, 86_400L);
        long ofDay = Math.floorMod(seconds, 86_400L);
        LocalDate date;
        if (date1904) {
            date = LocalDate.of(1904, 1, 1).plusDays(days);
        } else if (days >= 61) {
            date = LocalDate.of(1899, 12, 30).plusDays(days);
        } else if (days == 60) {
            return "1900-02-29"; // Lotus 1-2-3's leap day, which Excel keeps
        } else {
            date = LocalDate.of(1899, 12, 31).plusDays(days);
        }
        LocalTime time = LocalTime.ofSecondOfDay(ofDay);
        if (kind == 3 && days == 0) {
            return time.toString().length() == 5 ? time + ":00" : time.toString();
        }
        if (kind == 1 && ofDay == 0) {
            return date.toString();
        }
        return LocalDateTime.of(date, time).toString().replace('T', ' ').concat(time.getSecond() == 0 ? ":00" : "")
                .substring(0, 19);
    }

    /** A {@code t="d"} cell's ISO 8601 text, as {@code yyyy-MM-dd} or {@code yyyy-MM-dd HH:mm:ss}. */
    private static String isoDate(String text) {
        String t = text.replace('T', ' ');
        if (t.endsWith("Z")) {
            t = t.substring(0, t.length() - 1);
        }
        int dot = t.indexOf('.');
        if (dot > 0) {
            t = t.substring(0, dot);
        }
        if (t.endsWith(" 00:00:00")) {
            t = t.substring(0, 10);
        }
        return t;
    }

    /** The sheet name as a reference needs it: quoted when it has spaces or punctuation ('My data'). */
    static String sheetReference(String sheet) {
        boolean plain = !sheet.isEmpty() && !Character.isDigit(sheet.charAt(0));
        for (int i = 0; i < sheet.length() && plain; i++) {
            char c = sheet.charAt(i);
            plain = Character.isLetterOrDigit(c) || c == '_' || c == '.';
        }
        return plain ? sheet : "'" + sheet.replace("'", "''") + "'";
    }

    // ---------------------------------------------------------------------------------------
    // zip and XML, guarded

    private static final XMLInputFactory FACTORY = newFactory();

    private static XMLInputFactory newFactory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }

    private XMLStreamReader xml(String part) throws IOException, XMLStreamException {
        ZipEntry entry = zip.getEntry(part);
        if (entry == null) {
            throw new DataFileException(file, "The workbook " + file + " is damaged: it has no part " + part);
        }
        return FACTORY.createXMLStreamReader(
                new java.io.BufferedInputStream(new Guarded(zip.getInputStream(entry), entry, part), 1 << 16));
    }

    /** The next event; a DOCTYPE, which no workbook part has, is refused (no entities, external or expanding). */
    private static int next(XMLStreamReader xml, String part) throws XMLStreamException {
        int event = xml.next();
        if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_REFERENCE) {
            throw new Refused("its part " + part + " declares a DOCTYPE or entities, which no Excel workbook does; "
                    + "the file is refused (it may be crafted to read files or exhaust memory)");
        }
        return event;
    }

    /** Stops inflating an entry that grows beyond the limits: a zip bomb. */
    private final class Guarded extends FilterInputStream {
        private final long compressed;
        private final String part;
        private final long limit;
        private long inflated;

        Guarded(InputStream in, ZipEntry entry, String part) {
            super(in);
            this.compressed = Math.max(1, entry.getCompressedSize());
            this.part = part;
            this.limit = part.equals(sheetPart) ? maxEntryBytes : Math.min(maxEntryBytes, MAX_HELD_BYTES);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            inflated += n;
            if (inflated > limit) {
                throw new Refused("its part " + part + " inflates to more than "
                        + (limit >= 1 << 20 ? (limit >> 20) + " MB" : limit + " bytes") + "; "
                        + "the file is refused as a zip bomb (save the data as CSV if it is really that large)");
            }
            if (inflated > RATIO_GRACE && inflated / compressed > MAX_RATIO) {
                throw new Refused("its part " + part + " inflates more than " + MAX_RATIO + " times (" + compressed
                        + " compressed bytes give over " + inflated + "); the file is refused as a zip bomb");
            }
        }
    }

    /** A hostile part, thrown from inside the parser and turned into a {@link DataFileException}. */
    private static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message, null, false, false);
        }
    }

    private DataFileException corrupt(Exception e) {
        return new DataFileException(file, "The workbook " + file + " is damaged or truncated and cannot be read ("
                + Text.forMessage(String.valueOf(e.getMessage())) + "); save it again from Excel, or export the sheet "
                + "as CSV");
    }

    private DataFileException translate(Exception e) {
        Throwable cause = e;
        while (cause != null) {
            if (cause instanceof Refused) {
                return new DataFileException(file, "The workbook " + file + " is refused: " + cause.getMessage());
            }
            if (cause instanceof DataFileException d) {
                return d;
            }
            if (cause instanceof ZipException z) {
                return corrupt(z);
            }
            cause = cause.getCause();
        }
        return corrupt(e);
    }
}
