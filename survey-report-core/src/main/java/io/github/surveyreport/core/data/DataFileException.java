package io.github.surveyreport.core.data;

import io.github.surveyreport.core.SurveyReportException;
import java.nio.file.Path;
import java.util.List;

/**
 * Survey data that cannot be analysed as the study asks. Up to {@link #MAX_PROBLEMS} problems
 * are collected in one run, each naming the file, the line as an editor shows it, the column
 * and the offending value.
 */
public class DataFileException extends SurveyReportException {
    private static final long serialVersionUID = 1L;

    /** How many problems are collected before reading stops. */
    public static final int MAX_PROBLEMS = 20;

    private final transient Path file;
    private final List<String> problems;
    private final boolean truncated;

    public DataFileException(Path file, List<String> problems, boolean truncated) {
        super(format(file, problems, truncated));
        this.file = file;
        this.problems = List.copyOf(problems);
        this.truncated = truncated;
    }

    public DataFileException(Path file, String problem) {
        this(file, List.of(problem), false);
    }

    /** The data file. */
    public Path file() {
        return file;
    }

    /** The problems, each starting with {@code FILE line N}. */
    public List<String> problems() {
        return problems;
    }

    /** Whether reading stopped after {@link #MAX_PROBLEMS} problems. */
    public boolean truncated() {
        return truncated;
    }

    private static String format(Path file, List<String> problems, boolean truncated) {
        if (problems.size() == 1) {
            return problems.get(0);
        }
        StringBuilder message = new StringBuilder("The survey data in ").append(file).append(" have ")
                .append(truncated ? "more than " : "").append(problems.size()).append(" problems")
                .append(truncated ? " (the first " + MAX_PROBLEMS + " are listed)" : "").append(':');
        for (String problem : problems) {
            message.append(System.lineSeparator()).append("  - ").append(problem);
        }
        return message.toString();
    }
}
