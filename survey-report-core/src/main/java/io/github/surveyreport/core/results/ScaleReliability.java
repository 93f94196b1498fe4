package io.github.surveyreport.core.results;

import java.util.List;

/**
 * Reliability of one scale: SPSS "Reliability Statistics" and "Item-Total Statistics".
 *
 * @param items             the scale's items, in study order
 * @param alpha             Cronbach's alpha from the covariance matrix; may be negative (then
 *                          the results carry a warning)
 * @param standardizedAlpha alpha based on standardized items (from the correlation matrix)
 * @param omega             McDonald's omega from a one-factor ML CFA of the items alone,
 *                          (Σλ)²ψ / ((Σλ)²ψ + Σθ) with the model-implied total variance
 *                          (semTools {@code compRelSEM(obs.var = FALSE)}); only for a construct
 *                          with three or more items, else {@code null} (also for the overall
 *                          scale, which is no one-factor model; {@code note} says why otherwise)
 * @param itemTotal         one row per item, in {@link #items} order
 * @param note              why a value of this block is {@code null} (for example the squared
 *                          multiple correlations of a singular correlation matrix), else
 *                          {@code null}
 */
public record ScaleReliability(
        List<String> items,
        Double alpha,
        Double standardizedAlpha,
        Double omega,
        List<ItemTotal> itemTotal,
        String note) {

    public ScaleReliability {
        items = List.copyOf(items);
        itemTotal = List.copyOf(itemTotal);
    }

    /** This scale with McDonald's omega and, if not null, a further note on it. */
    public ScaleReliability withOmega(Double value, String omegaNote) {
        String combined = omegaNote == null ? note : note == null ? omegaNote : note + " " + omegaNote;
        return new ScaleReliability(items, alpha, standardizedAlpha, value, itemTotal, combined);
    }
}
