package io.github.surveyreport.spark;

import io.github.surveyreport.core.SurveyAccumulator;
import io.github.surveyreport.core.study.Study;

import java.util.List;

/** Merges states given in row order as a balanced tree of pairs, which keeps the order. */
final class StateMerge {
    private StateMerge() {
    }

    /** The merged state of {@code states} (at least one), in their order. */
    static byte[] merge(Study study, List<byte[]> states) {
        if (states.size() == 1) {
            return states.get(0);
        }
        return tree(study, states, 0, states.size()).toBytes();
    }

    private static SurveyAccumulator tree(Study study, List<byte[]> states, int from, int to) {
        if (to - from == 1) {
            return SurveyAccumulator.fromBytes(study, states.get(from));
        }
        int middle = (from + to) >>> 1;
        SurveyAccumulator left = tree(study, states, from, middle);
        return left.merge(tree(study, states, middle, to));
    }
}
