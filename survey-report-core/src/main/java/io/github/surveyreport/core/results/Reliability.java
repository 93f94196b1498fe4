package io.github.surveyreport.core.results;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Internal consistency (SPSS Reliability).
 *
 * @param overall    all construct items together as one scale
 * @param constructs each construct with at least two items, keyed by construct id in study
 *                   order; one-item constructs have no entry
 */
public record Reliability(ScaleReliability overall, Map<String, ScaleReliability> constructs) {

    public Reliability {
        constructs = Collections.unmodifiableMap(new LinkedHashMap<>(constructs));
    }
}
