package io.github.surveyreport.core.results;

/**
 * One loading of the measurement model.
 *
 * @param construct     the factor (construct id)
 * @param item          the item
 * @param estimate      unstandardized loading; 1 for the factor's marker (first item)
 * @param standardError standard error from the expected information; {@code null} for the
 *                      marker (fixed) and when the model is not identified
 * @param z             estimate / standard error (C.R. in AMOS); {@code null} with the standard error
 * @param p             two-sided normal p of z; {@code null} with the standard error
 * @param standardized  completely standardized loading (lavaan's {@code std.all}); {@code null}
 *                      when the factor's variance is not positive (an improper solution)
 */
public record CfaLoading(
        String construct,
        String item,
        double estimate,
        Double standardError,
        Double z,
        Double p,
        Double standardized) {
}
