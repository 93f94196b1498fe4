package io.github.surveyreport.core.data;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The dictionary of an SPSS system file: the file header, variable, value label, document and
 * extension records up to the dictionary termination record, read as PSPP's "System File
 * Format" describes them. Strings are kept as bytes until the file's encoding is known, since
 * the encoding record may come after them.
 */
final class SavDictionary {
    /** One variable: one or more 8-byte elements of a case. */
    static final class Variable {
        final String recordAt;
        byte[] shortNameBytes;
        String shortName;
        String name;
        /** 0 for numeric, else the string width in bytes. */
        int width;
        int element;
        int elements;
        byte[] rawLabel;
        String label;
        double[] missingDiscrete = new double[0];
        boolean missingRange;
        double missingLow;
        double missingHigh;
        final List<byte[]> rawMissingStrings = new ArrayList<>();
        final List<String> missingStrings = new ArrayList<>();
        final List<byte[][]> rawValueLabels = new ArrayList<>();
        final Map<String, String> valueLabels = new LinkedHashMap<>();
        /** The elements and widths of the segments of a very long string; one segment otherwise. */
        int[] segmentElements;
        int[] segmentWidths;

        Variable(String recordAt) {
            this.recordAt = recordAt;
        }

        boolean numeric() {
            return width == 0;
        }
    }

    final List<Variable> variables = new ArrayList<>();
    boolean[] elementIsString;
    int caseElements;
    int compression;
    int declaredCases;
    double bias;
    double sysmis = -Double.MAX_VALUE;
    double highest = Double.MAX_VALUE;
    double lowest = -Double.MAX_VALUE;
    Charset charset;
    SavText text;
    boolean zlib;
    /** Strings of the dictionary that are not valid in its encoding, for {@link SavRowSource#warnings()}. */
    final java.util.List<String> invalidText = new ArrayList<>();

    private final SavInput in;
    private int characterCode;
    private String encodingName;
    private byte[] longNames;
    private byte[] veryLongStrings;
    private final List<byte[]> longStringLabels = new ArrayList<>();
    private final List<byte[]> longStringMissing = new ArrayList<>();
    /** Variables by their first element, and all elements in order (null for continuations). */
    private final List<Variable> byElement = new ArrayList<>();

    private SavDictionary(SavInput in) {
        this.in = in;
    }

    /** Reads the dictionary; the input is left at the first byte of the data. */
    static SavDictionary read(SavInput in) {
        SavDictionary d = new SavDictionary(in);
        d.readHeader();
        d.readRecords();
        d.resolve();
        return d;
    }

    private void readHeader() {
        byte[] magic = new byte[4];
        int n = in.read(magic, 0, 4);
        String start = new String(magic, 0, n, StandardCharsets.ISO_8859_1);
        if (!start.equals("$FL2") && !start.equals("$FL3")) {
            byte[] head = new byte[512];
            in.seek(0);
            int got = in.read(head, 0, head.length);
            String kind = got <= 0 ? "empty" : CharsetDetector.binaryKind(head, got);
            if (got >= 4 && (head[0] & 0xff) == 0x5b && (head[1] & 0xff) == 0xc6 && (head[2] & 0xff) == 0xd3) {
                throw in.fail(0, "this is an SPSS system file in EBCDIC (a mainframe file), which is not supported; "
                        + "open it in SPSS or PSPP and save it again");
            }
            if (new String(head, 0, Math.max(got, 0), StandardCharsets.ISO_8859_1).contains("SPSS DATA FILE")) {
                throw in.fail(0, "the file names itself an SPSS DATA FILE but starts with \"" + printable(head, 4)
                        + "\", not \"$FL2\" or \"$FL3\": it is damaged; copy or export it again from its source");
            }
            throw in.fail(0, "this is not an SPSS system file (.sav/.zsav): those start with \"$FL2\" or \"$FL3\", this "
                    + (kind == null ? "one with \"" + printable(head, Math.max(got, 0)) + "\"" : "one is " + kind)
                    + ". Point the study at the SPSS file, or at a CSV file with the matching reader");
        }
        zlib = start.equals("$FL3");
        in.bytes(60, "the file header");
        long layoutAt = in.position();
        byte[] layout = in.bytes(4, "the file header");
        int little = ByteBuffer.wrap(layout).order(ByteOrder.LITTLE_ENDIAN).getInt();
        int big = ByteBuffer.wrap(layout).order(ByteOrder.BIG_ENDIAN).getInt();
        if (little == 2 || little == 3) {
            in.order(ByteOrder.LITTLE_ENDIAN);
        } else if (big == 2 || big == 3) {
            in.order(ByteOrder.BIG_ENDIAN);
        } else {
            throw in.fail(layoutAt, "the layout code is " + little + ", not 2 or 3 in either byte order: the file is "
                    + "corrupt or not an SPSS system file; export it again");
        }
        caseElements = in.int32("the file header");
        long compressionAt = in.position();
        compression = in.int32("the file header");
        in.int32("the file header"); // weight index: the engine does not weight cases
        declaredCases = in.int32("the file header");
        bias = in.flt64("the file header");
        in.bytes(9 + 8 + 64 + 3, "the file header");
        if (compression < 0 || compression > 2 || (compression == 2) != zlib) {
            throw in.fail(compressionAt, "the compression code is " + compression + " in a file starting with "
                    + (zlib ? "$FL3" : "$FL2") + " (0 = none, 1 = bytecode with $FL2, 2 = zlib with $FL3): the file "
                    + "is corrupt or from a newer SPSS; save it again from SPSS or PSPP");
        }
    }

