package io.github.surveyreport.core.results;

/**
 * Where the numbers come from, so a report can be traced to its inputs.
 *
 * @param studyFile     file name of the study file, or {@code null} for a study built in code
 * @param studySha256   SHA-256 of the study file's bytes, or {@code null}
 * @param dataFile      file name of the data
 * @param dataSha256    SHA-256 of the data file's bytes, or {@code null} for rows given in code
 * @param encoding      the charset the data were read with, or {@code null}
 * @param delimiter     the field delimiter, or {@code null}
 * @param engineVersion version of survey-report-core
 * @param format        the data file's format ({@code csv}, {@code xlsx}, {@code sav}), or {@code null}
 *                      for rows given in code
 * @param sheet         the worksheet read from a workbook, else {@code null}
 * @param missingCodes  the file's own user-missing codes (SPSS) that applied: per column, code to
 *                      the number of cells it emptied; empty when the file declares none
 */
public record Provenance(String studyFile, String studySha256, String dataFile, String dataSha256, String encoding,
                         String delimiter, String engineVersion, String format, String sheet,
                         java.util.Map<String, java.util.Map<String, Long>> missingCodes) {

    public Provenance {
        java.util.Map<String, java.util.Map<String, Long>> copy = new java.util.LinkedHashMap<>();
        (missingCodes == null ? java.util.Map.<String, java.util.Map<String, Long>>of() : missingCodes)
                .forEach((column, codes) -> copy.put(column, java.util.Map.copyOf(codes)));
        missingCodes = java.util.Collections.unmodifiableMap(copy);
    }

    /** Provenance of a CSV file or of rows given in code, as before formats were recorded. */
    public Provenance(String studyFile, String studySha256, String dataFile, String dataSha256, String encoding,
                      String delimiter, String engineVersion) {
        this(studyFile, studySha256, dataFile, dataSha256, encoding, delimiter, engineVersion,
                dataSha256 == null ? null : "csv", null, null);
    }
}
