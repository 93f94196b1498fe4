package io.github.surveyreport.core.results;

/**
 * One row of SPSS's "Item-Total Statistics" table.
 *
 * @param item                          the item
 * @param scaleMeanIfDeleted            mean of the sum score of the other items
 * @param scaleVarianceIfDeleted        variance (n - 1) of the sum score of the other items
 * @param correctedItemTotalCorrelation Pearson correlation of the item with the sum of the
 *                                      other items; {@code null} if that sum is constant
 * @param squaredMultipleCorrelation    R² of the item regressed on the other items
 *                                      (1 - 1/diag(R⁻¹); r² for a two-item scale);
 *                                      {@code null} if the correlation matrix is singular
 * @param alphaIfDeleted                Cronbach's alpha of the other items; {@code null} for a
 *                                      two-item scale (one item left has no alpha)
 */
public record ItemTotal(
        String item,
        double scaleMeanIfDeleted,
        double scaleVarianceIfDeleted,
        Double correctedItemTotalCorrelation,
        Double squaredMultipleCorrelation,
        Double alphaIfDeleted) {
}
