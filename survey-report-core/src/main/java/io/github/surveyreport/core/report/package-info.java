/**
 * Paper-ready reports of a study's results: {@link io.github.surveyreport.core.report.ReportRenderer}
 * renders the FreeMarker templates of {@code survey-report-templates} to one self-contained
 * HTML file and, through Flying Saucer on OpenPDF, to a reproducible A4 PDF with an embedded
 * CJK font subset and the research-model figure as vector graphics.
 * {@link io.github.surveyreport.core.report.ReportOptions} holds the settings (template
 * directory, fonts, decimals, loading cut-off, PDF date) and
 * {@link io.github.surveyreport.core.report.NumberFormats} the APA number formatting the
 * templates use.
 */
package io.github.surveyreport.core.report;
