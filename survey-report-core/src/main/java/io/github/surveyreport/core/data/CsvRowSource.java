package io.github.surveyreport.core.data;

import io.github.surveyreport.core.internal.Digests;
import io.github.surveyreport.core.internal.IoErrors;
import io.github.surveyreport.core.internal.Text;
import io.github.surveyreport.core.study.DataSpec;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a survey CSV file: quoted fields with embedded delimiters and newlines, a required
 * header row, encoding and delimiter detection, and a SHA-256 of the bytes read for the
 * report's provenance. Streams: memory does not grow with the file.
 *
 * <p>Two readers give the same rows, lines and messages. Apache Commons CSV over the decoded
 * text reads every file ({@link #forEachRow}). For ASCII-compatible charsets (UTF-8, GB18030,
 * GBK, ...) the engine scans the bytes instead ({@link #scan}): fields are split on bytes,
 * numbers are parsed without creating strings, and a large file is split at line ends into
 * chunks that are scanned in parallel; input that needs Commons CSV's rules (a quote that is
 * never closed, text after a closing quote) is handed back to Commons CSV.
 */
public final class CsvRowSource implements RowSource, AutoCloseable {
    private static final char[] CANDIDATE_DELIMITERS = {',', ';', '\t'};
    private static final int HEADER_LOOKAHEAD = 1 << 20;
    /** Bytes per chunk of a parallel scan; fixed so that results do not depend on the core count. */
    static final long CHUNK = 4L << 20;
    /** {@link #CHUNK}, smaller in tests only, to put many split points into small files. */
    static volatile long chunkBytes = CHUNK;

    private final Path file;
    private final Charset requestedCharset;
    private final Character requestedDelimiter;
    /** Whether the charset is GB18030 chosen by {@link #readAsFallback}, not by the study file. */
    private final boolean fallback;
    /** What the reader noticed but could handle (an encoding guess, Excel's sep= line, ...). */
    private final List<String> warnings = new ArrayList<>();
    /** Lines before the header that are no CSV (Excel's {@code sep=;}): added to the parser's line numbers. */
    private long lineOffset;
    /** The line the header is on: 1, or 2 after Excel's {@code sep=} line. */
    private long headerLine = 1;
    /** The reader path's guard against records without end. */
    private RecordLengthGuard guard;

    private Charset charset;
    private boolean charsetDetected;
    private char delimiter;
    private List<String> header;
    private CSVParser parser;
    private MessageDigest digest;
    private String sha256;
    private boolean consumed;
    /** Whether the header was read by the byte scanner, and {@link #scan} can be used. */
    private boolean scannable;
    /** Byte offset of the first data row, and its line number (byte scanner only). */
    private long dataStart;
    private long firstDataLine;
    private boolean readerOnly;
    /** Rows between the header and the data that are export metadata (Qualtrics: 2), skipped. */
    private int metadataRows;
    /** Records the reader took ahead of time to look for export metadata, replayed when they are data. */
    private final List<Lookahead> lookahead = new ArrayList<>();

    private record Lookahead(long line, String[] cells) {
    }

    /** The line the reader's current record starts on, for messages about a record it cannot parse. */
    private long recordLine = 1;

    /**
     * @param file      the CSV file
     * @param charset   its encoding, or {@code null} to detect it
     * @param delimiter its delimiter, or {@code null} to detect it from the header line
     */
    public CsvRowSource(Path file, Charset charset, Character delimiter) {
        this(file, charset, delimiter, false);
    }

    private CsvRowSource(Path file, Charset charset, Character delimiter, boolean fallback) {
        this.file = file;
        this.requestedCharset = charset;
        this.requestedDelimiter = delimiter;
        this.fallback = fallback;
    }

    /** A reader for the data a study file describes. */
    public static CsvRowSource of(DataSpec spec) {
        return new CsvRowSource(spec.file(), spec.encoding() == null ? null : Charset.forName(spec.encoding()),
                spec.delimiter());
    }

    /**
     * Whether {@code e} says that a file read with detected encoding is not UTF-8. The reader
     * only finds out while streaming, so the caller, which owns what was accumulated so far,
     * restarts with {@link #readAsFallback}.
     */
    public static boolean isNotUtf8Signal(RuntimeException e) {
        return e instanceof NotUtf8Exception;
    }

    /**
     * The same file, to be read again as GB18030, when a file read with {@code auto} turned out
     * not to be UTF-8 and its bytes as a whole are plausibly GBK text (see
     * {@link CharsetDetector#classify}); the new source carries a warning saying so.
     *
     * @throws DataFileException naming the first invalid byte, its line and the encodings tried,
     *                           when the file is not plausibly GBK either (e.g. a UTF-8 file with a
     *                           stray Windows-1252 byte, or a Windows-1252 export)
     */
    public static CsvRowSource readAsFallback(CsvRowSource source) {
        source.close();
        CharsetDetector.Verdict verdict;
        try {
            verdict = CharsetDetector.classify(source.file, 0);
        } catch (IOException e) {
            throw source.cannotRead(e);
        }
        if (!verdict.gb18030()) {
            throw new DataFileException(source.file, source.notUtf8(verdict));
        }
        CsvRowSource next = new CsvRowSource(source.file, CharsetDetector.FALLBACK, source.requestedDelimiter, true);
        next.warnings.add(source.name() + " is not UTF-8; it was read as GB18030 (GBK), the encoding Excel uses for "
                + "CSV on Chinese Windows, because its bytes are GBK text throughout. Set data.encoding: GBK in the "
                + "study file to say so and silence this warning");
        return next;
    }

    private String notUtf8(CharsetDetector.Verdict v) {
        String latin = CharsetDetector.windows1252(v.badByte());
        return name() + " line " + v.badLine() + " (byte offset " + v.badOffset() + "): the file is not UTF-8, and "
                + "it is not read in a guessed encoding because no guess fits the whole file. The byte "
                + String.format(java.util.Locale.ROOT, "0x%02X", v.badByte()) + " is not valid UTF-8"
                + (latin == null ? "" : " (in Windows-1252 it would be '" + latin + "')")
                + ": \"" + v.badContext() + "\". Tried: UTF-8 (" + v.invalidUtf8() + " invalid byte"
                + (v.invalidUtf8() == 1 ? "" : "s") + ", the first at line " + v.badLine() + "), GB18030 ("
                + v.whyNotGb18030() + "). If the file was saved as Windows-1252 or Latin-1 (Excel in a Western "
                + "European language), set data.encoding: windows-1252 in the study file; if it is UTF-8 with a "
                + "few characters pasted from elsewhere, retype them at the line given and save the file as UTF-8; "
                + "if it is GBK, set data.encoding: GBK.";
    }

    /** The line the header is on (2 when Excel's {@code sep=} line comes first). */
    public long headerLine() {
        header();
        return headerLine;
    }

    /** What the reader noticed and handled, for the log and the report: e.g. that the encoding was guessed. */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    @Override
    public String name() {
        return file.getFileName().toString();
    }

    /** The data file. */
    public Path file() {
        return file;
    }

    /** The encoding used to read the file (known once the header has been read). */
    public Charset charset() {
        header();
        return charset;
    }

    /** The delimiter used (known once the header has been read). */
    public char delimiter() {
        header();
        return delimiter;
    }

    /** Hex SHA-256 of the file's bytes; available after {@link #forEachRow}. */
    public String sha256() {
        if (sha256 == null) {
            throw new IllegalStateException("the file has not been read to its end yet");
        }
        return sha256;
    }

    @Override
    public List<String> header() {
        if (header == null) {
            open();
        }
        return header;
    }

    @Override
    public void forEachRow(RowHandler handler) {
        header();
        if (consumed) {
            throw new IllegalStateException("rows of " + file + " were already read");
        }
        consumed = true;
        if (parser == null) {
            // the header was read by the byte scanner: read the whole file with Commons CSV
            header = null;
            openReader();
        }
        try {
            for (Lookahead ahead : lookahead) {
                String[] cells = ahead.cells();
                if (!(cells.length == 1 && Text.isSpaces(cells[0]) && header.size() > 1)) {
                    handler.row(ahead.line(), cells);
                }
            }
            lookahead.clear();
            Iterator<CSVRecord> records = parser.iterator();
            while (true) {
                long linesBefore = parser.getCurrentLineNumber() + lineOffset;
                recordLine = linesBefore + 1;
                guard.recordStarts();
                if (!records.hasNext()) {
                    break;
                }
                CSVRecord record = records.next();
                if (record.size() == 1 && Text.isSpaces(record.get(0)) && header.size() > 1) {
                    continue; // a blank (or whitespace-only) line is no response
                }
                handler.row(linesBefore + 1, record.values());
            }
            sha256 = HexFormat.of().formatHex(digest.digest());
        } catch (UncheckedIOException | IllegalStateException e) {
            throw translate(e, recordLine);
        } finally {
            close();
        }
    }

    @Override
    public void close() {
        if (parser != null) {
            try {
                parser.close();
            } catch (IOException e) {
                // nothing was written; a failed close of a read-only file loses nothing
            }
        }
    }

    /**
     * Engine-internal: whether {@link #scan} can read this file (an ASCII-compatible charset;
     * known once the header has been read).
     */
    public boolean scannable() {
        header();
        return scannable;
    }

    /** The state of one chunk of a {@link #scan}. */
    public interface ScanPart<T> extends RawRow.Handler {
        /** Adds the rows of {@code later}, which follow this part's rows in the file. */
        void merge(T later);

        /**
         * Called once, before merging, on a chunk's part: its rows were numbered from line 0, and
         * the chunk starts at {@code line} of the file. A part that keeps line numbers (for a
         * warning) adds it to them.
         */
        default void startsAtLine(long line) {
        }
    }

    /** Makes the state of a chunk. */
    @FunctionalInterface
    public interface PartFactory<T extends ScanPart<T>> {
        /**
         * @param wholeFile whether the part sees the whole file, so that its line numbers are
         *                  those an editor shows; a chunk's line numbers are not, and a chunk must
         *                  throw at its first problem: the file is then scanned again as a whole,
         *                  which finds the problems in file order with their lines
         */
        T create(boolean wholeFile);
    }

    /**
     * Engine-internal: hands every data row to parts made by {@code parts}, in file order
     * within each part, and merges the parts in file order. A file of several
     * {@value #CHUNK}-byte chunks is split at line ends and its chunks are scanned on all
     * cores (a quoted line break at a split point is detected and that chunk scanned again from
     * the true record start); any exception in a chunk makes it scan the whole file in one part
     * instead, which throws the exception in file order. Afterwards {@link #sha256()} is known.
     *
     * @throws RuntimeException for which {@link #needsReader} is true when the file needs
     *                          Commons CSV's rules: then read it with {@link #forEachRow}
     */
    public <T extends ScanPart<T>> T scan(PartFactory<T> parts) {
        return scan(parts, new int[0]);
    }

    /**
     * {@link #scan(PartFactory)}, with the charset check of the fields {@code selfChecked}
     * left to the parts: they must call {@link RawRow#check} on those fields of every row
     * before anything else (e.g. only for bytes they have not seen before).
     */
    public <T extends ScanPart<T>> T scan(PartFactory<T> parts, int[] selfChecked) {
        header();
        if (!scannable || consumed) {
            throw new IllegalStateException("rows of " + file + " cannot be scanned (again)");
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            long chunk = chunkBytes;
            long chunks = (size - dataStart + chunk - 1) / chunk;
            T result = null;
            if (chunks > 1) {
                ChunkedScan<T> chunked = new ChunkedScan<>(channel, charset, delimiter, header.size(), dataStart, size,
                        chunk, parts, selfChecked, firstDataLine);
                result = chunked.run();
                if (result != null) {
                    sha256 = chunked.sha256();
                }
            }
            if (result == null) {
                result = parts.create(true);
                try {
                    new CsvScanner(charset, delimiter, header.size()).deferChecks(selfChecked)
                            .scan(channel, dataStart, Long.MAX_VALUE, firstDataLine, result);
                } catch (CsvScanner.Malformed e) {
                    throw charsetProblem(e.line);
                } catch (CsvScanner.TooLong e) {
                    throw tooLong(e.line, e.quoted);
                }
                sha256 = ChunkedScan.sha256(channel, size);
            }
            consumed = true;
            return result;
        } catch (CsvScanner.Unscannable e) {
            scannable = false;
            throw e;
        } catch (IOException e) {
            throw cannotRead(e);
        }
    }

    /** Whether {@code e} from {@link #scan} asks to read the file with {@link #forEachRow} instead. */
    public static boolean needsReader(RuntimeException e) {
        return e instanceof CsvScanner.Unscannable;
    }

    /** Makes this source read with Commons CSV only (tests compare the two readers). */
    CsvRowSource readerOnly() {
        readerOnly = true;
        return this;
    }

    private void open() {
        checkRegularFile();
        if (readerOnly || !openScanner()) {
            openReader();
        }
    }

    /** A directory, pipe or device is refused before reading: a FIFO would hang the build. */
    private void checkRegularFile() {
        if (!Files.exists(file)) {
            throw new DataFileException(file, "The data file " + file + " does not exist (data.file in the study file)");
        }
        if (Files.isDirectory(file)) {
            throw new DataFileException(file, "The data file " + file + " is a directory; data.file in the study file "
                    + "must name the CSV file itself");
        }
        if (!Files.isRegularFile(file)) {
            throw new DataFileException(file, "The data file " + file + " is not a regular file (a named pipe, socket "
                    + "or device); copy the data into a file and point data.file at it");
        }
    }

    /** Refuses a spreadsheet, PDF or image named .csv, saying what it is. */
    private void checkText(byte[] head, int n) {
        String kind = CharsetDetector.binaryKind(head, n);
        if (kind != null) {
            throw new DataFileException(file, "The data file " + file + " is " + kind + ", not a CSV text file. "
                    + "Save the data as CSV (in Excel: File > Save As > CSV UTF-8 (Comma delimited)) and point "
                    + "data.file in the study file at it");
        }
    }

    private DataFileException cannotRead(IOException e) {
        return new DataFileException(file, "The data file " + file + " cannot be read: " + IoErrors.reason(e));
    }

    /** Reads the header with the byte scanner; false if the file needs the reader. */
    private boolean openScanner() {
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw new DataFileException(file, "The data file " + file + " does not exist (data.file in the study file)");
        } catch (IOException e) {
            throw cannotRead(e);
        }
        try (channel) {
            ByteBuffer headBuffer = ByteBuffer.allocate(CharsetDetector.HEAD);
            while (headBuffer.hasRemaining() && channel.read(headBuffer) > 0) {
                // read the start of the file
            }
            byte[] head = headBuffer.array();
            int n = headBuffer.position();
            checkText(head, n);
            CharsetDetector.Choice choice = CharsetDetector.choose(requestedCharset, head, n);
            Charset chosen = choice.charset();
            boolean detected = choice.detected();
            long bodyStart = choice.skip();
            if (n == 0) {
                throw new DataFileException(file, "The data file " + file
                        + " is empty; it needs a header row with the column names and one row per respondent");
            }
            if (!CsvScanner.supports(chosen, requestedDelimiter != null ? requestedDelimiter : ',')) {
                return false;
            }
            charset = chosen;
            charsetDetected = detected;
            long headerLine = 1;
            Character sep = excelSeparatorLine(channel, bodyStart);
            if (sep != null) {
                // Excel's "sep=;" line: it names the delimiter and is no header
                long afterSep = afterFirstLine(channel, bodyStart);
                warnings.add(name() + " line 1: Excel's 'sep=" + printable(sep) + "' line was read as the delimiter and "
                        + "skipped; the header is on line 2");
                bodyStart = afterSep;
                headerLine = 2;
            }
            char chosenDelimiter = requestedDelimiter != null ? requestedDelimiter
                    : sep != null ? sep : detectDelimiter(channel, bodyStart);
            if (!CsvScanner.supports(chosen, chosenDelimiter)) {
                return false;
            }
            CsvScanner scanner = new CsvScanner(chosen, chosenDelimiter, 0);
            String[][] names = new String[1][];
            long after;
            try {
                after = scanner.scan(channel, bodyStart, bodyStart + 1, headerLine, (line, row) -> {
                    String[] values = new String[row.size()];
                    for (int i = 0; i < values.length; i++) {
                        values[i] = row.text(i);
                    }
                    names[0] = values;
                });
            } catch (CsvScanner.Malformed e) {
                throw charsetProblem(headerLine);
            } catch (CsvScanner.TooLong e) {
                throw tooLong(e.line, e.quoted);
            } catch (CsvScanner.Unscannable e) {
                return false;
            }
            if (names[0] == null) {
                throw new DataFileException(file, "The data file " + file
                        + " is empty; it needs a header row with the column names and one row per respondent");
            }
            delimiter = chosenDelimiter;
            header = checkHeader(names[0], headerLine);
            dataStart = after;
            firstDataLine = headerLine + scanner.lastRecordLines();
            skipExportMetadata(channel, chosen, chosenDelimiter);
            scannable = true;
            return true;
        } catch (IOException e) {
            throw cannotRead(e);
        }
    }

    /** The delimiter of an Excel {@code sep=X} first line, or {@code null} if the file has none. */
    private static Character excelSeparatorLine(FileChannel channel, long start) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(8);
        while (buffer.hasRemaining() && channel.read(buffer, start + buffer.position()) > 0) {
            // the first bytes
        }
        byte[] b = buffer.array();
        int n = buffer.position();
        if (n >= 5 && b[0] == 's' && b[1] == 'e' && b[2] == 'p' && b[3] == '=' && b[4] != '"' && b[4] > 0
                && (n == 5 || b[5] == '\r' || b[5] == '\n')) {
            return (char) b[4];
        }
        return null;
    }

    /** The position after the first line end at or after {@code start}. */
    private static long afterFirstLine(FileChannel channel, long start) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(8);
        channel.read(buffer, start);
        byte[] b = buffer.array();
        int n = buffer.position();
        for (int i = 0; i < n; i++) {
            if (b[i] == '\n') {
                return start + i + 1;
            }
            if (b[i] == '\r') {
                return start + i + (i + 1 < n && b[i + 1] == '\n' ? 2 : 1);
            }
        }
        return start + n;
    }

    private static String printable(char c) {
        return c == '\t' ? "\\t" : String.valueOf(c);
    }

    /** A record that exceeds the length limit: an unclosed quote, or no line ends at all. */
    private DataFileException tooLong(long line, boolean quoted) {
        String limit = (CsvScanner.MAX_RECORD >> 20) + " MB";
        if (quoted) {
            return new DataFileException(file, name() + " line " + line + ": a quoted field that starts on this line "
                    + "is never closed: the record goes on for more than " + limit + " without a closing quote. Check "
                    + "for a stray \" character on this line (inside a quoted field a quote must be doubled: \"\")");
        }
        return new DataFileException(file, name() + " line " + line + ": no line end within " + limit + "; a CSV file "
                + "has one respondent per line. Is " + name() + " really a CSV text file?");
    }

    /**
     * Qualtrics exports put two rows under the header: the question texts and
     * {@code {"ImportId":"QID1"}} cells. They are no responses: skip both (scanner path).
     */
    private void skipExportMetadata(FileChannel channel, Charset chosen, char chosenDelimiter) throws IOException {
        List<String[]> rows = new ArrayList<>();
        long position = dataStart;
        long line = firstDataLine;
        for (int k = 0; k < 2; k++) {
            CsvScanner scanner = new CsvScanner(chosen, chosenDelimiter, 0);
            List<String[]> found = new ArrayList<>();
            long after;
            try {
                after = scanner.scan(channel, position, position + 1, line, (l, row) -> {
                    String[] values = new String[row.size()];
                    for (int i = 0; i < values.length; i++) {
                        values[i] = row.text(i);
                    }
                    found.add(values);
                });
            } catch (CsvScanner.Malformed | CsvScanner.Unscannable | CsvScanner.TooLong e) {
                return; // not metadata; the data pass reports what is wrong
            }
            if (found.isEmpty()) {
                return;
            }
            rows.add(found.get(0));
            position = after;
            line += scanner.lastRecordLines();
        }
        if (isExportMetadata(rows.get(1))) {
            metadataRows = 2;
            dataStart = position;
            firstDataLine = line;
        }
    }

    private static boolean isExportMetadata(String[] cells) {
        for (String cell : cells) {
            if (cell.strip().startsWith("{\"ImportId\"")) {
                return true;
            }
        }
        return false;
    }

    /** How many rows under the header were skipped as export metadata (Qualtrics: 2). */
    public int metadataRows() {
        header();
        return metadataRows;
    }

    private static char detectDelimiter(FileChannel channel, long start) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(HEADER_LOOKAHEAD, Math.max(0, channel.size() - start)));
        while (buffer.hasRemaining() && channel.read(buffer, start + buffer.position()) > 0) {
            // fill
        }
        byte[] bytes = buffer.array();
        int length = buffer.position();
        // the delimiters, quote and line ends are ASCII in every charset this path reads
        int[] next = {0};
        return mostFrequentDelimiter(() -> next[0] < length ? bytes[next[0]++] & 0xFF : -1);
    }

    /** The candidate delimiter that occurs most often, outside quotes, in the first line. */
    private static char mostFrequentDelimiter(IntSupplier characters) {
        int[] counts = new int[CANDIDATE_DELIMITERS.length];
        boolean quoted = false;
        for (int read = 0; read < HEADER_LOOKAHEAD; read++) {
            int c = characters.getAsInt();
            if (c < 0 || (!quoted && (c == '\n' || c == '\r'))) {
                break;
            }
            if (c == '"') {
                quoted = !quoted;
            }
            for (int k = 0; k < CANDIDATE_DELIMITERS.length; k++) {
                if (!quoted && c == CANDIDATE_DELIMITERS[k]) {
                    counts[k]++;
                }
            }
        }
        int best = 0;
        for (int k = 1; k < counts.length; k++) {
            if (counts[k] > counts[best]) {
                best = k;
            }
        }
        return CANDIDATE_DELIMITERS[best];
    }

    private RuntimeException charsetProblem(long line) {
        if (charsetDetected) {
            return new NotUtf8Exception();
        }
        CharsetDetector.Malformation at = null;
        try {
            at = CharsetDetector.firstMalformed(file, charset, bomLength());
        } catch (IOException e) {
            // the message below still names the line the reader reported
        }
        String where = at == null ? name() + " line " + line
                : name() + " line " + (at.line() + lineOffset) + " (byte offset " + at.offset() + ")";
        String bytes = at == null ? "" : ": \"" + at.context() + "\"";
        if (fallback) {
            return new DataFileException(file, where + ": the bytes are not valid GB18030" + bytes + ". The file is not "
                    + "UTF-8 and was read as GB18030 (GBK) because the rest of it looks like GBK text; set "
                    + "data.encoding in the study file to the file's real encoding (UTF-8, GBK, windows-1252, ...)");
        }
        return new DataFileException(file, where + ": the bytes are not valid " + charset.name() + bytes
                + "; data.encoding in the study file says " + requestedCharset.name() + ": set it to the file's "
                + "encoding (UTF-8, GBK, GB18030, windows-1252, UTF-16, ...) or to auto");
    }

    /** Bytes of the byte order mark the reader skipped. */
    private int bomLength() {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(CharsetDetector.HEAD);
            return CharsetDetector.choose(requestedCharset, head, head.length).skip();
        } catch (IOException e) {
            return 0;
        }
    }

    private void openReader() {
        InputStream raw;
        try {
            raw = Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw new DataFileException(file, "The data file " + file + " does not exist (data.file in the study file)");
        } catch (IOException e) {
            throw cannotRead(e);
        }
        digest = Digests.newSha256();
        try {
            BufferedInputStream in = new BufferedInputStream(new DigestInputStream(raw, digest), 1 << 16);
            in.mark(CharsetDetector.HEAD + 1);
            byte[] head = new byte[CharsetDetector.HEAD];
            int n = in.readNBytes(head, 0, head.length);
            in.reset();
            checkText(head, n);
            CharsetDetector.Choice choice = CharsetDetector.choose(requestedCharset, head, n);
            charset = choice.charset();
            charsetDetected = choice.detected();
            in.skipNBytes(choice.skip());
            if (n == 0) {
                throw new DataFileException(file, "The data file " + file
                        + " is empty; it needs a header row with the column names and one row per respondent");
            }
            Reader reader = new InputStreamReader(in, charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT));
            guard = new RecordLengthGuard(reader, CsvScanner.MAX_RECORD);
            BufferedReader buffered = new BufferedReader(guard, 1 << 16);
            Character sep = excelSeparatorLine(buffered);
            lineOffset = 0;
            if (sep != null) {
                lineOffset = 1;
                warnings.add(name() + " line 1: Excel's 'sep=" + printable(sep) + "' line was read as the delimiter and "
                        + "skipped; the header is on line 2");
            }
            delimiter = requestedDelimiter != null ? requestedDelimiter : sep != null ? sep : detectDelimiter(buffered);
            CSVFormat format = CSVFormat.RFC4180.builder()
                    .setDelimiter(delimiter)
                    .setIgnoreEmptyLines(false)
                    .get();
            parser = CSVParser.builder().setReader(buffered).setFormat(format).get();
            readHeader();
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            close();
            throw translate(e, recordLine);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Consumes Excel's {@code sep=X} first line and returns X, or returns {@code null} and consumes nothing. */
    private static Character excelSeparatorLine(BufferedReader reader) throws IOException {
        reader.mark(8);
        char[] start = new char[7];
        int n = reader.read(start, 0, start.length);
        String text = n <= 0 ? "" : new String(start, 0, n);
        if (text.startsWith("sep=") && text.length() >= 5 && text.charAt(4) != '"'
                && (text.length() == 5 || text.charAt(5) == '\r' || text.charAt(5) == '\n')) {
            reader.reset();
            reader.skip(5);
            reader.mark(2);
            int c = reader.read();
            if (c == '\r') {
                reader.mark(1);
                if (reader.read() != '\n') {
                    reader.reset();
                }
            } else if (c != '\n' && c >= 0) {
                reader.reset();
            }
            return text.charAt(4);
        }
        reader.reset();
        return null;
    }

    private void readHeader() {
        Iterator<CSVRecord> records = parser.iterator();
        guard.recordStarts();
        if (!records.hasNext()) {
            throw new DataFileException(file, "The data file " + file
                    + " is empty; it needs a header row with the column names and one row per respondent");
        }
        header = checkHeader(records.next().values(), 1 + lineOffset);
        // look two records ahead for Qualtrics' metadata rows (question texts, ImportIds)
        lookahead.clear();
        for (int k = 0; k < 2; k++) {
            long linesBefore = parser.getCurrentLineNumber() + lineOffset;
            recordLine = linesBefore + 1;
            guard.recordStarts();
            if (!records.hasNext()) {
                break;
            }
            lookahead.add(new Lookahead(linesBefore + 1, records.next().values()));
        }
        if (lookahead.size() == 2 && isExportMetadata(lookahead.get(1).cells())) {
            metadataRows = 2;
            lookahead.clear();
        }
    }

    /** The header's names checked as {@link HeaderNames#check} does, the header being on {@code line}. */
    private List<String> checkHeader(String[] names, long line) {
        headerLine = line;
        String where = name() + " line " + line;
        return HeaderNames.check(file, names, new HeaderNames.Locator() {
            @Override
            public String row() {
                return where;
            }

            @Override
            public String cell(int column) {
                return where + ", column " + Columns.letter(column);
            }

            @Override
            public String cells(int first, int second) {
                return where + ", columns " + Columns.letter(first) + " and " + Columns.letter(second);
            }
        }, warnings);
    }

    private static char detectDelimiter(BufferedReader reader) throws IOException {
        reader.mark(HEADER_LOOKAHEAD);
        IOException[] failure = new IOException[1];
        char delimiter = mostFrequentDelimiter(() -> {
            try {
                return reader.read();
            } catch (IOException e) {
                failure[0] = e;
                return -1;
            }
        });
        if (failure[0] != null) {
            throw failure[0];
        }
        reader.reset();
        return delimiter;
    }

    /** Turns a read failure into a message, or into the signal to retry as GB18030. */
    private RuntimeException translate(Exception e, long line) {
        Throwable cause = e;
        while (cause != null && !(cause instanceof CharacterCodingException)) {
            cause = cause.getCause();
        }
        if (cause != null) {
            return charsetProblem(line);
        }
        if (e instanceof DataFileException) {
            return (DataFileException) e;
        }
        Throwable tooLong = e;
        while (tooLong != null && !(tooLong instanceof RecordLengthGuard.TooLongException)) {
            tooLong = tooLong.getCause();
        }
        if (tooLong != null) {
            return tooLong(line, true);
        }
        String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (detail.contains("EOF reached before encapsulated token finished")) {
            return new DataFileException(file, name() + " line " + line + ": a quoted field (starting with \") is never "
                    + "closed before the end of the file; check for a stray quote character on or before this line");
        }
        if (detail.toLowerCase(java.util.Locale.ROOT).contains("between encapsulated token and delimiter")) {
            return new DataFileException(file, name() + " line " + line + ": text follows a closing quote; inside a "
                    + "quoted field a quote must be doubled (\"\")");
        }
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        if (root instanceof IOException io && !root.getClass().getName().startsWith("org.apache.commons.csv")
                && !(root.getMessage() != null && root.getMessage().contains("encapsulated token"))) {
            return cannotRead(io); // the disk, not the CSV: say why
        }
        return new DataFileException(file, name() + " line " + line + ": cannot be read: " + Text.forMessage(detail));
    }

    /** Signals that a file read as UTF-8 by detection is not UTF-8: read it again as GB18030. */
    static final class NotUtf8Exception extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotUtf8Exception() {
            super("not UTF-8", null, false, false);
        }
    }
}
