package io.github.surveyreport.core.study;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An ordinary least squares regression with intercept, written {@code DV ~ IV1 + IV2}. A term
 * is a construct id (scored as the mean of its items) or a data column.
 *
 * @param dependent  the dependent term
 * @param predictors the predictor terms, in order
 */
public record RegressionModel(String dependent, List<String> predictors) {
    public RegressionModel {
        Objects.requireNonNull(dependent, "dependent");
        predictors = List.copyOf(predictors);
    }

    /** The dependent term followed by the predictors. */
    public List<String> terms() {
        List<String> terms = new ArrayList<>();
        terms.add(dependent);
        terms.addAll(predictors);
        return terms;
    }

    /** The model in the study file's notation. */
    @Override
    public String toString() {
        return dependent + " ~ " + String.join(" + ", predictors);
    }
}
