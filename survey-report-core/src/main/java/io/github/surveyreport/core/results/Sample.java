package io.github.surveyreport.core.results;

import java.util.List;

/**
 * The listwise sample: rows with an answer in every analysed column.
 *
 * @param read     data rows read
 * @param n        rows analysed
 * @param excluded rows left out because an analysed column was missing
 * @param missingByColumn per analysed column (study order) with missing values: how many rows read
 *                 had none there, so that "69 excluded" says which columns caused it (a row missing
 *                 in two columns counts in both)
 * @param profile  the sample-profile tables, in study order
 * @param emptyRows lines with every field empty (bare delimiters, as Excel leaves below the data), not counted as rows
 */
public record Sample(long read, long n, long excluded, java.util.Map<String, Long> missingByColumn,
                     List<ProfileTable> profile, long emptyRows) {
    public Sample {
        missingByColumn = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(missingByColumn));
        profile = List.copyOf(profile);
    }
}
