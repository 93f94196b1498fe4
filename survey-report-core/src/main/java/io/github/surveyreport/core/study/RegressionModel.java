package io.github.surveyreport.core.study;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An ordinary least squares regression with intercept. A term is a construct id (scored as the
 * mean of its items) or a data column. Written {@code DV ~ IV1 + IV2} for one block, or as
 * {@code {dv: DV, blocks: [[C1, C2], [IV1, IV2]], categorical: [C1]}} for a hierarchical
 * regression: each block adds its terms to the previous step's (controls first, predictors
 * second), and R² change is tested between steps.
 *
 * @param dependent   the dependent term
 * @param blocks      the terms each step adds, in order; one block for an ordinary regression
 * @param categorical the columns among the terms that are categorical: dummy coded, the first
 *                    category (ascending order, or the profile's declared order) the reference,
 *                    each dummy named {@code column = value}; such a column may hold text
 * @param where       where the study file declares the regression ({@code line 12,
 *                    regressions[2]}), for messages about it; {@code null} when built in code
 */
public record RegressionModel(String dependent, List<List<String>> blocks, List<String> categorical, String where)
        implements java.io.Serializable {
    public RegressionModel {
        Objects.requireNonNull(dependent, "dependent");
        List<List<String>> copy = new ArrayList<>();
        for (List<String> block : blocks) {
            copy.add(List.copyOf(block));
        }
        blocks = List.copyOf(copy);
        categorical = categorical == null ? List.of() : List.copyOf(categorical);
    }

    /** An ordinary (one-block) regression {@code dependent ~ predictors}. */
    public RegressionModel(String dependent, List<String> predictors) {
        this(dependent, List.of(predictors), List.of(), null);
    }

    /** Every predictor term, block after block. */
    public List<String> predictors() {
        List<String> all = new ArrayList<>();
        blocks.forEach(all::addAll);
        return List.copyOf(all);
    }

    /**
     * Whether this regression is analysed step by step (more than one block) or has categorical
     * terms; the others are the engine's single-block regressions with Durbin–Watson.
     */
    public boolean hierarchical() {
        return blocks.size() > 1 || !categorical.isEmpty();
    }

    /** Whether a term is one of the {@link #categorical} columns. */
    public boolean isCategorical(String term) {
        return categorical.contains(term);
    }

    /** The dependent term followed by the predictors. */
    public List<String> terms() {
        List<String> terms = new ArrayList<>();
        terms.add(dependent);
        terms.addAll(predictors());
        return terms;
    }

    /** The model in the study file's notation ({@code DV ~ A + B}; blocks separated by {@code |}). */
    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        for (List<String> block : blocks) {
            parts.add(String.join(" + ", block));
        }
        return dependent + " ~ " + String.join(" | ", parts);
    }

    /** Models are equal when they say the same; where the study file declares them does not count. */
    @Override
    public boolean equals(Object other) {
        return other instanceof RegressionModel o && java.util.Objects.equals(dependent, o.dependent) && java.util.Objects.equals(blocks, o.blocks) && java.util.Objects.equals(categorical, o.categorical);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(dependent, blocks, categorical);
    }
}
