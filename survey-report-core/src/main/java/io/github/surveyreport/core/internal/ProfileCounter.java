package io.github.surveyreport.core.internal;

import io.github.surveyreport.core.data.Columns;
import io.github.surveyreport.core.data.DataFileException;
import io.github.surveyreport.core.data.RawRow;
import io.github.surveyreport.core.results.ProfileTable;
import io.github.surveyreport.core.study.ProfileColumn;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Counts the answers of one profile column over the analysed rows. */
final class ProfileCounter {
    /** More distinct answers than this is a free-text column, not a demographic. */
    static final int MAX_CATEGORIES = 1000;

    private final ProfileColumn spec;
    private final String label;
    private final int index;
    private final Pattern separator;
    private final Map<String, long[]> counts = new LinkedHashMap<>();
    private long missing;
    /** The first answer with characters reports cannot show, as read, and its line; {@code null} if none. */
    private String controlAnswer;
    private long controlLine;
    /** Where {@link #controlAnswer} is, for rows without a file line (see {@link #locator}). */
    private String controlWhere;
    /**
     * Names this column's cell of a row for messages, for rows without a file line (a part's
     * rows); {@code null} for a file's. Called only when a message needs it.
     */
    private final java.util.function.LongFunction<String> locator;

    /** The file's value labels of this column (code to label, in the file's order), or empty. */
    private final Map<String, String> valueLabels;

    ProfileCounter(ProfileColumn spec, String label, int index, Map<String, String> valueLabels,
                   java.util.function.LongFunction<String> locator) {
        this.valueLabels = valueLabels;
        this.locator = locator;
        this.spec = spec;
        this.label = label;
        this.index = index;
        this.separator = spec.multiple() == null ? null : Pattern.compile(Pattern.quote(spec.multiple()));
    }

    /** Slots of a cell's answers, or {@link #MISSING_CELL}: what a raw cell resolved to. */
    private static final long[][] MISSING_CELL = new long[0][];
    private static final int CACHE_SLOTS = 4096;
    private static final int CACHE_MAX = CACHE_SLOTS / 2;
    /** Raw cell bytes (open addressing) and what they resolved to, so repeated answers are not decoded again. */
    private byte[][] cacheKeys;
    private long[][][] cacheValues;
    private int cached;

    void add(String[] cells, Set<String> missingValues, Path file, String fileName, long line) {
        tally(resolveText(cells[index], missingValues, file, fileName, line));
    }

    /** Text cells already resolved (up to {@value #CACHE_MAX}): a demographic's few answers recur in every row. */
    private final Map<String, long[][]> textCache = new java.util.HashMap<>();

    /** {@link #resolve}, remembered per distinct cell text (equal text, equal answer). */
    private long[][] resolveText(String raw, Set<String> missingValues, Path file, String fileName, long line) {
        long[][] counters = textCache.get(raw);
        if (counters == null) {
            counters = resolve(raw, missingValues, file, fileName, line);
            if (textCache.size() < CACHE_MAX) {
                textCache.put(raw, counters);
            }
        }
        return counters;
    }

    /** Counts a cell of a part's row ({@code null}: missing), which the {@link #locator} names. */
    void addCell(String cell, Set<String> missingValues, Path file, String fileName, long line) {
        if (cell == null) {
            missing++;
            return;
        }
        tally(resolveText(cell, missingValues, file, fileName, line));
    }

    /** Writes the counts in the order they were first seen (the order of equal counts in the table). */
    void write(io.github.surveyreport.core.internal.state.StateOut out) {
        out.writeInt(counts.size());
        counts.forEach((value, count) -> {
            out.writeString(value);
            out.writeLong(count[0]);
        });
        out.writeLong(missing);
        out.writeString(controlAnswer);
        out.writeLong(controlLine);
        out.writeString(controlWhere);
    }

