package io.github.surveyreport.core.study;

/**
 * The response range of the Likert items, used for range checks and reverse coding
 * ({@code min + max - x}).
 *
 * @param min lowest answer, e.g. 1
 * @param max highest answer, e.g. 5
 */
public record Scale(double min, double max) implements java.io.Serializable {
    public Scale {
        if (!(min < max)) {
            throw new IllegalArgumentException("scale min " + min + " must be below max " + max);
        }
    }

    /** Whether a value is a possible answer. */
    public boolean contains(double value) {
        return value >= min && value <= max;
    }

    /** The reverse-coded value. */
    public double reverse(double value) {
        return min + max - value;
    }
}
