/**
 * survey-report on Apache Spark: {@link io.github.surveyreport.spark.SparkSurveyAnalysis} runs a
 * study's analyses on a {@code Dataset<Row>} and returns the core's {@code Results}.
 */
package io.github.surveyreport.spark;
