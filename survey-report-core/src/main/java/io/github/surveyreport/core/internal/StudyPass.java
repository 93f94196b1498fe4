package io.github.surveyreport.core.internal;

import io.github.surveyreport.core.AnalysisException;
import io.github.surveyreport.core.data.Columns;
import io.github.surveyreport.core.data.DataFileException;
import io.github.surveyreport.core.data.NumberParser;
import io.github.surveyreport.core.data.RowSource;
import io.github.surveyreport.core.internal.stats.AnalysisLayout;
import io.github.surveyreport.core.internal.stats.StatisticsAccumulator;
import io.github.surveyreport.core.results.ProfileTable;
import io.github.surveyreport.core.results.Sample;
import io.github.surveyreport.core.results.StatisticsResults;
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

    private int[] columnIndex;
    private boolean[] checkScale;
    private boolean[] reverse;
    private final List<ProfileCounter> profile = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private StatisticsAccumulator statistics;
    private long read;
    private long excluded;
    private int headerSize;

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
    }

    /** The outcome of a pass. */
    public record Outcome(Sample sample, StatisticsResults statistics, List<String> warnings) {
    }

    /** Reads every row and computes the statistics. */
    public Outcome run() {
        List<String> header = rows.header();
        headerSize = header.size();
        mapColumns(header);
        statistics = new StatisticsAccumulator(layout());
        double[] values = new double[columns.size()];
        rows.forEachRow((line, cells) -> row(line, cells, values));
        if (!problems.isEmpty()) {
            throw new DataFileException(file, problems, false);
        }
        if (read == 0) {
            throw new DataFileException(file, fileName + ": the header has no rows under it; "
                    + "the file needs one row per respondent");
        }
        long n = statistics.count();
        checkEnoughRows(n);
        List<String> warnings = new ArrayList<>();
        StatisticsResults results;
        try {
            results = statistics.finish();
        } catch (AnalysisException e) {
            throw new AnalysisException(fileName + ": " + e.getMessage());
        }
        warnings.addAll(results.warnings());
        List<ProfileTable> tables = new ArrayList<>();
        for (ProfileCounter counter : profile) {
            tables.add(counter.result(n, warnings));
        }
        return new Outcome(new Sample(read, n, excluded, tables), results, warnings);
    }

    private void row(long line, String[] cells, double[] values) {
        read++;
        if (cells.length != headerSize) {
            problem(fileName + " line " + line + ": the row has " + cells.length + " fields but the header has "
                    + headerSize + "; a text answer containing the delimiter must be quoted");
            return;
        }
        boolean valid = true;
        boolean complete = true;
        for (int j = 0; j < values.length; j++) {
            String cell = cells[columnIndex[j]];
            if (isMissing(cell)) {
                complete = false;
                continue;
            }
            double value = numbers.parse(cell);
            if (Double.isNaN(value)) {
                valid = false;
                problem(at(line, j) + "'" + cell + "' is not a number" + hintForNumber(cell));
                continue;
            }
            if (checkScale[j] && !study.scale().contains(value)) {
                valid = false;
                problem(at(line, j) + "'" + cell.strip() + "' is outside the scale " + plain(study.scale().min())
                        + "–" + plain(study.scale().max()) + " (scale in the study file)");
                continue;
            }
            values[j] = reverse[j] ? study.scale().reverse(value) : value;
        }
        if (!valid) {
            return;
        }
        if (!complete) {
            excluded++;
            return;
        }
        if (!problems.isEmpty()) {
            return; // the run fails anyway: only look for more problems
        }
        statistics.add(values);
        for (ProfileCounter counter : profile) {
            counter.add(cells, missingValues, file, fileName, line);
        }
    }

    private boolean isMissing(String cell) {
        return missingValues.contains(cell) || missingValues.contains(cell.strip());
    }

    private String at(long line, int j) {
        int index = columnIndex[j];
        return fileName + " line " + line + ", column " + columns.get(j) + " (" + Columns.letter(index) + "): ";
    }

    private String hintForNumber(String cell) {
        String trimmed = cell.strip();
        if (!study.data().decimalComma() && trimmed.matches("[+-]?\\d+,\\d+")) {
            return "; if the file uses a decimal comma, set data.decimal: \",\" (and delimiter: \";\") in the study file";
        }
        return "; give a number, or add this value to data.missing in the study file if it means no answer";
    }

    private void problem(String message) {
        problems.add(message);
        if (problems.size() >= DataFileException.MAX_PROBLEMS) {
            throw new DataFileException(file, problems, true);
        }
    }

    private void mapColumns(List<String> header) {
        List<String> headerProblems = new ArrayList<>();
        columnIndex = new int[columns.size()];
        checkScale = new boolean[columns.size()];
        reverse = new boolean[columns.size()];
        for (int j = 0; j < columns.size(); j++) {
            String column = columns.get(j);
            columnIndex[j] = header.indexOf(column);
            if (columnIndex[j] < 0) {
                headerProblems.add(absent(column, usage(column), header));
            }
            checkScale[j] = study.scale() != null && study.isItem(column);
            reverse[j] = study.isReversed(column);
        }
        for (ProfileColumn p : study.profile()) {
            int index = header.indexOf(p.column());
            if (index < 0) {
                headerProblems.add(absent(p.column(), "a profile column", header));
                continue;
            }
            String label = p.label() != null ? p.label() : study.label(p.column());
            profile.add(new ProfileCounter(p, label, index));
        }
        if (!headerProblems.isEmpty()) {
            throw new DataFileException(file, headerProblems, false);
        }
    }

    private String absent(String column, String usage, List<String> header) {
        StringBuilder message = new StringBuilder(fileName).append(" line 1: the column '").append(column)
                .append("' is not in the header (the study file uses it as ").append(usage).append(')');
        String near = nearest(column, header);
        if (near != null) {
            message.append("; did you mean '").append(near).append("'?");
        } else {
            message.append('.');
        }
        message.append(" The header's columns are: ").append(String.join(", ", header));
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
                return "a term of the regression " + r + "; a term that is no construct id must be a data column";
            }
        }
        return "a column";
    }

    private static String nearest(String column, List<String> header) {
        String key = normalize(column);
        for (String h : header) {
            if (normalize(h).equals(key)) {
                return h;
            }
        }
        return null;
    }

    private static String normalize(String name) {
        return java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFKC)
                .replaceAll("[\\s_.\\-]", "").toLowerCase(Locale.ROOT);
    }

    private void checkEnoughRows(long n) {
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

    private AnalysisLayout layout() {
        List<AnalysisLayout.ConstructSpec> constructs = new ArrayList<>();
        for (Construct c : study.constructs()) {
            constructs.add(new AnalysisLayout.ConstructSpec(c.id(), c.items()));
        }
        List<AnalysisLayout.RegressionSpec> regressions = new ArrayList<>();
        for (RegressionModel r : study.regressions()) {
            regressions.add(new AnalysisLayout.RegressionSpec(r.dependent(), r.predictors()));
        }
        List<AnalysisLayout.HypothesisSpec> hypotheses = new ArrayList<>();
        for (Hypothesis h : study.hypotheses()) {
            hypotheses.add(new AnalysisLayout.HypothesisSpec(h.id(), h.from(), h.to(),
                    h.sign() == Hypothesis.Sign.POSITIVE ? AnalysisLayout.Sign.POSITIVE : AnalysisLayout.Sign.NEGATIVE));
        }
        return new AnalysisLayout(columns, constructs, regressions, hypotheses, study.efaFactors(),
                study.significance());
    }

    private static String plain(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
