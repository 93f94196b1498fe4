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
 */
public record Provenance(String studyFile, String studySha256, String dataFile, String dataSha256, String encoding,
                         String delimiter, String engineVersion) {
}
