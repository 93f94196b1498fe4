package io.github.surveyreport.spark;

import io.github.surveyreport.core.SurveyAccumulator;
import io.github.surveyreport.core.study.Study;

import java.util.ArrayList;
import java.util.List;
import scala.Tuple2;

/** Merges states given in row order as a balanced tree of pairs, which keeps the order. */
final class StateMerge {
    private StateMerge() {
    }

    /**
     * The merged state of states keyed by their position in row order (a partition's index, a
     * group's): a shuffle or a collect does not keep that order, so they are sorted first.
     */
    static byte[] mergeIndexed(Study study, Iterable<Tuple2<Long, byte[]>> indexed) {
        List<Tuple2<Long, byte[]>> sorted = new ArrayList<>();
        indexed.forEach(sorted::add);
        sorted.sort((a, b) -> Long.compare(a._1(), b._1()));
        List<byte[]> states = new ArrayList<>(sorted.size());
        sorted.forEach(t -> states.add(t._2()));
        return merge(study, states);
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
