package io.github.surveyreport.core.study;

import io.github.surveyreport.core.SurveyReportException;
import java.nio.file.Path;
import java.util.List;

/**
 * A study file that cannot be used. Every problem found is reported at once, each naming the
 * key and the line of the YAML file.
 */
public class StudyFileException extends SurveyReportException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final List<String> problems;

    public StudyFileException(Path file, List<String> problems) {
        super(format(file, problems));
        this.file = file;
        this.problems = List.copyOf(problems);
    }

    /** The study file. */
    public Path file() {
        return file;
    }

    /** One line per problem, e.g. {@code line 12, constructs.HR.reverse: ...}. */
    public List<String> problems() {
        return problems;
    }

    private static String format(Path file, List<String> problems) {
        StringBuilder message = new StringBuilder("Invalid study file ").append(file);
        if (problems.size() == 1) {
            return message.append(": ").append(problems.get(0)).toString();
        }
        message.append(" (").append(problems.size()).append(" problems):");
        // as for the data file: the first ones; fixing them often removes the rest
        int shown = Math.min(problems.size(), io.github.surveyreport.core.data.DataFileException.MAX_PROBLEMS);
        for (String problem : problems.subList(0, shown)) {
            message.append(System.lineSeparator()).append("  - ").append(problem);
        }
        if (shown < problems.size()) {
            message.append(System.lineSeparator()).append("  ... and ").append(problems.size() - shown)
                    .append(" more");
        }
        return message.toString();
    }
}
