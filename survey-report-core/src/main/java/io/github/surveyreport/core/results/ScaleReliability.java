package io.github.surveyreport.core.results;

import java.util.List;

/**
 * Reliability of one scale: SPSS "Reliability Statistics" and "Item-Total Statistics".
 *
 * @param items             the scale's items, in study order
 * @param alpha             Cronbach's alpha from the covariance matrix; may be negative (then
 *                          the results carry a warning)
 * @param standardizedAlpha alpha based on standardized items (from the correlation matrix)
 * @param itemTotal         one row per item, in {@link #items} order
 * @param note              why a value of this block is {@code null} (for example the squared
 *                          multiple correlations of a singular correlation matrix), else
 *                          {@code null}
 */
public record ScaleReliability(
        List<String> items,
        Double alpha,
        Double standardizedAlpha,
        List<ItemTotal> itemTotal,
        String note) {

    public ScaleReliability {
        items = List.copyOf(items);
        itemTotal = List.copyOf(itemTotal);
    }
}
