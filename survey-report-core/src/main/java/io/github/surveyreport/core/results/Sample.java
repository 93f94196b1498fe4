package io.github.surveyreport.core.results;

import java.util.List;

/**
 * The listwise sample: rows with an answer in every analysed column.
 *
 * @param read     data rows read
 * @param n        rows analysed
 * @param excluded rows left out because an analysed column was missing
 * @param profile  the sample-profile tables, in study order
 * @param emptyRows lines with every field empty (bare delimiters, as Excel leaves below the data), not counted as rows
 */
public record Sample(long read, long n, long excluded, List<ProfileTable> profile, long emptyRows) {
    public Sample {
        profile = List.copyOf(profile);
    }
}
