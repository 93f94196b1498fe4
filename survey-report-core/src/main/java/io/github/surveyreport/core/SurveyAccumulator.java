package io.github.surveyreport.core;

import io.github.surveyreport.core.data.Columns;
import io.github.surveyreport.core.data.RowSource;
import io.github.surveyreport.core.internal.Digests;
import io.github.surveyreport.core.internal.EngineVersion;
import io.github.surveyreport.core.internal.StudyPass;
import io.github.surveyreport.core.internal.state.StateFormatException;
import io.github.surveyreport.core.internal.state.StateIn;
import io.github.surveyreport.core.internal.state.StateOut;
import io.github.surveyreport.core.results.Provenance;
import io.github.surveyreport.core.results.Results;
import io.github.surveyreport.core.study.Construct;
import io.github.surveyreport.core.study.GroupComparison;
import io.github.surveyreport.core.study.MediationModel;
import io.github.surveyreport.core.study.ModerationModel;
import io.github.surveyreport.core.study.ProfileColumn;
import io.github.surveyreport.core.study.RegressionModel;
import io.github.surveyreport.core.study.Study;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The engine's one pass as a value that can be split and merged: each part of the data (a
 * Spark partition, a file, a day) is accumulated on its own, the parts are merged in row order,
 * and {@link #finish()} gives the same {@link Results} that {@link SurveyAnalysis} gives for
 * all rows read at once. Memory is independent of the number of rows for rating-scale data
 * (see the performance page for what grows with continuous data).
 *
 * <pre>{@code
 * Study study = StudyLoader.load(Path.of("src/survey/study.yaml"));
 * List<String> columns = List.of("id", "PU1", "PU2", "PU3", "gender");
 * SurveyAccumulator monday = SurveyAccumulator.create(study, columns, "responses", "2026-11-30");
 * monday.add("1", 5, 4, 5, "female");               // text, numbers or null (missing)
 * byte[] saved = monday.toBytes();                   // compact and versioned, e.g. for a file
 * SurveyAccumulator all = SurveyAccumulator.fromBytes(study, saved).merge(tuesday);
 * Results results = all.finish();
 * }</pre>
 *
 * <p><b>Cells.</b> A {@link String} is read as a data file's cell is (missing-value codes,
 * {@code recode}, decimal comma); a {@link Number} is taken as its value (a missing-value code
 * that is a number, such as {@code -99}, still means missing); {@code null} is missing; other
 * objects are read as their text. Problems (a value outside the scale, text that is no number)
 * are collected with the row's position ({@code responses 2026-11-30 row 17, column PU2}) and
 * reported together by {@link #finish()}, as a data file's are.
 *
 * <p><b>Order.</b> Only the Durbin–Watson statistic depends on row order: {@link #merge} takes
 * the other part's rows as following this part's rows. Every other result is the same for any
 * order of rows and merges, up to floating-point rounding (well within 1e-12 relative).
 *
 * <p><b>Bytes.</b> {@link #toBytes()} writes the state exactly (every double as its bits), with
 * a format version and a fingerprint of what the state depends on: the columns, and the study's
 * constructs, scale, reverse coding, missing values, recoding and models. A state is read back
 * only for a study with the same fingerprint; other parts of the study (titles, labels,
 * thresholds, bootstrap settings, hypotheses) may change between accumulating and finishing.
 *
 * <p>Not thread-safe: accumulate one instance per thread and merge them.
 */
public final class SurveyAccumulator {
    /** The version of the byte form; states of other versions are refused with a message. */
    public static final int FORMAT_VERSION = 1;
    private static final int MAGIC = 0x53525374; // "SRSt"

    private final Study study;
    private final List<String> columns;
    private final String dataName;
    private final String fingerprint;
    private final StudyPass pass;
    private final StudyPass.Part part;
    private long rowNumber;

    private SurveyAccumulator(Study study, List<String> columns, String dataName, String partName) {
        this.study = Objects.requireNonNull(study, "study");
        this.columns = List.copyOf(columns);
        this.dataName = Objects.requireNonNull(dataName, "dataName");
        this.fingerprint = fingerprint(study, this.columns);
        this.pass = new StudyPass(study, new PartRows(dataName, partName, this.columns), null);
        this.part = pass.start();
    }

    /**
     * An empty accumulator for rows with the given columns.
     *
     * @param study    the study (its data section is used for missing values, recoding and the
     *                 decimal comma only)
     * @param columns  the column names, in the order of the cells given to {@link #add}
     * @param dataName what messages and the provenance call the data, e.g. {@code responses.parquet}
     * @param partName what messages call this part's rows, e.g. {@code partition 3}; {@code null}
     *                 for none
     */
    public static SurveyAccumulator create(Study study, List<String> columns, String dataName, String partName) {
        return new SurveyAccumulator(study, columns, dataName, partName);
    }

    /**
     * Adds one row, one cell per column (see the class comment for what a cell may be). Rows are
     * numbered from 1 in this part for messages.
     */
    public void add(Object... cells) {
        part.row(++rowNumber, cells);
    }

    /**
     * Records a problem found outside the engine (for example a cell an adapter could not
     * convert): {@link #finish()} then reports it with the data's other problems.
     */
    public void addProblem(String message) {
        part.fail(message);
    }

    /**
     * Adds the rows of {@code later}, which follow this accumulator's rows, and returns this
     * accumulator; {@code later} is not changed. {@code later} may come from another version of
     * the study with the same fingerprint (see the class comment); this accumulator's study
     * finishes.
     *
     * @throws IllegalArgumentException if {@code later} was made for another study or other columns
     */
    public SurveyAccumulator merge(SurveyAccumulator later) {
        if (!later.fingerprint.equals(fingerprint)) {
            throw new IllegalArgumentException("cannot merge accumulators of different studies or columns ("
                    + later.columns + " and " + columns + ")");
        }
        // a later version of the study (other hypotheses, thresholds, titles) accumulates the same
        // state: read the other part as this study's, so that the engine's parts agree on every setting
        SurveyAccumulator same = later.study.equals(study) ? later : fromBytes(study, later.toBytes());
        part.merge(same.part);
        return this;
    }

    /**
     * The columns the study uses that {@code columns} lacks, one message each (naming the
     * nearest column): known before any row is added, so that a caller can stop early.
     * {@link #finish()} reports them too.
     */
    public List<String> columnProblems() {
        return pass.headerProblems();
    }

    /** Rows added or merged, empty rows and rows with missing values included. */
    public long rowsRead() {
        return part.rowsRead();
    }

    /** Rows in the listwise sample. */
    public long rowsAnalysed() {
        return part.rowsAnalysed();
    }

    /**
     * The state as bytes: a format version, the fingerprint, the data's name and columns, and
     * the accumulated state. The same state always gives the same bytes.
     */
    public byte[] toBytes() {
        StateOut out = new StateOut();
        out.writeInt(MAGIC);
        out.writeInt(FORMAT_VERSION);
        out.writeString(fingerprint);
        out.writeString(dataName);
        out.writeStrings(columns);
        part.write(out);
        return out.toByteArray();
    }

    /**
     * Reads a state {@link #toBytes()} wrote, for the same study (see the class comment).
     *
     * @throws SurveyReportException if the bytes are not such a state, are of another format
     *                               version, or were accumulated for a study whose fingerprint differs
     */
    public static SurveyAccumulator fromBytes(Study study, byte[] state) {
        StateIn in = new StateIn(state);
        try {
            if (state.length < 8 || in.readInt() != MAGIC) {
                throw new SurveyReportException("these bytes are not a survey-report accumulator state");
            }
            int version = in.readInt();
            if (version != FORMAT_VERSION) {
                throw new SurveyReportException("the accumulator state has format version " + version + "; this engine ("
                        + EngineVersion.get() + ") reads version " + FORMAT_VERSION + ". Accumulate the data again "
                        + "with this version");
            }
            String stored = in.readString();
            String name = in.readString();
            List<String> columns = in.readStrings();
            if (name == null || columns.contains(null)) {
                throw new StateFormatException("a name is missing");
            }
            SurveyAccumulator accumulator = new SurveyAccumulator(study, columns, name, null);
            if (!accumulator.fingerprint.equals(stored)) {
                throw new SurveyReportException("the accumulator state of " + name + " was made for another study "
                        + "or other columns: its constructs, scale, reverse coding, missing values, recoding, models "
                        + "or columns differ from this study's. Accumulate the data again with this study");
            }
            accumulator.part.read(in);
            if (!in.atEnd()) {
                throw new StateFormatException("bytes are left after the state");
            }
            return accumulator;
        } catch (StateFormatException e) {
            throw new SurveyReportException("the accumulator state is damaged: " + e.getMessage(), e);
        }
    }

    /**
     * The results of every row added and merged.
     *
     * @throws SurveyReportException the problems of the rows (up to 20, with their positions), or
     *                               an analysis that cannot be carried out on these rows
     */
    public Results finish() {
        StudyPass.Outcome outcome = pass.finish(part);
        Provenance provenance = new Provenance(
                study.studyFile() == null ? null : study.studyFile().getFileName().toString(),
                study.studyFile() == null ? null : Digests.sha256(study.studyFile()),
                dataName, null, null, null, EngineVersion.get());
        return SurveyAnalysis.assemble(outcome, provenance);
    }

    /**
     * What the state depends on, as a hash: the columns, then the study's analysed and label
     * columns, constructs, scale, reverse coding, missing values, decimal comma, recoding,
     * models and profile columns. Written out field by field, not from the records' text, so
     * that where an entry stands in the study file does not matter.
     */
    static String fingerprint(Study study, List<String> columns) {
        StringBuilder b = new StringBuilder("survey-report state\n");
        b.append("columns ").append(columns.stream().map(Columns::normalize).toList()).append('\n');
        b.append("analysed ").append(study.analysedColumns()).append('\n');
        b.append("categorical ").append(study.categoricalColumns()).append('\n');
        b.append("grouping ").append(study.groupingColumns()).append('\n');
        for (Construct c : study.constructs()) {
            b.append("construct ").append(c.id()).append(' ').append(c.items()).append(' ').append(c.reverse())
                    .append('\n');
        }
        b.append("scale ").append(study.scale() == null ? "none" : study.scale().min() + " " + study.scale().max())
                .append('\n');
        for (String column : study.analysedColumns()) {
            if (study.isReversed(column)) {
                b.append("reversed ").append(column).append('\n');
            }
        }
        b.append("missing ").append(new java.util.TreeSet<>(study.data().missing())).append('\n');
        b.append("decimal comma ").append(study.data().decimalComma()).append('\n');
        Map<String, Map<String, Double>> recode = new TreeMap<>();
        study.recode().forEach((key, map) -> recode.put(key, new TreeMap<>(map)));
        b.append("recode ").append(recode).append('\n');
        b.append("overall ").append(study.overallReliability()).append(" efa ").append(study.efaFactors())
                .append(" cfa ").append(study.cfa() == null ? "none" : study.cfa().likelihood()).append('\n');
        for (RegressionModel r : study.regressions()) {
            b.append("regression ").append(r.dependent()).append(' ').append(r.blocks()).append(' ')
                    .append(r.categorical()).append('\n');
        }
        for (GroupComparison d : study.differences()) {
            b.append("difference ").append(d.by()).append('\n');
        }
        for (MediationModel m : study.mediation()) {
            b.append("mediation ").append(m.x()).append(' ').append(m.mediators()).append(' ').append(m.y())
                    .append(' ').append(m.covariates()).append('\n');
        }
        for (ModerationModel m : study.moderation()) {
            b.append("moderation ").append(m.x()).append(' ').append(m.moderator()).append(' ').append(m.y())
                    .append(' ').append(m.covariates()).append(' ').append(m.categorical()).append('\n');
        }
        for (ProfileColumn p : study.profile()) {
            b.append("profile ").append(p.column()).append(' ').append(p.multiple()).append(' ').append(p.order())
                    .append('\n');
        }
        return HexFormat.of().formatHex(Digests.newSha256().digest(b.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** The rows of one part as messages name them: {@code responses partition 3 row 17, column PU2}. */
    private record PartRows(String name, String part, List<String> header) implements RowSource {
        @Override
        public void forEachRow(RowHandler handler) {
            throw new UnsupportedOperationException("an accumulator's rows are added one at a time");
        }

        @Override
        public String atRow(long line) {
            return name + (part == null ? "" : " " + part) + " row " + line;
        }

        @Override
        public String at(long line, int columnIndex) {
            String column = columnIndex >= 0 && columnIndex < header.size() ? header.get(columnIndex)
                    : Columns.letter(columnIndex);
            return atRow(line) + ", column " + column;
        }
    }
}
