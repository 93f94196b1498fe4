package io.github.surveyreport.core.internal;

import io.github.surveyreport.core.AnalysisException;
import io.github.surveyreport.core.data.Columns;
import io.github.surveyreport.core.data.CsvRowSource;
import io.github.surveyreport.core.data.DataFileException;
import io.github.surveyreport.core.data.NumberParser;
import io.github.surveyreport.core.data.RawRow;
import io.github.surveyreport.core.data.RowSource;
import io.github.surveyreport.core.internal.stats.AnalysisLayout;
import io.github.surveyreport.core.internal.stats.StatisticsAccumulator;
import io.github.surveyreport.core.internal.stats.StructuralLayout;
import io.github.surveyreport.core.internal.stats.sem.MeasurementModel;
import io.github.surveyreport.core.results.ProfileTable;
import io.github.surveyreport.core.results.Sample;
import io.github.surveyreport.core.results.StatisticsResults;
import io.github.surveyreport.core.study.CfaSpec;
import io.github.surveyreport.core.study.Construct;
import io.github.surveyreport.core.study.Hypothesis;
import io.github.surveyreport.core.study.ProfileColumn;
import io.github.surveyreport.core.study.RegressionModel;
import io.github.surveyreport.core.study.Study;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One pass over a study's rows: checks the header against the study, parses and validates the
 * analysed cells, applies reverse coding, takes the listwise sample, and feeds the statistics
 * accumulator and the profile counters. Collects up to {@link DataFileException#MAX_PROBLEMS}
 * problems before giving up, so a researcher sees them together.
 */
public final class StudyPass {
    private final Study study;
    private final RowSource rows;
    private final Path file;
    private final String fileName;
    private final List<String> columns;
    private final Set<String> missingValues;
    private final NumberParser numbers;
    /** Columns read as categories: the categorical columns (listwise), then the grouping columns. */
    private final List<String> labelColumns;
    private final int categoricalCount;
    private int[] labelIndex;

    private int[] columnIndex;
    /** Per analysed column, its answer-text map (study file {@code recode}); empty when none. */
    private Map<String, Double>[] recode;
    private boolean[] checkScale;
    private boolean[] reverse;
    /** Profile columns: spec, label and column index; each {@link Tally} counts them. */
    private final List<ProfileCounterSpec> profileSpecs = new ArrayList<>();
    /** Whether an empty cell is a missing value. */
    private boolean emptyMissing;
    /** Missing-value codes that look like small integers ({@code -99}), as bytes. */
    private byte[][] integerMissing;
    /** Missing-value codes that are numbers, for cells given as numbers. */
    private final double[] numericMissing;
    private int headerSize;
    /**
     * Whether rows are fed through {@link #start()}: positions in warnings are then the row
     * source's text ({@link RowSource#at}), since a part's rows have no file line.
     */
    private boolean located;
    /** Problems of the header (columns the study uses that it lacks), reported with the cells' problems. */
    private final List<String> headerProblems = new ArrayList<>();

    private record ProfileCounterSpec(ProfileColumn column, String label, int index) {
    }

    /**
     * @param study the study
     * @param rows  its rows
     * @param file  the data file for messages, or {@code null} for rows given in code
     */
    public StudyPass(Study study, RowSource rows, Path file) {
        this.study = study;
        this.rows = rows;
        this.file = file;
        this.fileName = rows.name();
        this.columns = study.analysedColumns();
        this.missingValues = new HashSet<>(study.data().missing());
        this.numbers = new NumberParser(study.data().decimalComma());
        this.emptyMissing = missingValues.contains("");
        List<String> labelled = new ArrayList<>(study.categoricalColumns());
        this.categoricalCount = labelled.size();
        labelled.addAll(study.groupingColumns());
        this.labelColumns = List.copyOf(labelled);
        List<byte[]> codes = new ArrayList<>();
        for (String code : missingValues) {
            byte[] bytes = code.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            if (code.chars().allMatch(c -> c < 128) && bytes.length > 0
                    && NumberParser.smallInteger(bytes, 0, bytes.length) != NumberParser.NOT_SMALL) {
                codes.add(bytes);
            }
        }
        this.integerMissing = codes.toArray(new byte[0][]);
        this.numericMissing = missingValues.stream().mapToDouble(numbers::parse).filter(Double::isFinite).distinct()
                .toArray();
    }

    /** The outcome of a pass. */
    public record Outcome(Sample sample, StatisticsResults statistics, List<String> warnings) {
    }

    /**
     * Reads every row and computes the statistics. A CSV file in an ASCII-compatible charset is
     * scanned on bytes, in parallel chunks when it is large (see {@link CsvRowSource#scan});
     * other sources hand over text cells.
     */
    public Outcome run() {
        prepare();
        Tally tally = null;
        if (rows instanceof CsvRowSource csv && csv.scannable()) {
            try {
                int[] profileColumns = profileSpecs.stream().mapToInt(ProfileCounterSpec::index).toArray();
                tally = csv.scan(wholeFile -> new Tally(!wholeFile), profileColumns);
            } catch (RuntimeException e) {
                if (!CsvRowSource.needsReader(e)) {
                    throw e;
                }
            }
        }
        if (tally == null) {
            Tally whole = new Tally(false);
            try {
                rows.forEachRow(whole::row);
            } catch (DataFileException e) {
                throw withHeaderProblems(e.problems(), e.truncated());
            }
            tally = whole;
        }
        return finish(tally);
    }

    /** Maps the header onto the study once. */
    private void prepare() {
        if (columnIndex != null) {
            return;
        }
        List<String> header = rows.header();
        headerSize = header.size();
        mapColumns(header);
    }

    /**
     * The part of a pass that a caller feeds row by row (see {@code SurveyAccumulator}): rows
     * with typed cells, merging with the parts of other passes over the same study and header,
     * and the state as bytes. Not thread-safe.
     */
    public interface Part {
        /**
         * Adds one row: a cell is a {@link String} (read as a file's cell is), a {@link Number}
         * (its value; a missing-value code that is a number still means missing), a
         * {@link Boolean} or another object (its text), or {@code null} (missing).
         *
         * @param row the row's number in this part, for messages
         */
        void row(long row, Object[] cells);

        /** Adds the rows of {@code later}, which follow this part's rows. */
        void merge(Part later);

        /** Writes the state. */
        void write(io.github.surveyreport.core.internal.state.StateOut out);

        /** Reads a state {@link #write} wrote into this new part. */
        void read(io.github.surveyreport.core.internal.state.StateIn in);

        /** Rows read, excluded ones included. */
        long rowsRead();

        /** Rows in the listwise sample. */
        long rowsAnalysed();

        /** Records a problem that fails the pass (e.g. one an adapter found converting a row). */
        void fail(String problem);
    }

    /**
     * Starts a pass whose rows the caller gives one at a time: {@link Part#row}; positions in
     * messages are the row source's {@link RowSource#at}. Each call returns a new, empty part.
     */
    public Part start() {
        prepare();
        located = true;
        return new Tally(false);
    }

    /**
     * The header's problems: columns the study uses that the header lacks, each with the
     * nearest header name; known once {@link #start()} or {@link #run()} has mapped the header.
     */
    public List<String> headerProblems() {
        return List.copyOf(headerProblems);
    }

    /** Finishes a pass: the problems found in any part, or the statistics of all rows. */
    public Outcome finish(Part part) {
        Tally tally = (Tally) part;
        if (!tally.problems.isEmpty() || !headerProblems.isEmpty()) {
            List<String> all = new ArrayList<>(tally.summaries());
            all.addAll(tally.problems);
            throw withHeaderProblems(all, tally.moreProblems > 0);
        }
        StatisticsAccumulator statistics = tally.statistics;
        if (tally.read == 0) {
            throw new DataFileException(file, fileName + (located ? ": there are no rows (or only empty ones); "
                    + "the data need one row per respondent" : ": the header has no rows under it; the file needs one "
                    + "row per respondent"));
        }
        long n = statistics.count();
        checkEnoughRows(n, tally.read, tally.excluded);
        List<String> warnings = new ArrayList<>();
        warnings.addAll(rows.warnings());
        warnings.addAll(headerWarnings);
        tally.nonIntegerWarnings(warnings);
        for (ProfileCounter counter : tally.profile) {
            counter.controlCharacterWarning(fileName).ifPresent(warnings::add);
        }
        StatisticsResults results;
        try {
            results = statistics.finish();
        } catch (AnalysisException e) {
            throw new AnalysisException(fileName + ": " + e.getMessage(), e.getCause());
        }
        warnings.addAll(results.warnings());
        if (rows instanceof CsvRowSource csv && csv.metadataRows() > 0) {
            warnings.add(fileName + ": lines 2 and 3 are a Qualtrics export's question texts and import ids; "
                    + "they were skipped");
        }
        List<ProfileTable> tables = new ArrayList<>();
        for (ProfileCounter counter : tally.profile) {
            tables.add(counter.result(n, warnings));
        }
        Map<String, Long> missingByColumn = new java.util.LinkedHashMap<>();
        for (int j = 0; j < columns.size(); j++) {
            if (tally.missingCount[j] > 0) {
                missingByColumn.put(columns.get(j), tally.missingCount[j]);
            }
        }
        for (int l = 0; l < labelColumns.size(); l++) {
            long missing = tally.missingCount[columns.size() + l];
            if (missing > 0) {
                missingByColumn.merge(labelColumns.get(l), missing, Long::sum);
            }
        }
        scaleRangeCheck(results, warnings);
        return new Outcome(new Sample(tally.read, n, tally.excluded, missingByColumn, tables, tally.emptyRows), results,
                warnings);
    }

    /**
     * A declared scale that no item reaches at one of its ends is likely wrong (a 1–6 inventory
     * declared 1–7): a warning naming the range the answers span; an error when a reverse-keyed
     * item is involved, since min + max − x then gives wrong scores (a 6 becomes 2 instead of 1).
     */
    private void scaleRangeCheck(StatisticsResults results, List<String> warnings) {
        if (study.scale() == null || results.descriptives() == null || results.descriptives().items() == null) {
            return;
        }
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        List<String> reversed = new ArrayList<>();
        double sum = study.scale().min() + study.scale().max();
        for (var item : results.descriptives().items()) {
            if (!study.isItem(item.item())) {
                continue;
            }
            boolean r = study.isReversed(item.item());
            if (r) {
                reversed.add(item.item());
            }
            // descriptives are of the recoded values: back to the answers as given
            low = Math.min(low, r ? sum - item.max() : item.min());
            high = Math.max(high, r ? sum - item.min() : item.max());
        }
        if (low == Double.POSITIVE_INFINITY || (high >= study.scale().max() && low <= study.scale().min())) {
            return;
        }
        String declared = plain(study.scale().min()) + "–" + plain(study.scale().max());
        String observed = plain(low) + "–" + plain(high);
        String which = high < study.scale().max() ? "maximum " + plain(study.scale().max())
                : "minimum " + plain(study.scale().min());
        if (!reversed.isEmpty()) {
            throw new AnalysisException(fileName + ": no item reaches the scale's " + which + " (scale: " + declared
                    + " in the study file; the answers span " + observed + "), and the reverse-keyed items ("
                    + String.join(", ", reversed) + ") are recoded as " + plain(sum) + " − x from the declared scale, "
                    + "which would give wrong scores. Set scale to the questionnaire's real range (e.g. scale: {min: "
                    + plain(Math.max(low, study.scale().min())) + ", max: " + plain(Math.min(high, study.scale().max()))
                    + "}) if that is what it is.");
        }
        warnings.add(fileName + ": no item reaches the scale's " + which + " (scale: " + declared + " in the study "
                + "file; the answers span " + observed + "). Check that the declared scale is the questionnaire's.");
    }

    /** The header's problems first, then the rows', at most {@link DataFileException#MAX_PROBLEMS}. */
    private DataFileException withHeaderProblems(List<String> rowProblems, boolean truncated) {
        List<String> all = new ArrayList<>(headerProblems);
        all.addAll(rowProblems);
        boolean cut = truncated || all.size() > DataFileException.MAX_PROBLEMS;
        return new DataFileException(file, all.subList(0, Math.min(all.size(), DataFileException.MAX_PROBLEMS)), cut);
    }

    /** What reading an analysed cell gave. */
    private static final int READ = 0;
    private static final int MISSING = 1;
    private static final int BAD = 2;

    private static boolean allMissing(Object[] cells) {
        for (Object cell : cells) {
            if (cell != null && !(cell instanceof String text && Text.isSpaces(text))) {
                return false;
            }
        }
        return cells.length > 1;
    }

    /** The text of a typed cell that is not read as a number: a number written plainly, else its string. */
    private static String cellText(Object cell) {
        if (cell instanceof String text) {
            return text;
        }
        if (cell instanceof Double || cell instanceof Float) {
            return plain(((Number) cell).doubleValue());
        }
        if (cell instanceof java.math.BigDecimal decimal) {
            return decimal.stripTrailingZeros().toPlainString();
        }
        return cell.toString();
    }

    /** A number as a cell would hold it, for messages and category texts: {@code 3}, not {@code 3.0}; {@code 0.5}. */
    private static String plain(double value) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** Whether a number cell is one of the missing-value codes that are numbers ({@code -99}). */
    private boolean isMissingNumber(double value) {
        for (double code : numericMissing) {
            if (code == value) {
                return true;
            }
        }
        return false;
    }

    private static boolean allEmpty(String[] cells) {
        for (String cell : cells) {
            if (!Text.isSpaces(cell)) {
                return false;
            }
        }
        return cells.length > 1;
    }

    /** Signals a problem in a chunk of a parallel scan: the file is then scanned as a whole. */
    private static final class ChunkProblem extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ChunkProblem() {
            super("a problem in a chunk", null, false, false);
        }
    }

    /**
     * The state of a pass over all rows or over one chunk of them: the accumulator, profile
     * counts, counts of rows read and excluded, problems. A chunk's tally throws at its first
     * problem (its line numbers are relative); the whole-file pass then finds them in order.
     */
    private final class Tally implements CsvRowSource.ScanPart<Tally>, Part {
        private final boolean chunk;
        private final StatisticsAccumulator statistics = new StatisticsAccumulator(layout());
        private final List<ProfileCounter> profile = new ArrayList<>();
        private final List<String> problems = new ArrayList<>();
        /** Problems past the first {@link DataFileException#MAX_PROBLEMS}: counted, not listed. */
        private long moreProblems;
        /** Values that are not numbers or outside the scale, with the columns they occur in. */
        private final Map<String, java.util.BitSet> badValues = new java.util.LinkedHashMap<>();
        private final double[] values = new double[columns.size()];
        private final int[] found = new int[profileSpecs.size()];
        private long read;
        private long excluded;
        private long emptyRows;
        /** Per analysed column: answers on a Likert scale that are not whole numbers, the first one and its line. */
        /** Per analysed column: rows read with a missing value there (a row may count in several columns). */
        private final long[] missingCount = new long[columns.size() + labelColumns.size()];
        /** The row's categories (see {@link StatisticsAccumulator#add(double[], String[])}). */
        private final String[] labels = new String[labelColumns.size()];
        private final LabelCache[] labelCaches = java.util.stream.Stream.generate(LabelCache::new)
                .limit(labelColumns.size()).toArray(LabelCache[]::new);
        /** Per label column, the category of each text cell seen (the text path's {@link #labelCaches}). */
        @SuppressWarnings("unchecked")
        private final Map<String, String>[] textLabels = java.util.stream.Stream
                .generate(java.util.HashMap::new).limit(labelColumns.size()).toArray(Map[]::new);
        private final long[] nonInteger = new long[columns.size()];
        private final long[] nonIntegerLine = new long[columns.size()];
        private final String[] nonIntegerValue = new String[columns.size()];
        /** Where the first non-integer answer is, as {@link RowSource#at} says it, in a located pass. */
        private final String[] nonIntegerAt = new String[columns.size()];
        /** Profile columns whose counter gave up (too many answers): reported once. */
        private final boolean[] profileFailed = new boolean[profileSpecs.size()];

        Tally(boolean chunk) {
            this.chunk = chunk;
            for (ProfileCounterSpec spec : profileSpecs) {
                profile.add(new ProfileCounter(spec.column(), spec.label(), spec.index(),
                        rows.valueLabels().getOrDefault(spec.column().column(), Map.of()),
                        located ? line -> rows.at(line, spec.index()) : null));
            }
        }

        @Override
        public void merge(Tally later) {
            // a chunk's problems never get here (it throws at its first); a part's do
            for (String problem : later.problems) {
                problem(problem);
            }
            moreProblems += later.moreProblems;
            later.badValues.forEach((value, columnsWithIt) -> {
                if (badValues.size() < 1000 || badValues.containsKey(value)) {
                    badValues.computeIfAbsent(value, k -> new java.util.BitSet()).or(columnsWithIt);
                }
            });
            statistics.merge(later.statistics);
            for (int i = 0; i < profile.size(); i++) {
                profile.get(i).merge(later.profile.get(i));
            }
            read += later.read;
            excluded += later.excluded;
            emptyRows += later.emptyRows;
            for (int j = 0; j < missingCount.length; j++) {
                missingCount[j] += later.missingCount[j];
            }
            for (int j = 0; j < nonInteger.length; j++) {
                if (nonInteger[j] == 0 && later.nonInteger[j] > 0) {
                    nonIntegerLine[j] = later.nonIntegerLine[j];
                    nonIntegerValue[j] = later.nonIntegerValue[j];
                    nonIntegerAt[j] = later.nonIntegerAt[j];
                }
                nonInteger[j] += later.nonInteger[j];
            }
        }

        @Override
        public void startsAtLine(long line) {
            for (int j = 0; j < nonInteger.length; j++) {
                nonIntegerLine[j] += line;
            }
            for (ProfileCounter counter : profile) {
                counter.startsAtLine(line);
            }
        }

        /** A value on the Likert scale that is not a whole number: counted for a warning. */
        private void checkWhole(int j, double value, long line, RawRow row, String cell) {
            if (value != Math.rint(value)) {
                if (nonInteger[j]++ == 0) {
                    nonIntegerLine[j] = line;
                    nonIntegerValue[j] = cell != null ? cell.strip() : row.text(columnIndex[j]).strip();
                    if (located) {
                        nonIntegerAt[j] = rows.at(line, columnIndex[j]);
                    }
                }
            }
        }

        void nonIntegerWarnings(List<String> warnings) {
            for (int j = 0; j < nonInteger.length; j++) {
                if (nonInteger[j] > 0) {
                    warnings.add(fileName + ", column " + columns.get(j) + ": " + nonInteger[j] + " answer"
                            + (nonInteger[j] == 1 ? " is" : "s are") + " not a whole number on the Likert scale "
                            + plain(study.scale().min()) + "–" + plain(study.scale().max()) + " (first "
                            + (nonIntegerAt[j] != null ? "at " + nonIntegerAt[j] : "on line " + nonIntegerLine[j])
                            + ": '" + Text.forMessage(nonIntegerValue[j]) + "'); they are "
                            + "analysed as given. Check whether the column holds averaged or imputed values");
                }
            }
        }

        /** A row of text cells (rows given in code, or a file read by Commons CSV). */
        void row(long line, String[] cells) {
            if (allEmpty(cells)) {
                emptyRows++; // a row of bare delimiters, as Excel leaves after formatted cells: no response
                return;
            }
            read++;
            if (cells.length != headerSize) {
                problem(fieldCount(line, cells.length));
                return;
            }
            boolean valid = true;
            boolean complete = true;
            for (int j = 0; j < values.length; j++) {
                if (columnIndex[j] < 0) {
                    complete = false; // a column the header lacks: reported with the header's problems
                    continue;
                }
                int status = text(line, j, cells[columnIndex[j]]);
                valid &= status != BAD;
                complete &= status == READ;
            }
            for (int l = 0; l < labels.length; l++) {
                complete &= label(l, labelIndex[l] < 0 ? null : cells[labelIndex[l]]);
            }
            if (!analysed(valid, complete, values)) {
                return;
            }
            for (ProfileCounter counter : profile) {
                counter.add(cells, missingValues, file, fileName, line);
            }
        }

        /**
         * A row of typed cells (see {@link Part#row}): text cells are read as
         * {@link #row(long, String[])} reads them, numbers are taken as they are (a decimal comma
         * or a number format does not apply to them), {@code null} is missing.
         */
        @Override
        public void row(long line, Object[] cells) {
            if (allMissing(cells)) {
                emptyRows++; // no answer at all: no response, as a row of bare delimiters
                return;
            }
            read++;
            if (cells.length != headerSize) {
                problem(rows.atRow(line) + ": the row has " + cells.length + " cells but there are " + headerSize
                        + " columns");
                return;
            }
            boolean valid = true;
            boolean complete = true;
            for (int j = 0; j < values.length; j++) {
                int f = columnIndex[j];
                if (f < 0) {
                    complete = false;
                    continue;
                }
                Object cell = cells[f];
                int status;
                if (cell == null) {
                    missingCount[j]++;
                    status = MISSING;
                } else if (cell instanceof Number number && !(cell instanceof java.math.BigInteger)) {
                    status = number(line, j, number.doubleValue());
                } else {
                    status = text(line, j, cellText(cell));
                }
                valid &= status != BAD;
                complete &= status == READ;
            }
            for (int l = 0; l < labels.length; l++) {
                int f = labelIndex[l];
                Object cell = f < 0 ? null : cells[f];
                if (f < 0) {
                    complete &= label(l, null);
                } else if (cell == null || cell instanceof Number n && isMissingNumber(n.doubleValue())) {
                    complete &= labelled(l, LabelCache.MISSING);
                } else {
                    complete &= label(l, cellText(cell));
                }
            }
            if (!analysed(valid, complete, values)) {
                return;
            }
            for (int k = 0; k < profile.size(); k++) {
                if (profileFailed[k]) {
                    continue;
                }
                Object cell = cells[profileSpecs.get(k).index()];
                try {
                    profile.get(k).addCell(cell == null ? null : cellText(cell), missingValues, file, fileName, line);
                } catch (DataFileException e) {
                    profileFailed[k] = true; // too many different answers: said once, not for every row
                    problem(e.getMessage());
                }
            }
        }

        /** Reads a text cell of analysed column {@code j}: {@link #READ}, {@link #MISSING} or {@link #BAD}. */
        private int text(long line, int j, String cell) {
            if (isMissing(cell)) {
                missingCount[j]++;
                return MISSING;
            }
            Double mapped = recoded(j, cell);
            double value = mapped != null ? mapped : numbers.parse(cell);
            if (!Double.isFinite(value)) {
                problem(notANumber(line, j, cell));
                badValue(j, cell);
                return BAD;
            }
            return store(line, j, value, cell);
        }

        /** Reads a number cell of analysed column {@code j}, with the missing-value codes that are numbers. */
        private int number(long line, int j, double value) {
            if (isMissingNumber(value)) {
                missingCount[j]++;
                return MISSING;
            }
            if (!recode[j].isEmpty()) {
                Double mapped = recoded(j, plain(value));
                if (mapped != null) {
                    value = mapped;
                }
            }
            if (!Double.isFinite(value)) {
                String text = Double.toString(value);
                problem(at(line, j) + "'" + text + "' is not a number; give a number, or make the cell null "
                        + "(missing)");
                badValue(j, text);
                return BAD;
            }
            return store(line, j, value, null);
        }

        /** Checks a value of analysed column {@code j} against the scale and keeps it (reverse-coded if so). */
        private int store(long line, int j, double value, String cell) {
            if (checkScale[j] && !study.scale().contains(value)) {
                String text = cell != null ? cell : plain(value);
                problem(outsideScale(line, j, text));
                badValue(j, text);
                return BAD;
            }
            if (checkScale[j]) {
                checkWhole(j, value, line, null, cell != null ? cell : plain(value));
            }
            values[j] = reverse[j] ? study.scale().reverse(value) : value;
            return READ;
        }

        @Override
        public void merge(Part later) {
            merge((Tally) later);
        }

        @Override
        public long rowsRead() {
            return read;
        }

        @Override
        public long rowsAnalysed() {
            return statistics.count();
        }

        @Override
        public void fail(String message) {
            problem(message);
        }

        @Override
        public void write(io.github.surveyreport.core.internal.state.StateOut out) {
            out.writeLong(read);
            out.writeLong(excluded);
            out.writeLong(emptyRows);
            out.writeLongs(missingCount);
            out.writeLongs(nonInteger);
            out.writeLongs(nonIntegerLine);
            out.writeStrings(java.util.Arrays.asList(nonIntegerValue));
            out.writeStrings(java.util.Arrays.asList(nonIntegerAt));
            out.writeStrings(problems);
            out.writeLong(moreProblems);
            out.writeInt(badValues.size());
            badValues.forEach((value, columnsWithIt) -> {
                out.writeString(value);
                out.writeLongs(columnsWithIt.toLongArray());
            });
            out.writeInt(profile.size());
            for (int k = 0; k < profile.size(); k++) {
                out.writeBoolean(profileFailed[k]);
                profile.get(k).write(out);
            }
            statistics.write(out);
        }

        @Override
        public void read(io.github.surveyreport.core.internal.state.StateIn in) {
            read = in.readLong();
            excluded = in.readLong();
            emptyRows = in.readLong();
            in.readLongsInto(missingCount);
            in.readLongsInto(nonInteger);
            in.readLongsInto(nonIntegerLine);
            readStrings(in, nonIntegerValue);
            readStrings(in, nonIntegerAt);
            problems.addAll(in.readStrings());
            moreProblems = in.readLong();
            int bad = in.readCount(8);
            for (int i = 0; i < bad; i++) {
                String value = in.readString();
                badValues.put(value, java.util.BitSet.valueOf(in.readLongs()));
            }
            in.expect(in.readInt(), profile.size());
            for (int k = 0; k < profile.size(); k++) {
                profileFailed[k] = in.readBoolean();
                profile.get(k).read(in);
            }
            statistics.read(in);
        }

        private static void readStrings(io.github.surveyreport.core.internal.state.StateIn in, String[] into) {
            List<String> values = in.readStrings();
            in.expect(values.size(), into.length);
            values.toArray(into);
        }

        /**
         * A row scanned on bytes: the same checks as {@link #row(long, String[])}, but a cell
         * that is a plain small integer (the usual Likert answer) is parsed from its bytes and
         * text is decoded only for other cells, messages and profile answers not seen before.
         */
        @Override
        public void row(long line, RawRow row) {
            if (row.allEmpty()) {
                emptyRows++; // a row of bare delimiters, as Excel leaves after formatted cells: no response
                return;
            }
            // first: the profile cells, whose bytes are checked here when not seen before
            for (int k = 0; k < found.length; k++) {
                found[k] = profile.get(k).find(row);
            }
            read++;
            if (row.size() != headerSize) {
                problem(fieldCount(line, row.size()));
                return;
            }
            final byte[] b = row.bytes();
            final double[] x = values;
            boolean valid = true;
            boolean complete = true;
            for (int j = 0; j < x.length; j++) {
                int f = columnIndex[j];
                if (f < 0) {
                    complete = false; // a column the header lacks: reported with the header's problems
                    continue;
                }
                int s = row.start(f);
                int e = row.end(f);
                double value;
                int small = NumberParser.smallInteger(b, s, e);
                if (small != NumberParser.NOT_SMALL) {
                    if (integerMissing.length > 0 && isIntegerMissing(b, s, e)) {
                        complete = false;
                        missingCount[j]++;
                        continue;
                    }
                    value = small;
                } else if (s == e && emptyMissing) {
                    complete = false;
                    missingCount[j]++;
                    continue;
                } else {
                    String cell = row.text(f);
                    if (isMissing(cell)) {
                        complete = false;
                        missingCount[j]++;
                        continue;
                    }
                    Double mapped = recoded(j, cell);
                    value = mapped != null ? mapped : numbers.parse(cell);
                    if (!Double.isFinite(value)) {
                        valid = false;
                        problem(notANumber(line, j, cell));
                        badValue(j, cell);
                    badValue(j, cell);
                        continue;
                    }
                }
                if (checkScale[j] && !study.scale().contains(value)) {
                    valid = false;
                    problem(outsideScale(line, j, row.text(f)));
                    badValue(j, row.text(f));
                    continue;
                }
                if (checkScale[j] && small == NumberParser.NOT_SMALL) {
                    checkWhole(j, value, line, row, null);
                }
                x[j] = reverse[j] ? study.scale().reverse(value) : value;
            }
            for (int l = 0; l < labels.length; l++) {
                int f = labelIndex[l];
                if (f < 0) {
                    complete &= label(l, null);
                    continue;
                }
                // decoded once per distinct cell: the bytes of 男/女 recur in every row
                String category = labelCaches[l].category(row, f, this::categoryOrMissing);
                complete &= labelled(l, category);
            }
            if (!analysed(valid, complete, x)) {
                return;
            }
            for (int k = 0; k < found.length; k++) {
                profile.get(k).add(row, found[k], missingValues, file, fileName, line);
            }
        }

        /**
         * Takes a row into the listwise sample, or counts it as excluded; a row with a bad cell
         * is neither (its problem fails the run).
         */
        private boolean analysed(boolean valid, boolean complete, double[] rowValues) {
            if (!valid) {
                return false;
            }
            if (!complete) {
                excluded++;
                return false;
            }
            if (!problems.isEmpty() || !headerProblems.isEmpty()) {
                return false; // the run fails anyway: only look for more problems
            }
            statistics.add(rowValues, labels);
            return true;
        }

        /**
         * Reads the category of label column {@code l}: {@code null} where missing. A missing
         * categorical term takes the row out of the listwise sample (false); a missing group
         * only leaves the row out of that comparison.
         */
        private boolean label(int l, String cell) {
            if (cell == null) {
                labels[l] = null;
                return false; // a column the header lacks: reported with the header's problems
            }
            // decoded once per distinct text (up to LabelCache.CAPACITY): 男/女 recur in every row
            Map<String, String> cache = textLabels[l];
            String category = cache.get(cell);
            if (category == null) {
                category = categoryOrMissing(cell);
                if (cache.size() < LabelCache.CAPACITY) {
                    cache.put(cell, category);
                }
            }
            return labelled(l, category);
        }

        /** Records category (or {@link LabelCache#MISSING}) of label column {@code l}; false if the row leaves the sample. */
        private boolean labelled(int l, String category) {
            if (category == LabelCache.MISSING) {
                labels[l] = null;
                missingCount[columns.size() + l]++;
                return l >= categoricalCount;
            }
            labels[l] = category;
            return true;
        }

        private String categoryOrMissing(String cell) {
            return isMissing(cell) || Text.isSpaces(cell) ? LabelCache.MISSING : category(cell);
        }

        private void problem(String message) {
            if (chunk) {
                throw new ChunkProblem();
            }
            // the first ones are listed; the rest are counted, and the pass goes on so that the
            // summary of bad values covers the whole file
            if (problems.size() < DataFileException.MAX_PROBLEMS) {
                problems.add(message);
            } else {
                moreProblems++;
            }
        }

        /** A bad value of column {@code j}, for the summary of values that recur across columns. */
        private void badValue(int j, String value) {
            String key = value.strip();
            if (badValues.size() < 1000 || badValues.containsKey(key)) {
                badValues.computeIfAbsent(key, k -> new java.util.BitSet()).set(j);
            }
        }

        /**
         * One line per bad value found in several columns, most columns first: "value 6 in 70
         * columns" says more about a wrong scale or text answers than 20 single cells.
         */
        List<String> summaries() {
            List<Map.Entry<String, java.util.BitSet>> recurring = new ArrayList<>();
            for (Map.Entry<String, java.util.BitSet> entry : badValues.entrySet()) {
                if (entry.getValue().cardinality() >= 2) {
                    recurring.add(entry);
                }
            }
            recurring.sort((a, b) -> b.getValue().cardinality() - a.getValue().cardinality());
            List<String> lines = new ArrayList<>();
            for (Map.Entry<String, java.util.BitSet> entry : recurring.subList(0, Math.min(3, recurring.size()))) {
                String value = entry.getKey();
                int count = entry.getValue().cardinality();
                List<String> names = new ArrayList<>();
                entry.getValue().stream().limit(5).forEach(j -> names.add(columns.get(j)));
                double number = numbers.parse(value);
                String advice;
                if (Double.isNaN(number)) {
                    advice = "text answers: map them to numbers with recode in the study file (e.g. recode: {items: {"
                            + "'" + Text.forMessage(value) + "': 5}}), or add the value to data.missing only if it means"
                            + " no answer";
                } else if (study.scale() != null && number > study.scale().max()) {
                    advice = "is the scale " + plain(study.scale().min()) + "–" + plain(number) + "? (scale in the "
                            + "study file says " + plain(study.scale().min()) + "–" + plain(study.scale().max()) + ")";
                } else if (study.scale() != null && number < study.scale().min()) {
                    advice = "is the scale " + plain(number) + "–" + plain(study.scale().max()) + ", or is "
                            + plain(number) + " a missing-value code? (then add it to data.missing)";
                } else {
                    advice = "check these columns";
                }
                lines.add(fileName + ": value '" + Text.forMessage(value) + "' in " + count + " columns ("
                        + String.join(", ", names) + (count > names.size() ? ", …" : "") + "): " + advice);
            }
            return lines;
        }
    }

    /**
     * A category's label as results name it: the cell's text (trimmed, NFC), a number written
     * plainly ({@code 1.0} and {@code 1} are the same category {@code 1}).
     */
    private String category(String cell) {
        String text = Columns.normalize(cell.strip());
        double number = numbers.parse(text);
        if (Double.isFinite(number)) {
            return java.math.BigDecimal.valueOf(number).stripTrailingZeros().toPlainString();
        }
        return text;
    }

    /** The number {@code recode} maps a cell's answer text to in column {@code j}, or {@code null}. */
    private Double recoded(int j, String cell) {
        Map<String, Double> map = recode[j];
        return map.isEmpty() ? null : map.get(Columns.normalize(cell.strip()));
    }

    private boolean isIntegerMissing(byte[] b, int s, int e) {
        for (byte[] code : integerMissing) {
            if (java.util.Arrays.equals(code, 0, code.length, b, s, e)) {
                return true;
            }
        }
        return false;
    }

    private String fieldCount(long line, int fields) {
        return fileName + " line " + line + ": the row has " + fields + " fields but the header has "
                + headerSize + "; a text answer containing the delimiter must be quoted";
    }

    private String notANumber(long line, int j, String cell) {
        if (Double.isInfinite(numbers.parse(cell))) {
            return at(line, j) + "'" + Text.forMessage(cell.strip()) + "' is too large a number to analyse (beyond "
                    + "±1.8E308, the range of double precision); check the value";
        }
        return at(line, j) + "'" + Text.forMessage(cell) + "' is not a number" + hintForNumber(j, cell);
    }

    private String outsideScale(long line, int j, String cell) {
        return at(line, j) + "'" + Text.forMessage(cell.strip()) + "' is outside the scale " + plain(study.scale().min())
                + "–" + plain(study.scale().max()) + " (scale in the study file)";
    }

    private boolean isMissing(String cell) {
        return missingValues.contains(cell) || missingValues.contains(cell.strip());
    }

    /** Where a cell is, as its reader names it: {@code data.csv line 17, column Q3 (F)}, {@code 答卷数据!F17 (Q3)}. */
    private String at(long line, int j) {
        return rows.at(line, columnIndex[j]) + ": ";
    }

    private String hintForNumber(int j, String cell) {
        String trimmed = cell.strip();
        if (!study.data().decimalComma() && trimmed.matches("[+-]?\\d+,\\d+")) {
            return "; if the file uses a decimal comma, set data.decimal: \",\" (and delimiter: \";\") in the study file";
        }
        if (trimmed.chars().anyMatch(Character::isLetter)) { // answer text such as 非常同意 or "Agree"
            String column = columns.get(j);
            String key = study.isItem(column) ? Study.RECODE_ITEMS : column;
            // a column of categories (男/女, master/bachelor) used as a term: it can be categorical instead
            String categorical = study.isItem(column) ? "" : "; if the column holds categories, list it as "
                    + "categorical: [" + column + "] in the regression (or, with two categories, the moderation) "
                    + "that uses it";
            return "; map answer text to numbers with recode in the study file (e.g. recode: {" + key + ": {'"
                    + Text.forMessage(trimmed) + "': 4}}), or add it to data.missing only if it truly means no answer"
                    + categorical;
        }
        return "; give a number, or add this value to data.missing in the study file if it means no answer";
    }

    /** Warnings about the header and the study's names, e.g. labels for no column. */
    private final List<String> headerWarnings = new ArrayList<>();

    /**
     * Finds the study's columns in the header, comparing names in Unicode NFC. A column the
     * header lacks is a problem, reported together with the problems of the rows (whose other
     * columns are still checked), so that one run shows everything to fix.
     */
    private void mapColumns(List<String> rawHeader) {
        List<String> header = new ArrayList<>(rawHeader.size());
        for (String name : rawHeader) {
            header.add(Columns.normalize(name));
        }
        java.util.Map<String, Integer> position = new java.util.HashMap<>();
        for (int i = header.size() - 1; i >= 0; i--) {
            position.put(header.get(i), i);
        }
        columnIndex = new int[columns.size()];
        checkScale = new boolean[columns.size()];
        @SuppressWarnings("unchecked")
        Map<String, Double>[] maps = new Map[columns.size()];
        recode = maps;
        reverse = new boolean[columns.size()];
        for (int j = 0; j < columns.size(); j++) {
            String column = columns.get(j);
            columnIndex[j] = position.getOrDefault(Columns.normalize(column), -1);
            if (columnIndex[j] < 0) {
                headerProblems.add(absent(column, usage(column), rawHeader));
            }
            checkScale[j] = study.scale() != null && study.isItem(column);
            Map<String, Double> normalized = new java.util.HashMap<>();
            study.recodeOf(column).forEach((text, number) -> normalized.put(Columns.normalize(text), number));
            recode[j] = normalized;
            reverse[j] = study.isReversed(column);
        }
        labelIndex = new int[labelColumns.size()];
        for (int l = 0; l < labelColumns.size(); l++) {
            String column = labelColumns.get(l);
            labelIndex[l] = position.getOrDefault(Columns.normalize(column), -1);
            if (labelIndex[l] < 0 && labelColumns.indexOf(column) == l) {
                headerProblems.add(absent(column, usage(column), rawHeader));
            }
        }
        for (ProfileColumn p : study.profile()) {
            int index = position.getOrDefault(Columns.normalize(p.column()), -1);
            if (index < 0) {
                headerProblems.add(absent(p.column(), "a profile column", rawHeader));
                continue;
            }
            String label = p.label() != null ? p.label() : study.label(p.column());
            profileSpecs.add(new ProfileCounterSpec(p, label, index));
        }
        for (String key : study.recode().keySet()) {
            if (!key.equals(Study.RECODE_ITEMS) && !position.containsKey(Columns.normalize(key))) {
                String near = nearest(key, rawHeader);
                headerWarnings.add("Study file recode." + key + ": '" + Text.forMessage(key) + "' is not a column of "
                        + fileName + ", so its map is not used" + (near != null ? "; did you mean '" + near + "'?" : "")
                        + " (recode.items applies to every construct item)");
            }
        }
        for (String key : new java.util.TreeSet<>(study.labels().keySet())) {
            if (!position.containsKey(Columns.normalize(key)) && !study.isConstruct(key)) {
                String near = nearest(key, rawHeader);
                headerWarnings.add("Study file labels." + key + ": '" + Text.forMessage(key) + "' is neither a column of "
                        + fileName + " nor a construct id, so its label is not used"
                        + (near != null ? "; did you mean '" + near + "'?" : ""));
            }
        }
    }

    private String absent(String column, String usage, List<String> header) {
        long line = rows instanceof CsvRowSource csv ? csv.headerLine() : 1;
        StringBuilder message = new StringBuilder(fileName).append(" line ").append(line).append(": the column '")
                .append(column)
                .append("' is not in the header (the study file uses it as ").append(usage).append(')');
        String near = nearest(column, header);
        if (near != null) {
            message.append("; did you mean '").append(near).append("'?");
        } else {
            message.append('.');
        }
        // a wide export has hundreds of columns: name the first ones, each cut to a readable length
        int shown = Math.min(header.size(), 40);
        message.append(" The header's columns are: ");
        for (int i = 0; i < shown; i++) {
            message.append(i == 0 ? "" : ", ").append(Text.forMessage(header.get(i)));
        }
        if (shown < header.size()) {
            message.append(", … (").append(header.size()).append(" in all)");
        }
        return message.toString();
    }

    private String usage(String column) {
        for (Construct c : study.constructs()) {
            if (c.items().contains(column)) {
                return "an item of construct " + c.id();
            }
        }
        for (RegressionModel r : study.regressions()) {
            if (r.terms().contains(column)) {
                return "a term of the regression " + r + (r.where() != null ? " (study file " + r.where() + ")" : "")
                        + "; a term that is no construct id must be a data column";
            }
        }
        for (var m : study.mediation()) {
            if (m.x().equals(column) || m.y().equals(column) || m.mediators().contains(column)
                    || m.covariates().contains(column)) {
                return "a term of the mediation " + m + (m.where() != null ? " (study file " + m.where() + ")" : "")
                        + "; a term that is no construct id must be a data column";
            }
        }
        for (var m : study.moderation()) {
            if (m.x().equals(column) || m.y().equals(column) || m.moderator().equals(column)
                    || m.covariates().contains(column)) {
                return "a term of the moderation " + m + (m.where() != null ? " (study file " + m.where() + ")" : "")
                        + "; a term that is no construct id must be a data column";
            }
        }
        for (var d : study.differences()) {
            if (d.by().equals(column)) {
                return "the grouping column of differences" + (d.where() != null ? " (study file " + d.where() + ")" : "");
            }
        }
        return "a column";
    }

    /**
     * The header name a study name most likely means: the same after NFKC, case and separators
     * are ignored, else the closest by edit distance (at most a third of the name, at least 2).
     */
    private static String nearest(String column, List<String> header) {
        String key = normalize(column);
        for (String h : header) {
            if (normalize(h).equals(key)) {
                return h;
            }
        }
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String h : header) {
            int distance = Text.editDistance(key, normalize(h));
            if (distance < bestDistance) {
                bestDistance = distance;
                best = h;
            }
        }
        return bestDistance <= Math.max(2, key.length() / 3) && bestDistance < key.length() ? best : null;
    }

    private static String normalize(String name) {
        return java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFKC)
                .replaceAll("[\\s_.\\-]", "").toLowerCase(Locale.ROOT);
    }

    private void checkEnoughRows(long n, long read, long excluded) {
        int needed = 3;
        String why = "descriptive statistics and reliability";
        for (RegressionModel r : study.regressions()) {
            int forModel = r.predictors().size() + 2;
            if (forModel > needed) {
                needed = forModel;
                why = "the regression " + r + " (predictors + 2)";
            }
        }
        if (n < needed) {
            throw new DataFileException(file, fileName + ": only " + n + " complete rows (" + read + " read, "
                    + excluded + " excluded for missing values in analysed columns); " + why + " need at least "
                    + needed + ". Check data.missing and the empty cells of the analysed columns.");
        }
    }

    private AnalysisLayout layout;

    private AnalysisLayout layout() {
        if (layout == null) {
            layout = newLayout();
        }
        return layout;
    }

    private AnalysisLayout newLayout() {
        List<AnalysisLayout.ConstructSpec> constructs = new ArrayList<>();
        for (Construct c : study.constructs()) {
            constructs.add(new AnalysisLayout.ConstructSpec(c.id(), c.items()));
        }
        List<AnalysisLayout.RegressionSpec> regressions = new ArrayList<>();
        for (RegressionModel r : study.regressions()) {
            if (!r.hierarchical()) {
                regressions.add(new AnalysisLayout.RegressionSpec(r.dependent(), r.predictors()));
            }
        }
        List<AnalysisLayout.HypothesisSpec> hypotheses = new ArrayList<>();
        for (Hypothesis h : study.hypotheses()) {
            hypotheses.add(new AnalysisLayout.HypothesisSpec(h.id(), h.kind(), h.from(), h.via(), h.to(),
                    h.sign() == Hypothesis.Sign.POSITIVE ? AnalysisLayout.Sign.POSITIVE : AnalysisLayout.Sign.NEGATIVE,
                    h.expected()));
        }
        Map<String, List<String>> declaredOrder = new java.util.HashMap<>();
        for (ProfileColumn p : study.profile()) {
            if (!p.order().isEmpty()) {
                List<String> order = new ArrayList<>();
                p.order().forEach(o -> order.add(category(o)));
                declaredOrder.putIfAbsent(p.column(), order);
            }
        }
        // an SPSS file's value labels of the grouping columns, by category as the pass names them
        Map<String, Map<String, String>> valueLabels = new java.util.HashMap<>();
        for (String column : study.groupingColumns()) {
            Map<String, String> labels = rows.valueLabels().getOrDefault(column, Map.of());
            if (!labels.isEmpty()) {
                Map<String, String> byCategory = new java.util.HashMap<>();
                labels.forEach((code, label) -> byCategory.putIfAbsent(category(code), label));
                valueLabels.put(column, byCategory);
            }
        }
        StructuralLayout structural = new StructuralLayout(study.categoricalColumns(), study.groupingColumns(),
                declaredOrder, study.regressions(), study.differences(), study.mediation(), study.moderation(),
                study.bootstrap(), study.significance(), valueLabels);
        return new AnalysisLayout(columns, constructs, regressions, hypotheses, study.efaFactors(),
                study.significance(), likelihood(study.cfa()), study.overallReliability(),
                structural.isEmpty() ? null : structural);
    }

    /** The CFA's likelihood in the engine's terms, or null for no CFA. */
    private static MeasurementModel.Likelihood likelihood(CfaSpec cfa) {
        if (cfa == null) {
            return null;
        }
        return cfa.likelihood() == CfaSpec.Likelihood.NORMAL ? MeasurementModel.Likelihood.NORMAL
                : MeasurementModel.Likelihood.WISHART;
    }

}
