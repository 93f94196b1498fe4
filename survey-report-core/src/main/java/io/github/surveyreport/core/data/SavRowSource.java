package io.github.surveyreport.core.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an SPSS system file ({@code .sav} uncompressed or bytecode-compressed, {@code .zsav}
 * zlib-compressed; either byte order) as PSPP's documentation "System File Format" describes
 * it. Cells are text as the engine reads a CSV: numbers formatted without locale ({@code 5},
 * {@code 0.25}), strings without SPSS's trailing padding, decoded in the file's encoding (its
 * encoding record, else its code page, e.g. 936 = GBK); system-missing and user-missing values
 * are empty cells, with the user-missing declarations in {@link #userMissing()}. Streams: one
 * case (and for {@code .zsav} one zlib block) is in memory at a time.
 *
 * <p>Line numbers handed to {@link RowHandler#row} are the case number + 1 (the header counts
 * as line 1); this reader's messages say "case N".
 */
public final class SavRowSource implements RowSource, AutoCloseable {
    private final Path file;
    private SavInput in;
    private SavDictionary dictionary;
    private List<String> header;
    private boolean consumed;
    private final Map<String, Map<String, Long>> userMissingCounts = new LinkedHashMap<>();
    private final List<String> warnings = new ArrayList<>();
    private final java.util.Set<String> invalidVariables = new java.util.HashSet<>();

    /** @param file the {@code .sav} or {@code .zsav} file */
    public SavRowSource(Path file) {
        this.file = file;
    }

    @Override
    public String name() {
        return file.getFileName().toString();
    }

    /** The data file. */
    public Path file() {
        return file;
    }

    /** The variable names (long names), in file order. */
    @Override
    public List<String> header() {
        dictionary();
        return header;
    }

    /** The encoding the file's strings are decoded with. */
    public Charset encoding() {
        return dictionary().charset;
    }

    /** {@code data.sav case 17, variable Q3}: where a cell is, as SPSS counts (the line is the case + 1). */
    @Override
    public String at(long line, int columnIndex) {
        List<String> names = header();
        String variable = columnIndex >= 0 && columnIndex < names.size() ? names.get(columnIndex) : "";
        return name() + " case " + (line - 1) + (variable.isEmpty() ? "" : ", variable " + variable);
    }

    /** Variable name to variable label, for the variables that have one, in file order. */
    public Map<String, String> variableLabels() {
        Map<String, String> labels = new LinkedHashMap<>();
        for (SavDictionary.Variable v : dictionary().variables) {
            if (v.label != null && !v.label.isEmpty()) {
                labels.put(v.name, v.label);
            }
        }
        return Collections.unmodifiableMap(labels);
    }

    /** Variable name to its value labels (code as the cells show it, to label), in file order. */
    public Map<String, Map<String, String>> valueLabels() {
        Map<String, Map<String, String>> labels = new LinkedHashMap<>();
        for (SavDictionary.Variable v : dictionary().variables) {
            if (!v.valueLabels.isEmpty()) {
                labels.put(v.name, Collections.unmodifiableMap(new LinkedHashMap<>(v.valueLabels)));
            }
        }
        return Collections.unmodifiableMap(labels);
    }

    /**
     * Variable name to its user-missing declaration, as the cells would show the codes: discrete
     * codes ({@code -99}), a range as {@code 97 THRU 99} with {@code LO} and {@code HI} for open
     * ends. Cells holding these codes are read as empty (missing).
     */
    public Map<String, List<String>> userMissing() {
        Map<String, List<String>> missing = new LinkedHashMap<>();
        SavDictionary d = dictionary();
        for (SavDictionary.Variable v : d.variables) {
            List<String> codes = new ArrayList<>();
            if (v.numeric()) {
                if (v.missingRange) {
                    codes.add((v.missingLow <= d.lowest ? "LO" : format(v.missingLow)) + " THRU "
                            + (v.missingHigh >= d.highest ? "HI" : format(v.missingHigh)));
                }
                for (double m : v.missingDiscrete) {
                    codes.add(format(m));
                }
            } else {
                codes.addAll(v.missingStrings);
            }
            if (!codes.isEmpty()) {
                missing.put(v.name, List.copyOf(codes));
            }
        }
        return Collections.unmodifiableMap(missing);
    }

    /**
     * After {@link #forEachRow}: per variable, how many cells held each user-missing code (as the
     * cells would show it) and were read as empty. Variables without such cells are absent.
     */
    public Map<String, Map<String, Long>> userMissingCounts() {
        Map<String, Map<String, Long>> copy = new LinkedHashMap<>();
        userMissingCounts.forEach((k, v) -> copy.put(k, Collections.unmodifiableMap(new LinkedHashMap<>(v))));
        return Collections.unmodifiableMap(copy);
    }

    /**
     * What the reader noticed and handled, for the log and the report: strings that are not
     * valid in the file's encoding (the first per variable, each naming the case), read with
     * U+FFFD for the invalid bytes. Complete after {@link #forEachRow}.
     */
    public List<String> warnings() {
        List<String> all = new ArrayList<>();
        if (!dictionary().invalidText.isEmpty()) {
            all.add(name() + ": " + dictionary().invalidText.size() + (dictionary().invalidText.size() == 5 ? "+" : "")
                    + " names or labels are not valid " + dictionary().charset.name() + ", the encoding the file "
                    + "declares (e.g. \"" + dictionary().invalidText.get(0) + "\"); open it in SPSS with the right "
                    + "encoding and save it again with SET UNICODE=ON");
        }
        all.addAll(warnings);
        return List.copyOf(all);
    }

    /** The number of cases the file header declares, or -1 when the writer did not say. */
    public int declaredCases() {
        return dictionary().declaredCases;
    }

    private SavDictionary dictionary() {
        if (dictionary == null) {
            open();
        }
        return dictionary;
    }

    private void open() {
        if (!Files.isRegularFile(file)) {
            throw new DataFileException(file, "The data file " + file + (Files.exists(file)
                    ? " is not a regular file; point data.file at the .sav file itself"
                    : " does not exist (data.file in the study file)"));
        }
        try {
            in = new SavInput(FileChannel.open(file, StandardOpenOption.READ), file, name());
        } catch (IOException e) {
            throw new DataFileException(file, "The data file " + file + " cannot be opened (" + e.getMessage()
                    + "); check that it exists and is readable");
        }
        try {
            dictionary = SavDictionary.read(in);
        } catch (DataFileException e) {
            close();
            throw e;
        } catch (RuntimeException e) {
            long at = in.position();
            close();
            throw new DataFileException(file, name() + " byte offset " + at + ": the dictionary cannot be read ("
                    + e + "): the file is corrupt or uses a feature this reader does not know; save it again "
                    + "from SPSS or PSPP");
        }
        List<String> names = new ArrayList<>();
        for (SavDictionary.Variable v : dictionary.variables) {
            names.add(v.name);
        }
        header = List.copyOf(names);
    }

    @Override
    public void forEachRow(RowHandler handler) {
        SavDictionary d = dictionary();
        if (consumed) {
            throw new IllegalStateException("cases of " + file + " were already read");
        }
        consumed = true;
        SavZlibBlocks blocks = null;
        try {
            SavBytes data = in;
            if (d.zlib) {
                blocks = new SavZlibBlocks(in, d.bias);
                data = blocks;
            }
            SavCases cases = new SavCases(d, data, in.order(), this::caseProblem);
            byte[] caseBytes = cases.buffer();
            ByteBuffer values = ByteBuffer.wrap(caseBytes).order(in.order());
            List<SavDictionary.Variable> variables = d.variables;
            long caseNumber = 0;
            while (d.declaredCases < 0 || caseNumber < d.declaredCases) {
                String[] cells;
                try {
                    if (!cases.next(caseNumber + 1)) {
                        break;
                    }
                    cells = new String[variables.size()];
                    for (int i = 0; i < cells.length; i++) {
                        cells[i] = cell(d, variables.get(i), caseBytes, values, caseNumber + 1);
                    }
                } catch (DataFileException e) {
                    throw e;
                } catch (RuntimeException e) {
                    throw caseProblem(caseNumber + 1, "the case cannot be read (" + e + ", " + data.where()
                            + "): the file is corrupt or uses a feature this reader does not know; save it again "
                            + "from SPSS or PSPP");
                }
                caseNumber++;
                // the handler's exceptions are the engine's: they pass unchanged
                handler.row(caseNumber + 1, cells);
            }
            if (d.declaredCases < 0 && !d.zlib && !cases.endCode()) {
                warnings.add(name() + ": the file does not say how many cases it holds" + (d.compression == 1
                        ? " and its data do not end with the end-of-data code" : "") + ", so a copy cut short at a case "
                        + "boundary cannot be told from a complete file; " + caseNumber + " cases were read. If that is "
                        + "fewer than expected, copy or export the file again");
            }
            if (d.declaredCases >= 0 && caseNumber < d.declaredCases) {
                throw new DataFileException(file, name() + " case " + (caseNumber + 1) + ": the file header declares "
                        + d.declaredCases + " cases but the data end after " + caseNumber + " (" + data.where()
                        + "): the file is truncated; copy or export it again from its source");
            }
        } finally {
            if (blocks != null) {
                blocks.end();
            }
            close();
        }
    }

    private DataFileException caseProblem(long caseNumber, String problem) {
        return new DataFileException(file, name() + " case " + caseNumber + ": " + problem);
    }

    private String cell(SavDictionary d, SavDictionary.Variable v, byte[] caseBytes, ByteBuffer values,
            long caseNumber) {
        if (v.numeric()) {
            double x = values.getDouble(v.element * 8);
            if (Double.isNaN(x) || x == d.sysmis) {
                return "";
            }
            boolean missing = v.missingRange && x >= v.missingLow && x <= v.missingHigh;
            for (double m : v.missingDiscrete) {
                missing |= x == m;
            }
            String text = format(x);
            if (missing) {
                countMissing(v.name, text);
                return "";
            }
            return text;
        }
        byte[] bytes;
        if (v.segmentElements.length == 1) {
            bytes = trimPadding(caseBytes, v.element * 8, v.width);
        } else {
            byte[] joined = new byte[v.width];
            int n = 0;
            for (int s = 0; s < v.segmentElements.length && n < joined.length; s++) {
                int k = Math.min(v.segmentWidths[s], joined.length - n);
                System.arraycopy(caseBytes, v.segmentElements[s] * 8, joined, n, k);
                n += k;
            }
            bytes = trimPadding(joined, 0, n);
        }
        String text = d.text.decode(bytes, 0, bytes.length);
        if (text == null) {
            text = d.text.lenient(bytes, 0, bytes.length);
            if (invalidVariables.add(v.name) && warnings.size() < DataFileException.MAX_PROBLEMS) {
                warnings.add(name() + " case " + caseNumber + ", variable " + v.name + ": the text is not valid "
                        + d.charset.name() + ", the encoding the file declares; its invalid bytes were replaced by "
                        + "\uFFFD (\"" + text + "\"). If the text looks wrong throughout, the file's encoding "
                        + "record is wrong: open it in SPSS with the right encoding and save it again with SET "
                        + "UNICODE=ON");
            }
        }
        if (!v.missingStrings.isEmpty() && v.missingStrings.contains(text.strip())) {
            countMissing(v.name, text.strip());
            return "";
        }
        return text;
    }

    private void countMissing(String variable, String code) {
        userMissingCounts.computeIfAbsent(variable, k -> new LinkedHashMap<>()).merge(code, 1L, Long::sum);
    }

    /** {@code b[0..length)} without trailing spaces and NULs. */
    static byte[] trimPadding(byte[] b, int length) {
        return trimPadding(b, 0, length);
    }

    private static byte[] trimPadding(byte[] b, int from, int length) {
        int end = from + length;
        while (end > from && (b[end - 1] == ' ' || b[end - 1] == 0)) {
            end--;
        }
        byte[] out = new byte[end - from];
        System.arraycopy(b, from, out, 0, out.length);
        return out;
    }

    /**
     * A number as the engine's {@link NumberParser} reads it back exactly, without locale:
     * integers without a fraction ({@code 5}, {@code -99}), others as {@link Double#toString}.
     */
    static String format(double x) {
        if (x == Math.rint(x) && Math.abs(x) < 1e15) {
            return Long.toString((long) x);
        }
        return Double.toString(x);
    }

    @Override
    public void close() {
        if (in != null) {
            try {
                in.close();
            } catch (IOException e) {
                // read-only: a failed close loses nothing
            }
        }
    }
}