    /** Reads what {@link #write} wrote into this new counter. */
    void read(io.github.surveyreport.core.internal.state.StateIn in) {
        int size = in.readCount(12);
        if (size > MAX_CATEGORIES) {
            throw new io.github.surveyreport.core.internal.state.StateFormatException("a profile column with " + size
                    + " answers");
        }
        for (int i = 0; i < size; i++) {
            String value = in.readString();
            counts.put(value, new long[] {in.readLong()});
        }
        missing = in.readLong();
        controlAnswer = in.readString();
        controlLine = in.readLong();
        controlWhere = in.readString();
    }

    /** This counter counted a chunk of the file whose first line is {@code line}: its lines become the file's. */
    void startsAtLine(long line) {
        if (controlAnswer != null) {
            controlLine += line;
        }
    }

    /** The warning that answers held characters reports cannot show, which were replaced; empty if none did. */
    java.util.Optional<String> controlCharacterWarning(String fileName) {
        if (controlAnswer == null) {
            return java.util.Optional.empty();
        }
        String at = controlWhere != null ? controlWhere : fileName + " line " + controlLine + ", column " + spec.column();
        return java.util.Optional.of(at + ": the answer '"
                + Text.forMessage(controlAnswer) + "' contains control characters, which reports cannot show (a "
                + "vertical tab is what Excel keeps of a manual line break); such characters in this column are "
                + "read as a space (vertical tab, form feed) or as \uFFFD");
    }

    /**
     * Looks the raw bytes of a scanned row's cell up among the cells seen before; checks the
     * bytes of a cell not seen before against the charset ({@link RawRow#check}). Returns the
     * cache slot, or {@code -1 - free slot}. Call for every row, before anything else.
     */
    int find(RawRow row) {
        if (index >= row.size()) {
            return -1;
        }
        byte[] b = row.bytes();
        int s = row.start(index);
        int e = row.end(index);
        int h = 1;
        for (int i = s; i < e; i++) {
            h = 31 * h + b[i];
        }
        h ^= h >>> 16;
        if (cacheKeys == null) {
            cacheKeys = new byte[CACHE_SLOTS][];
            cacheValues = new long[CACHE_SLOTS][][];
        }
        int mask = CACHE_SLOTS - 1;
        int slot = h & mask;
        while (true) {
            byte[] key = cacheKeys[slot];
            if (key == null) {
                row.check(index);
                return -1 - slot;
            }
            if (key.length == e - s && sameBytes(key, b, s)) {
                return slot;
            }
            slot = (slot + 1) & mask;
        }
    }

