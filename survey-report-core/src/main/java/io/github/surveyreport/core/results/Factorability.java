package io.github.surveyreport.core.results;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Whether the construct items' correlation matrix suits factor analysis (SPSS "KMO and
 * Bartlett's Test", psych {@code KMO} and {@code cortest.bartlett}).
 *
 * @param kmo         Kaiser-Meyer-Olkin measure of sampling adequacy; {@code null} if the
 *                    correlation matrix is singular (also when there are not more complete rows
 *                    than items)
 * @param msa         per-item measure of sampling adequacy, keyed by item in study order;
 *                    {@code null} if the correlation matrix is singular
 * @param determinant determinant of the correlation matrix (0 if it is singular; with many
 *                    items it can also underflow to 0 while the matrix is regular, which is why
 *                    Bartlett's test uses ln|R| from the factorization instead)
 * @param bartlett    Bartlett's test of sphericity; {@code null} if the matrix is singular
 * @param reason      why {@code kmo}, {@code msa} and {@code bartlett} are {@code null}, else
 *                    {@code null}
 */
public record Factorability(
        Double kmo,
        Map<String, Double> msa,
        double determinant,
        Bartlett bartlett,
        String reason) {

    public Factorability {
        msa = msa == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(msa));
    }

    /**
     * Bartlett's test of sphericity: χ² = -(n - 1 - (2p + 5)/6)·ln|R|.
     *
     * @param chiSquare the test statistic
     * @param df        p(p - 1)/2
     * @param p         upper-tail probability of χ² with {@code df} degrees of freedom
     */
    public record Bartlett(double chiSquare, int df, double p) {
    }
}