    private static String printable(byte[] b, int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < Math.min(n, 16); i++) {
            int c = b[i] & 0xff;
            s.append(c >= 0x20 && c < 0x7f ? String.valueOf((char) c) : String.format(Locale.ROOT, "\\x%02X", c));
        }
        return s.toString();
    }

    private void readRecords() {
        int pendingContinuations = 0;
        while (true) {
            long at = in.position();
            int type = in.int32("a dictionary record (the dictionary termination record 999 is missing)");
            switch (type) {
                case 2 -> pendingContinuations = readVariable(at, pendingContinuations);
                case 3 -> readValueLabels(at);
                case 6 -> {
                    int lines = in.int32("the document record");
                    in.bytes(80L * lines, "the document record");
                }
                case 7 -> readExtension(at);
                case 999 -> {
                    in.int32("the dictionary termination record");
                    if (pendingContinuations != 0) {
                        throw in.fail(at, "the last string variable lacks " + pendingContinuations + " continuation "
                                + "records: the file is corrupt; export it again");
                    }
                    return;
                }
                default -> throw in.fail(at, "record type " + type + " is not one of the types of an SPSS dictionary "
                        + "(2, 3, 4, 6, 7, 999): the file is corrupt or truncated; export it again");
            }
        }
    }

    private int readVariable(long at, int pendingContinuations) {
        int type = in.int32("a variable record");
        int hasLabel = in.int32("a variable record");
        int nMissing = in.int32("a variable record");
        in.int32("a variable record");
        in.int32("a variable record");
        byte[] shortName = in.bytes(8, "a variable record");
        if (hasLabel != 0 && hasLabel != 1) {
            throw in.fail(at, "a variable record has label flag " + hasLabel + " (0 or 1 expected): the file is "
                    + "corrupt; export it again");
        }
        byte[] label = null;
        if (hasLabel == 1) {
            int length = in.int32("a variable label");
            byte[] padded = in.bytes(length < 0 ? -1 : (length + 3L) / 4 * 4, "a variable label");
            label = Arrays.copyOf(padded, length);
        }
        if (nMissing != 0 && Math.abs(nMissing) > 3 || nMissing == -1) {
            throw in.fail(at, "a variable record declares " + nMissing + " missing values (-3 to 3 except -1 "
                    + "expected): the file is corrupt; export it again");
        }
        byte[][] missing = new byte[Math.abs(nMissing)][];
        for (int i = 0; i < missing.length; i++) {
            missing[i] = in.bytes(8, "a missing value");
        }
        if (type == -1) {
            if (pendingContinuations == 0) {
                throw in.fail(at, "a string continuation record follows no long string variable: the file is "
                        + "corrupt; export it again");
            }
            byElement.add(null);
            return pendingContinuations - 1;
        }
        if (pendingContinuations != 0) {
            throw in.fail(at, "a variable record comes where a continuation of the previous string variable is "
                    + "expected: the file is corrupt; export it again");
        }
        if (type < 0 || type > 255) {
            throw in.fail(at, "a variable record has type " + type + " (0 for numeric, 1 to 255 for a string "
                    + "width): the file is corrupt; export it again");
        }
        Variable v = new Variable("byte offset " + at);
        v.shortNameBytes = shortName;
        v.width = type;
        v.element = byElement.size();
        v.elements = type == 0 ? 1 : (type + 7) / 8;
        v.rawLabel = label;
        if (type == 0) {
            ByteBuffer values = ByteBuffer.allocate(8 * missing.length).order(in.order());
            for (byte[] m : missing) {
                values.put(m);
            }
            values.flip();
            int discreteFrom = 0;
            if (nMissing < 0) {
                v.missingRange = true;
                v.missingLow = values.getDouble();
                v.missingHigh = values.getDouble();
                discreteFrom = 2;
            }
            v.missingDiscrete = new double[missing.length - discreteFrom];
            for (int i = 0; i < v.missingDiscrete.length; i++) {
                v.missingDiscrete[i] = values.getDouble();
            }
        } else {
            if (nMissing < 0) {
                throw in.fail(at, "a string variable declares a range of missing values, which only numeric "
                        + "variables can have: the file is corrupt; export it again");
            }
            v.rawMissingStrings.addAll(Arrays.asList(missing));
        }
        variables.add(v);
        byElement.add(v);
        return v.elements - 1;
    }

    private void readValueLabels(long at) {
        int count = in.int32("a value labels record");
        if (count < 0 || count > in.size() / 9) {
            throw in.fail(at, "a value labels record gives " + count + " labels: the file is corrupt; export it again");
        }
        List<byte[][]> labels = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            byte[] value = in.bytes(8, "a value label");
            byte[] length = in.bytes(1, "a value label");
            int n = length[0] & 0xff;
            byte[] padded = in.bytes((n + 1 + 7) / 8 * 8 - 1, "a value label");
            labels.add(new byte[][] {value, Arrays.copyOf(padded, n)});
        }
        long indexAt = in.position();
        int type = in.int32("the value label variables record");
        if (type != 4) {
            throw in.fail(indexAt, "a value labels record (type 3) is followed by record type " + type
                    + ", not by the record of its variables (type 4): the file is corrupt; export it again");
        }
        int vars = in.int32("the value label variables record");
        if (vars < 0 || vars > byElement.size()) {
            throw in.fail(indexAt, "the value label variables record lists " + vars + " variables, the dictionary has "
                    + byElement.size() + " elements: the file is corrupt; export it again");
        }
        for (int i = 0; i < vars; i++) {
            int index = in.int32("the value label variables record");
            Variable v = index >= 1 && index <= byElement.size() ? byElement.get(index - 1) : null;
            if (v == null) {
                throw in.fail(indexAt, "value labels are given for dictionary index " + index + ", which is no "
                        + "variable: the file is corrupt; export it again");
            }
            v.rawValueLabels.addAll(labels);
        }
    }

    private void readExtension(long at) {
        int subtype = in.int32("an extension record");
        int size = in.int32("an extension record");
        int count = in.int32("an extension record");
        if (size < 0 || count < 0) {
            throw in.fail(at, "extension record " + subtype + " has element size " + size + " and count " + count
                    + ": the file is corrupt; export it again");
        }
        byte[] data = in.bytes((long) size * count, "extension record " + subtype);
        ByteBuffer b = ByteBuffer.wrap(data).order(in.order());
        switch (subtype) {
            case 3 -> {
                if (size == 4 && count >= 8) {
                    characterCode = b.getInt(28);
                }
            }
            case 4 -> {
                if (size == 8 && count >= 3) {
                    sysmis = b.getDouble(0);
                    highest = b.getDouble(8);
                    lowest = b.getDouble(16);
                }
            }
            case 13 -> longNames = data;
            case 14 -> veryLongStrings = data;
            case 16 -> {
                if (size == 8 && count == 2 && declaredCases < 0 && b.getLong(8) >= 0 && b.getLong(8) <= Integer.MAX_VALUE) {
                    declaredCases = (int) b.getLong(8); // the extended number of cases
                }
            }
            case 20 -> encodingName = new String(data, StandardCharsets.US_ASCII).trim();
            case 21 -> longStringLabels.add(data);
            case 22 -> longStringMissing.add(data);
            default -> {
                // display parameters (11), multiple response sets, attributes, ...: not needed for the cells
            }
        }
    }

    private void resolve() {
        charset = charset();
        text = new SavText(charset);
        for (Variable v : variables) {
            v.shortName = decode(v.shortNameBytes);
            v.name = v.shortName;
            v.label = v.rawLabel == null ? null : decode(v.rawLabel);
            v.segmentElements = new int[] {v.element};
            v.segmentWidths = new int[] {v.width};
        }
        Map<String, Variable> byShort = new HashMap<>();
        for (Variable v : variables) {
            byShort.put(v.shortName.toUpperCase(Locale.ROOT), v);
        }
        if (longNames != null) {
            for (String pair : new String(longNames, charset).split("\t")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    Variable v = byShort.get(pair.substring(0, eq).trim().toUpperCase(Locale.ROOT));
                    if (v != null && !pair.substring(eq + 1).isBlank()) {
                        v.name = pair.substring(eq + 1).strip();
                    }
                }
            }
        }
        if (veryLongStrings != null) {
            mergeSegments(byShort);
        }
        elementIsString = new boolean[byElement.size()];
        for (Variable v : variables) {
            for (int e = v.element; e < v.element + v.elements; e++) {
                elementIsString[e] = !v.numeric();
            }
        }
        Map<String, Variable> byName = new HashMap<>();
        for (Variable v : variables) {
            byName.put(v.name, v);
            byName.putIfAbsent(v.shortName, v);
        }
        for (byte[] record : longStringLabels) {
            readLongStringLabels(record, byName);
        }
        for (byte[] record : longStringMissing) {
            readLongStringMissing(record, byName);
        }
        for (Variable v : variables) {
            for (byte[][] entry : v.rawValueLabels) {
                if (!v.numeric() && v.width < 8 && !padding(entry[0], v.width)) {
                    // ReadStat writes labels of values longer than the variable: no cell can hold them
                    continue;
                }
                String code = v.numeric() ? SavRowSource.format(ByteBuffer.wrap(entry[0]).order(in.order()).getDouble())
                        : decode(SavRowSource.trimPadding(entry[0], entry[0].length));
                v.valueLabels.putIfAbsent(code, decode(entry[1]));
            }
            for (byte[] m : v.rawMissingStrings) {
                v.missingStrings.add(decode(SavRowSource.trimPadding(m, m.length)));
            }
        }
        if (caseElements != -1 && caseElements != byElement.size()) {
            throw in.fail(in.position(), "the file header gives " + caseElements + " elements per case, the variable "
                    + "records " + byElement.size() + ": the file is corrupt; export it again");
        }
        caseElements = byElement.size();
    }

    private void mergeSegments(Map<String, Variable> byShort) {
        String text = new String(veryLongStrings, charset);
        List<Variable> removed = new ArrayList<>();
        for (String pair : text.split("\t")) {
            String entry = pair.replace("\0", "").trim();
            int eq = entry.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            Variable v = byShort.get(entry.substring(0, eq).trim().toUpperCase(Locale.ROOT));
            int width;
            try {
                width = Integer.parseInt(entry.substring(eq + 1).trim());
            } catch (NumberFormatException e) {
                width = -1;
            }
            if (v == null || v.numeric() || width <= 255 || width > 32767) {
                throw in.fail(in.position(), "the very long string record says \"" + entry + "\", which does not fit "
                        + "a string variable of the dictionary: the file is corrupt; export it again");
            }
            int segments = (width + 251) / 252;
            int index = variables.indexOf(v);
            if (index + segments > variables.size()) {
                throw in.fail(in.position(), "the very long string " + v.name + " of width " + width + " needs "
                        + segments + " segments, the dictionary has fewer variables after it: the file is corrupt");
            }
            v.segmentElements = new int[segments];
            v.segmentWidths = new int[segments];
            for (int s = 0; s < segments; s++) {
                Variable segment = variables.get(index + s);
                if (segment.numeric()) {
                    throw in.fail(in.position(), "segment " + (s + 1) + " of the very long string " + v.name
                            + " is a numeric variable: the file is corrupt; export it again");
                }
                v.segmentElements[s] = segment.element;
                v.segmentWidths[s] = segment.width;
                if (s > 0) {
                    removed.add(segment);
                }
            }
            v.elements = variables.get(index + segments - 1).element + variables.get(index + segments - 1).elements
                    - v.element;
            v.width = width;
        }
        variables.removeAll(removed);
    }

    private void readLongStringLabels(byte[] record, Map<String, Variable> byName) {
        ByteBuffer b = ByteBuffer.wrap(record).order(in.order());
        try {
            while (b.hasRemaining()) {
                String name = decode(bytes(b, b.getInt()));
                b.getInt(); // width
                int n = b.getInt();
                Variable v = byName.get(name);
                for (int i = 0; i < n; i++) {
                    byte[] value = bytes(b, b.getInt());
                    byte[] label = bytes(b, b.getInt());
                    if (v != null && !v.numeric()) {
                        v.valueLabels.put(decode(SavRowSource.trimPadding(value, value.length)), decode(label));
                    }
                }
            }
        } catch (RuntimeException e) {
            throw in.fail(in.position(), "the long string value labels record (extension 21) is malformed: the file "
                    + "is corrupt; export it again");
        }
    }

    private void readLongStringMissing(byte[] record, Map<String, Variable> byName) {
        ByteBuffer b = ByteBuffer.wrap(record).order(in.order());
        try {
            while (b.hasRemaining()) {
                String name = decode(bytes(b, b.getInt()));
                int n = b.get() & 0xff;
                int length = b.getInt();
                Variable v = byName.get(name);
                for (int i = 0; i < n; i++) {
                    byte[] value = bytes(b, length);
                    if (v != null && !v.numeric()) {
                        v.missingStrings.add(decode(SavRowSource.trimPadding(value, value.length)));
                    }
                }
            }
        } catch (RuntimeException e) {
            throw in.fail(in.position(), "the long string missing values record (extension 22) is malformed: the "
                    + "file is corrupt; export it again");
        }
    }

    /** Whether {@code b} holds only spaces and NULs from {@code from} on. */
    private static boolean padding(byte[] b, int from) {
        for (int i = from; i < b.length; i++) {
            if (b[i] != ' ' && b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static byte[] bytes(ByteBuffer b, int n) {
        byte[] out = new byte[n];
        b.get(out);
        return out;
    }

    String decode(byte[] bytes) {
        String s = text.decode(bytes, 0, bytes.length);
        if (s == null) {
            s = text.lenient(bytes, 0, bytes.length);
            if (invalidText.size() < 5) {
                invalidText.add(s.strip());
            }
        }
        return s.strip();
    }

    private Charset charset() {
        if (encodingName != null && !encodingName.isEmpty()) {
            try {
                return Charset.forName(encodingName);
            } catch (IllegalArgumentException e) {
                throw in.fail(in.position(), "the file's character encoding record names \"" + encodingName
                        + "\", an encoding Java does not know: save the file again as UTF-8 (in SPSS: SET "
                        + "UNICODE=ON, then save)");
            }
        }
        if (characterCode == 0) {
            return Charset.forName("windows-1252"); // files older than both records
        }
        String name = switch (characterCode) {
            case 1 -> null; // EBCDIC
            case 2, 3, 20127 -> "windows-1252";
            case 65001 -> "UTF-8";
            case 936 -> "GBK";
            case 54936 -> "GB18030";
            case 950 -> "Big5";
            case 932 -> "Shift_JIS";
            case 949 -> "x-windows-949";
            default -> characterCode >= 28591 && characterCode <= 28599 ? "ISO-8859-" + (characterCode - 28590)
                    : "windows-" + characterCode;
        };
        try {
            if (name != null) {
                return Charset.forName(name);
            }
        } catch (IllegalArgumentException e) {
            // fall through
        }
        throw in.fail(in.position(), "the file's strings use code page " + characterCode + ", which this reader "
                + "cannot decode: save the file again as UTF-8 (in SPSS: SET UNICODE=ON, then save)");
    }
}
