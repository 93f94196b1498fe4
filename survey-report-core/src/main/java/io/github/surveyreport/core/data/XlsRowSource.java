package io.github.surveyreport.core.data;

import io.github.surveyreport.core.internal.Text;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one worksheet of an Excel 97–2003 workbook (.xls, BIFF8 in a compound file) as survey
 * rows, with the same cells, header rules and messages as {@link XlsxRowSource}. Streams the
 * sheet's records: memory grows with the shared string table and the file's sector table (4
 * bytes per 512-byte sector), not with the rows.
 *
 * <p>Written on the published format descriptions ([MS-CFB] for the compound file, [MS-XLS]
 * for the records) with no library: Apache POI's HSSF event API would add poi.jar (3 MB) and
 * six more jars (8.2 MB in all) for a format that only old exports use. Measured cold (Java 17,
 * 2 cores, the 40-row test workbook, median of 5, whole JVM): this reader 0.20 s and 783
 * classes loaded; POI's HSSFEventFactory 0.64 s and 1853 classes. Encrypted workbooks and workbooks older than
 * Excel 97 (BIFF5) are refused with a message saying how to convert them.
 */
public final class XlsRowSource extends WorkbookRowSource {
    private static final int BOF = 0x0809;
    private static final int EOF = 0x000A;
    private static final int CONTINUE = 0x003C;


    private FileChannel channel;
    private Records records;
    private final List<String> sst = new ArrayList<>();
    private final Map<Integer, String> formats = new HashMap<>();
    private final List<Integer> xfFormats = new ArrayList<>();
    private byte[] dateStyles = new byte[0];
    private boolean date1904;
    private final List<String> merged = new ArrayList<>();
    /** A row read ahead: the first cell of the next row, met while collecting the current one. */
    private Cell pending;
    private boolean sheetEnded;

    private record Cell(int row, int column, String value) {
    }

    /**
     * @param file  the workbook
     * @param sheet the worksheet's name or 1-based number, or {@code null} for the first
     */
    public XlsRowSource(Path file, String sheet) {
        super(file, sheet);
    }