    /** Whether {@code b[s..]} starts with {@code key} (a plain loop: answers are short). */
    private static boolean sameBytes(byte[] key, byte[] b, int s) {
        for (int i = 0; i < key.length; i++) {
            if (key[i] != b[s + i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Counts the cell of an analysed scanned row, {@code found} being what {@link #find}
     * returned for it. Equal raw bytes mean an equal answer, so a cell seen before is counted
     * without decoding it (up to {@value #CACHE_MAX} distinct cells are remembered).
     */
    void add(RawRow row, int found, Set<String> missingValues, Path file, String fileName, long line) {
        long[][] counters;
        if (found >= 0) {
            counters = cacheValues[found];
        } else {
            counters = resolve(row.text(index), missingValues, file, fileName, line);
            if (cached < CACHE_MAX) {
                int slot = -1 - found;
                cacheKeys[slot] = Arrays.copyOfRange(row.bytes(), row.start(index), row.end(index));
                cacheValues[slot] = counters;
                cached++;
            }
        }
        tally(counters);
    }

    /** The counters a cell's answers go to (created on first sight), or {@link #MISSING_CELL}. */
    private long[][] resolve(String raw, Set<String> missingValues, Path file, String fileName, long line) {
        String cell = Columns.normalize(raw.strip());
        if (Text.firstXmlInvalid(cell) >= 0) {
            if (controlAnswer == null) {
                controlAnswer = cell;
                controlLine = line; // relative in a chunk until startsAtLine
                controlWhere = locator == null ? null : locator.apply(line);
            }
            cell = Text.xmlSafe(cell).strip();
        }
        if (missingValues.contains(cell)) {
            return MISSING_CELL;
        }
        if (separator == null) {
            return new long[][] {counter(cell, file, fileName, line)};
        }
        Set<String> options = new LinkedHashSet<>();
        for (String option : separator.split(cell)) {
            String value = option.strip();
            if (!value.isEmpty()) {
                options.add(value); // an option named twice by one respondent counts once
            }
        }
        if (options.isEmpty()) {
            return MISSING_CELL;
        }
        long[][] counters = new long[options.size()][];
        int k = 0;
        for (String option : options) {
            counters[k++] = counter(option, file, fileName, line);
        }
        return counters;
    }

    /** Adds the counts of {@code later}, which counted rows after this counter's rows. */
    void merge(ProfileCounter later) {
        for (Map.Entry<String, long[]> entry : later.counts.entrySet()) {
            long[] count = counts.get(entry.getKey());
            if (count == null) {
                if (counts.size() >= MAX_CATEGORIES) {
                    throw new IllegalStateException("too many categories");
                }
                count = new long[1];
                counts.put(entry.getKey(), count);
            }
            count[0] += entry.getValue()[0];
        }
        missing += later.missing;
        if (controlAnswer == null && later.controlAnswer != null) {
            controlAnswer = later.controlAnswer;
            controlLine = later.controlLine;
            controlWhere = later.controlWhere;
        }
    }


    private void tally(long[][] counters) {
        if (counters == MISSING_CELL) {
            missing++;
            return;
        }
        for (long[] counter : counters) {
            counter[0]++;
        }
    }


    private long[] counter(String value, Path file, String fileName, long line) {
        long[] count = counts.get(value);
        if (count == null) {
            if (counts.size() >= MAX_CATEGORIES) {
                throw new DataFileException(file, (locator != null ? locator.apply(line)
                        : fileName + " line " + line + ", column " + spec.column())
                        + ": the profile column has more than " + MAX_CATEGORIES
                        + " different answers; a profile table is for categories (age band, position, ...), "
                        + "not free text or numbers");
            }
            count = new long[1];
            counts.put(value, count);
        }
        return count;
    }

    ProfileTable result(long n, List<String> warnings) {
        // a file's value labels name the codes (1 = 男) and, unless the study gives an order, order them
        Map<String, String> codeOfLabel = new java.util.HashMap<>();
        valueLabels.forEach((code, text) -> codeOfLabel.putIfAbsent(text, code));
        List<String> order = new ArrayList<>();
        for (String ordered : spec.order().isEmpty() ? List.copyOf(valueLabels.keySet()) : spec.order()) {
            order.add(counts.containsKey(ordered) ? ordered : codeOfLabel.getOrDefault(ordered, ordered));
        }
        List<String> values = new ArrayList<>();
        for (String ordered : order) {
            if (counts.containsKey(ordered) && !values.contains(ordered)) {
                values.add(ordered);
            }
        }
        List<String> rest = new ArrayList<>(counts.keySet());
        rest.removeAll(values);
        // stable sort: equal counts keep the order they were first seen in the file
        rest.sort(Comparator.comparingLong((String v) -> counts.get(v)[0]).reversed());
        if (!spec.order().isEmpty() && !rest.isEmpty()) {
            warnings.add("Profile column " + spec.column() + ": the answers " + rest
                    + " are not in its order list; they are shown after the listed ones");
        }
        values.addAll(rest);
        List<ProfileTable.Category> categories = new ArrayList<>();
        for (String value : values) {
            long count = counts.get(value)[0];
            categories.add(new ProfileTable.Category(valueLabels.getOrDefault(value, value), count,
                    n == 0 ? 0 : 100.0 * count / n));
        }
        return new ProfileTable(spec.column(), label, spec.multiple() != null, categories, missing);
    }
}
