package io.github.surveyreport.core;

/**
 * An analysis the study asks for cannot be carried out on the analysed sample, for example
 * regression terms that are collinear, an item with zero variance, or more components
 * requested than there are items. The message names the terms, items or keys involved.
 */
public class AnalysisException extends SurveyReportException {
    private static final long serialVersionUID = 1L;

    public AnalysisException(String message) {
        super(message);
    }

    /**
     * An analysis failed for a reason found by a lower layer (for example a numerical library
     * that did not converge on the sample's matrices).
     *
     * @param message what failed and what to change, written for the researcher
     * @param cause   the lower-level failure, kept for diagnosis
     */
    public AnalysisException(String message, Throwable cause) {
        super(message, cause);
    }
}