    @Override
    public void close() {
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException e) {
            // closing only
        }
        channel = null;
    }

    // ---------------------------------------------------------------------------------------

    @Override
    void open() {
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ);
            ByteBuffer head = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            channel.read(head, 0);
            if (head.position() < 8 || head.getLong(0) != CompoundFile.MAGIC) {
                byte[] start = Arrays.copyOf(head.array(), head.position());
                throw new DataFileException(file, "The data file " + file + " is not an Excel 97–2003 workbook (.xls)"
                        + (start.length >= 2 && start[0] == 'P' && start[1] == 'K'
                                ? ": it is a zip archive, as an .xlsx workbook is" : ""));
            }
            CompoundFile compound = new CompoundFile(channel);
            InputStream stream = compound.stream("Workbook");
            if (stream == null) {
                throw damaged(compound.stream("Book") != null
                        ? "it is an Excel 5.0/95 workbook (BIFF5), older than this reader supports; open it in Excel or "
                                + "LibreOffice and save it as .xlsx"
                        : "it is an OLE compound file without a Workbook stream (a Word or other Office 97 file?)");
            }
            records = new Records(stream);
            List<long[]> sheetOffsets = readGlobals();
            List<String> names = new ArrayList<>();
            for (long[] offset : sheetOffsets) {
                names.add(sheetNameAt.get(offset[0]));
            }
            sheetNames = List.copyOf(names);
            if (names.isEmpty()) {
                throw new DataFileException(file, "The workbook " + file + " has no worksheet");
            }
            int index = XlsxRowSource.chooseSheet(file, name(), names, requestedSheet);
            sheetName = names.get(index);
            records.skipTo(sheetOffsets.get(index)[0]);
            if (records.next() != BOF) {
                throw damaged("worksheet '" + sheetName + "' does not start where the workbook says");
            }
            Row first = readRow();
            if (first == null) {
                throw new DataFileException(file, name() + " " + XlsxRowSource.sheetReference(sheetName)
                        + ": the worksheet is empty; it needs a header row with the column names and one row per "
                        + "respondent");
            }
            header = XlsxRowSource.excelHeader(file, name(), sheetName, first.number(), first.cells(), this::mergedInRow1,
                    warnings);
        } catch (DataFileException e) {
            close();
            throw e;
        } catch (NoSuchFileException e) {
            close();
            throw new DataFileException(file, "The data file " + file + " does not exist (data.file in the study file)");
        } catch (IOException | RuntimeException e) {
            close();
            throw damaged(e);
        }
    }

    private final Map<Long, String> sheetNameAt = new HashMap<>();

    /** Reads the workbook globals up to their EOF; returns the worksheets' stream offsets, in tab order. */
    private List<long[]> readGlobals() throws IOException {
        if (records.next() != BOF) {
            throw damaged("its Workbook stream does not start with a BOF record");
        }
        int version = records.u16(0);
        if (version != 0x0600) {
            throw damaged("it is an Excel workbook older than Excel 97 (BIFF version 0x"
                    + Integer.toHexString(version) + "); open it in Excel or LibreOffice and save it as .xlsx");
        }
        List<long[]> sheets = new ArrayList<>();
        List<byte[]> sstParts = null;
        while (true) {
            int type = records.next();
            if (type < 0) {
                throw damaged("its Workbook stream ends inside the workbook globals");
            }
            if (sstParts != null && type != CONTINUE) {
                readSst(sstParts);
                sstParts = null;
            }
            switch (type) {
                case EOF:
                    dateStyles = new byte[xfFormats.size()];
                    for (int k = 0; k < xfFormats.size(); k++) {
                        int id = xfFormats.get(k);
                        dateStyles[k] = XlsxRowSource.dateKind(id, formats.get(id));
                    }
                    return sheets;
                case 0x002F: // FILEPASS
                    throw new DataFileException(file, "The workbook " + file + " is encrypted (protected with a "
                            + "password to open); open it in Excel, remove the password and save it as .xlsx");
                case 0x0022: // DATEMODE
                    date1904 = records.u16(0) == 1;
                    break;
                case 0x041E: { // FORMAT
                    int id = records.u16(0);
                    formats.put(id, records.unicodeString(2, true));
                    break;
                }
                case 0x00E0: // XF
                    xfFormats.add(records.u16(2));
                    break;
                case 0x0085: { // BOUNDSHEET8
                    long position = records.u32(0);
                    int kind = records.u8(5);
                    String name = records.unicodeString(6, false);
                    if (kind == 0) {
                        sheets.add(new long[] {position});
                        sheetNameAt.put(position, name);
                    }
                    break;
                }
                case 0x00FC: // SST
                    sstParts = new ArrayList<>();
                    sstParts.add(records.copy());
                    break;
                case CONTINUE:
                    if (sstParts != null) {
                        sstParts.add(records.copy());
                    }
                    break;
                default:
                    break;
            }
        }
    }

    /** The shared string table, its strings split across CONTINUE records as [MS-XLS] 2.5.293 describes. */
    private void readSst(List<byte[]> parts) {
        Segments in = new Segments(parts);
        in.skip(4);
        long unique = in.u32();
        for (long k = 0; k < unique && in.hasMore(); k++) {
            int length = in.u16();
            int flags = in.u8();
            int runs = (flags & 0x08) != 0 ? in.u16() : 0;
            long extension = (flags & 0x04) != 0 ? in.u32() : 0;
            sst.add(in.chars(length, (flags & 0x01) != 0));
            in.skip(4L * runs + extension);
        }
    }

    /** Bytes of a record and its CONTINUE records, read across their boundaries. */
    private static final class Segments {
        private final List<byte[]> parts;
        private int part;
        private int offset;

        Segments(List<byte[]> parts) {
            this.parts = parts;
        }

        boolean hasMore() {
            while (part < parts.size() && offset >= parts.get(part).length) {
                part++;
                offset = 0;
            }
            return part < parts.size();
        }

        int u8() {
            if (!hasMore()) {
                throw new IllegalStateException("the shared string table ends early");
            }
            return parts.get(part)[offset++] & 0xFF;
        }

        int u16() {
            return u8() | u8() << 8;
        }

        long u32() {
            return (u16() | (long) u16() << 16) & 0xFFFFFFFFL;
        }

        void skip(long n) {
            for (long k = 0; k < n; k++) {
                u8();
            }
        }

        /** {@code count} characters; a CONTINUE record in the middle starts with a new option byte. */
        String chars(int count, boolean wide) {
            StringBuilder text = new StringBuilder(count);
            boolean high = wide;
            while (text.length() < count) {
                if (offset >= parts.get(part).length) {
                    part++;
                    offset = 0;
                    if (part >= parts.size()) {
                        throw new IllegalStateException("the shared string table ends inside a string");
                    }
                    high = (u8() & 0x01) != 0;
                    continue;
                }
                text.append(high ? (char) u16() : (char) u8());
            }
            return text.toString();
        }
    }

    /** The next row's cells, or {@code null} at the end of the sheet. */
    @Override
    Row readRow() {
        try {
            return nextRow();
        } catch (DataFileException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw damaged(e);
        }
    }

    private Row nextRow() throws IOException {
        List<String> cells = new ArrayList<>();
        int row = -1;
        while (true) {
            Cell cell = pending != null ? pending : sheetEnded ? null : nextCell();
            pending = null;
            if (cell == null) {
                sheetEnded = true;
                return row < 0 ? null : new Row(row + 1L, cells.toArray(new String[0]));
            }
            if (row >= 0 && cell.row != row) {
                if (cell.row < row) {
                    throw new DataFileException(file, name() + " " + location(cell.row + 1L, cell.column) + ": the "
                            + "worksheet's cells are not stored in row order; save the workbook as .xlsx and read that");
                }
                pending = cell;
                return new Row(row + 1L, cells.toArray(new String[0]));
            }
            row = cell.row;
            while (cells.size() <= cell.column) {
                cells.add("");
            }
            cells.set(cell.column, cell.value);
        }
    }

    /** The next cell with a value, or {@code null} at the sheet's EOF. */
    private Cell nextCell() throws IOException {
        if (!pendingQueue.isEmpty()) {
            return pendingQueue.poll();
        }
        while (true) {
            int type = records.next();
            if (type < 0) {
                throw damaged("worksheet '" + sheetName + "' ends without its EOF record");
            }
            switch (type) {
                case EOF:
                    return null;
                case BOF: // an embedded chart: skip to its EOF
                    int depth = 1;
                    while (depth > 0) {
                        int inner = records.next();
                        if (inner < 0) {
                            throw damaged("an embedded object in worksheet '" + sheetName + "' never ends");
                        }
                        depth += inner == BOF ? 1 : inner == EOF ? -1 : 0;
                    }
                    break;
                case 0x00FD: { // LABELSST
                    long index = records.u32(6);
                    if (index >= sst.size()) {
                        throw damaged("a cell refers to shared string " + index + " of " + sst.size());
                    }
                    return new Cell(records.u16(0), records.u16(2), sst.get((int) index));
                }
                case 0x0204: // LABEL
                case 0x00D6: // RSTRING
                    return new Cell(records.u16(0), records.u16(2), records.unicodeString(6, true));
                case 0x0203: // NUMBER
                    return new Cell(records.u16(0), records.u16(2), number(records.f64(6), records.u16(4)));
                case 0x027E: // RK
                    return new Cell(records.u16(0), records.u16(2), number(rk(records.u32(6)), records.u16(4)));
                case 0x00BD: { // MULRK: several RK cells of one row
                    int rw = records.u16(0);
                    int first = records.u16(2);
                    int count = (records.length() - 6) / 6;
                    for (int k = 1; k < count; k++) {
                        pendingQueue.add(new Cell(rw, first + k, number(rk(records.u32(4 + 6 * k + 2)),
                                records.u16(4 + 6 * k))));
                    }
                    return new Cell(rw, first, number(rk(records.u32(6)), records.u16(4)));
                }
                case 0x0205: { // BOOLERR
                    int value = records.u8(6);
                    String text = records.u8(7) == 0 ? (value != 0 ? "TRUE" : "FALSE") : error(value);
                    return new Cell(records.u16(0), records.u16(2), text);
                }
                case 0x0006: { // FORMULA: its cached result
                    int rw = records.u16(0);
                    int col = records.u16(2);
                    if (records.u8(12) == 0xFF && records.u8(13) == 0xFF) {
                        int kind = records.u8(6);
                        if (kind == 0) {
                            int next = records.next();
                            if (next != 0x0207) { // STRING
                                throw damaged("a formula's text result is missing");
                            }
                            return new Cell(rw, col, records.unicodeString(0, true));
                        }
                        String text = kind == 1 ? (records.u8(8) != 0 ? "TRUE" : "FALSE")
                                : kind == 2 ? error(records.u8(8)) : "";
                        return new Cell(rw, col, text);
                    }
                    return new Cell(rw, col, number(records.f64(6), records.u16(4)));
                }
                case 0x00E5: { // MERGECELLS
                    int count = records.u16(0);
                    for (int k = 0; k < count && 2 + 8 * k + 8 <= records.length(); k++) {
                        int top = records.u16(2 + 8 * k);
                        if (top == 0) {
                            merged.add(Columns.letter(records.u16(2 + 8 * k + 4)) + "1:"
                                    + Columns.letter(records.u16(2 + 8 * k + 6)) + (records.u16(2 + 8 * k + 2) + 1));
                        }
                    }
                    break;
                }
                default:
                    break;
            }
        }
    }

    /** The cells of a MULRK record after its first, handed out before the next record is read. */
    private final java.util.ArrayDeque<Cell> pendingQueue = new java.util.ArrayDeque<>();

    /** The merged ranges touching row 1: MERGECELLS records follow the cells, so read the rest of the sheet. */
    private String mergedInRow1() {
        try {
            while (nextCell() != null) {
                // skip to the end, collecting MERGECELLS
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return merged.isEmpty() ? null : String.join(", ", merged);
    }

    private static double rk(long rk) {
        double value;
        if ((rk & 0x02) != 0) {
            value = (int) rk >> 2;
        } else {
            value = Double.longBitsToDouble((rk & 0xFFFFFFFCL) << 32);
        }
        return (rk & 0x01) != 0 ? value / 100 : value;
    }

    private String number(double value, int xf) {
        int kind = xf >= 0 && xf < dateStyles.length ? dateStyles[xf] : 0;
        return kind == 0 ? XlsxRowSource.number(value) : XlsxRowSource.excelDate(value, kind, date1904);
    }

    private static String error(int code) {
        switch (code) {
            case 0x00: return "#NULL!";
            case 0x07: return "#DIV/0!";
            case 0x0F: return "#VALUE!";
            case 0x17: return "#REF!";
            case 0x1D: return "#NAME?";
            case 0x24: return "#NUM!";
            case 0x2A: return "#N/A";
            default: return "#ERROR!";
        }
    }

    private DataFileException damaged(String why) {
        return new DataFileException(file, "The workbook " + file + " cannot be read: " + why);
    }

    private DataFileException damaged(Exception e) {
        if (e instanceof DataFileException d) {
            return d;
        }
        String detail = e instanceof EOFException ? "the file ends early"
                : Text.forMessage(String.valueOf(e.getMessage()));
        return new DataFileException(file, "The workbook " + file + " is damaged or truncated and cannot be read ("
                + detail + "); save it again from Excel, or save it as .xlsx");
    }

    // ---------------------------------------------------------------------------------------

    /** BIFF records, read one at a time from the Workbook stream. */
    private static final class Records {
        private final InputStream in;
        private final byte[] data = new byte[8224 + 4];
        private final ByteBuffer view = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        private int length;
        private long position;

        Records(InputStream in) {
            this.in = in;
        }

        /** Reads the next record; returns its type, or -1 at the end of the stream. */
        int next() throws IOException {
            byte[] head = in.readNBytes(4);
            if (head.length < 4) {
                return -1;
            }
            int type = (head[0] & 0xFF) | (head[1] & 0xFF) << 8;
            length = (head[2] & 0xFF) | (head[3] & 0xFF) << 8;
            if (length > 8224) {
                throw new IOException("a record of " + length + " bytes, longer than BIFF8 allows");
            }
            Arrays.fill(data, 0, Math.min(data.length, length + 4), (byte) 0);
            int read = in.readNBytes(data, 0, length);
            if (read < length) {
                throw new EOFException();
            }
            position += 4 + length;
            return type;
        }

        void skipTo(long target) throws IOException {
            if (target < position) {
                throw new IOException("a worksheet starts inside the workbook globals");
            }
            in.skipNBytes(target - position);
            position = target;
        }

        int length() {
            return length;
        }

        byte[] copy() {
            return Arrays.copyOf(data, length);
        }

        int u8(int at) {
            check(at, 1);
            return data[at] & 0xFF;
        }

        int u16(int at) {
            check(at, 2);
            return view.getShort(at) & 0xFFFF;
        }

        long u32(int at) {
            check(at, 4);
            return view.getInt(at) & 0xFFFFFFFFL;
        }

        double f64(int at) {
            check(at, 8);
            return view.getDouble(at);
        }

        /** An XLUnicodeString (16-bit length) or ShortXLUnicodeString (8-bit length) at {@code at}. */
        String unicodeString(int at, boolean longLength) {
            int count = longLength ? u16(at) : u8(at);
            int flags = u8(at + (longLength ? 2 : 1));
            int start = at + (longLength ? 3 : 2);
            boolean wide = (flags & 0x01) != 0;
            int bytes = wide ? 2 * count : count;
            check(start, bytes);
            return new String(data, start, bytes, wide ? StandardCharsets.UTF_16LE : StandardCharsets.ISO_8859_1);
        }

        private void check(int at, int size) {
            if (at < 0 || at + size > length) {
                throw new IllegalStateException("a record is shorter than its fields");
            }
        }
    }

    /** The streams of an OLE compound file ([MS-CFB]): the sector tables in memory, a stream read sector by sector. */
    static final class CompoundFile {
        private static final long MAGIC = 0xE11AB1A1E011CFD0L;
        private static final int END = -2;
        private final FileChannel channel;
        private final long fileSize;
        private final int sectorSize;
        private final int[] fat;
        private final Map<String, long[]> streams = new HashMap<>();
        private final int miniCutoff;
        private int[] miniFat = new int[0];
        private long rootStart;
        private long rootSize;
        private int firstMiniFat;
        private int miniFatSectors;

        CompoundFile(FileChannel channel) throws IOException {
            this.channel = channel;
            this.fileSize = channel.size();
            ByteBuffer header = read(0, 512);
            if (header.getLong(0) != MAGIC) {
                throw new IOException("not an OLE compound file");
            }
            int shift = header.getShort(0x1E);
            if (shift != 9 && shift != 12) {
                throw new IOException("sector size 2^" + shift);
            }
            sectorSize = 1 << shift;
            int fatSectors = header.getInt(0x2C);
            int firstDirectory = header.getInt(0x30);
            miniCutoff = header.getInt(0x38);
            firstMiniFat = header.getInt(0x3C);
            miniFatSectors = header.getInt(0x40);
            int difat = header.getInt(0x44);
            long maxSectors = fileSize / sectorSize + 1;
            if (fatSectors < 0 || fatSectors > maxSectors) {
                throw new IOException("a sector table larger than the file");
            }
            List<Integer> fatIds = new ArrayList<>();
            for (int k = 0; k < 109 && fatIds.size() < fatSectors; k++) {
                fatIds.add(header.getInt(0x4C + 4 * k));
            }
            int guard = 0;
            while (fatIds.size() < fatSectors && difat >= 0) {
                if (++guard > maxSectors) {
                    throw new IOException("a loop in the sector tables");
                }
                ByteBuffer sector = sector(difat);
                int perSector = sectorSize / 4 - 1;
                for (int k = 0; k < perSector && fatIds.size() < fatSectors; k++) {
                    fatIds.add(sector.getInt(4 * k));
                }
                difat = sector.getInt(4 * perSector);
            }
            fat = new int[fatIds.size() * (sectorSize / 4)];
            for (int k = 0; k < fatIds.size(); k++) {
                sector(fatIds.get(k)).asIntBuffer().get(fat, k * (sectorSize / 4), sectorSize / 4);
            }
            readDirectory(firstDirectory);
        }

        private void readDirectory(int first) throws IOException {
            InputStream in = chain(first, Long.MAX_VALUE);
            byte[] entry = new byte[128];
            while (in.readNBytes(entry, 0, 128) == 128) {
                ByteBuffer e = ByteBuffer.wrap(entry).order(ByteOrder.LITTLE_ENDIAN);
                int nameBytes = Math.min(64, Math.max(0, (e.getShort(0x40) & 0xFFFF) - 2));
                String name = new String(entry, 0, nameBytes, StandardCharsets.UTF_16LE);
                int type = entry[0x42];
                long start = e.getInt(0x74);
                long size = e.getInt(0x78) & 0xFFFFFFFFL;
                if (type == 5) {
                    rootStart = start;
                    rootSize = size;
                } else if (type == 2) {
                    streams.putIfAbsent(name, new long[] {start, size});
                }
            }
        }

        /** The named stream at the root, or {@code null}. */
        InputStream stream(String name) throws IOException {
            long[] stream = streams.get(name);
            if (stream == null) {
                return null;
            }
            if (stream[1] >= miniCutoff) {
                return chain((int) stream[0], stream[1]);
            }
            // a small stream lives in the mini stream, in 64-byte sectors
            if (miniFat.length == 0 && miniFatSectors > 0) {
                byte[] table = chain(firstMiniFat, (long) miniFatSectors * sectorSize).readAllBytes();
                ByteBuffer b = ByteBuffer.wrap(table).order(ByteOrder.LITTLE_ENDIAN);
                miniFat = new int[table.length / 4];
                b.asIntBuffer().get(miniFat);
            }
            byte[] mini = chain((int) rootStart, rootSize).readAllBytes();
            byte[] out = new byte[(int) stream[1]];
            int sector = (int) stream[0];
            for (int done = 0; done < out.length; ) {
                if (sector < 0 || sector >= miniFat.length || sector * 64L >= mini.length) {
                    throw new EOFException();
                }
                int n = Math.min(64, out.length - done);
                System.arraycopy(mini, sector * 64, out, done, Math.min(n, mini.length - sector * 64));
                done += n;
                sector = miniFat[sector];
            }
            return new java.io.ByteArrayInputStream(out);
        }

        /** The bytes of a sector chain, {@code size} at most, read as they are asked for. */
        private InputStream chain(int first, long size) {
            return new InputStream() {
                private int sector = first;
                private ByteBuffer current;
                private long left = size;
                private long steps;

                @Override
                public int read() throws IOException {
                    byte[] one = new byte[1];
                    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    if (left <= 0) {
                        return -1;
                    }
                    if (current == null || !current.hasRemaining()) {
                        if (sector == END) {
                            if (size == Long.MAX_VALUE) {
                                return -1;
                            }
                            throw new EOFException();
                        }
                        if (sector < 0 || sector >= fat.length || ++steps > fat.length) {
                            throw new EOFException();
                        }
                        current = sector(sector);
                        sector = fat[sector];
                    }
                    int n = (int) Math.min(Math.min(len, current.remaining()), left);
                    current.get(b, off, n);
                    left -= n;
                    return n;
                }
            };
        }

        private ByteBuffer sector(int id) throws IOException {
            long offset = (id + 1L) * sectorSize;
            if (id < 0 || offset + sectorSize > fileSize) {
                throw new EOFException();
            }
            return read(offset, sectorSize);
        }

        private ByteBuffer read(long offset, int size) throws IOException {
            ByteBuffer buffer = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
            while (buffer.hasRemaining()) {
                if (channel.read(buffer, offset + buffer.position()) < 0) {
                    throw new EOFException();
                }
            }
            return buffer.flip();
        }
    }
}
