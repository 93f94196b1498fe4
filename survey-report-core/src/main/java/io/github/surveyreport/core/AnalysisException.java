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
}
