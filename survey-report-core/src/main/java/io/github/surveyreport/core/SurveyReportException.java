package io.github.surveyreport.core;

/**
 * Base of every error the engine reports about its input: a study file, a data file or an
 * analysis that cannot be carried out on the data given. The message is written for the
 * researcher and names what to fix (file, line, column, value or key); callers such as the
 * Maven plugin show it as it is, without a stack trace.
 */
public class SurveyReportException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SurveyReportException(String message) {
        super(message);
    }

    public SurveyReportException(String message, Throwable cause) {
        super(message, cause);
    }
}
