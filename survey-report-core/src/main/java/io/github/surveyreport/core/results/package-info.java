/**
 * Immutable results of a study's analyses: the one object every output (JSON, HTML, PDF,
 * quality gates) reads. Record component names are the keys of {@code results.json}; a
 * component is {@code null} where the statistic does not apply or is undefined for the
 * sample, and then the enclosing block's {@code note} (or {@code reason}) says why. No
 * component is ever NaN or infinite.
 */
package io.github.surveyreport.core.results;
