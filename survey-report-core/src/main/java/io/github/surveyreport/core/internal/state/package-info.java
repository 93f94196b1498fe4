/**
 * The byte form of the engine's accumulators (internal): what {@code SurveyAccumulator#toBytes}
 * writes and {@code SurveyAccumulator#fromBytes} reads.
 */
package io.github.surveyreport.core.internal.state;
