package io.github.surveyreport.spark;

import io.github.surveyreport.core.study.Study;
import org.apache.spark.api.java.function.Function;
import scala.Tuple2;

import java.util.ArrayList;
import java.util.List;

/** Merges a group of consecutive states in their order, on an executor. */
final class MergeGroup implements Function<Iterable<Tuple2<Long, byte[]>>, byte[]> {
    private static final long serialVersionUID = 1L;

    private final Study study;

    MergeGroup(Study study) {
        this.study = study;
    }

    @Override
    public byte[] call(Iterable<Tuple2<Long, byte[]>> group) {
        List<Tuple2<Long, byte[]>> states = new ArrayList<>();
        group.forEach(states::add);
        states.sort((a, b) -> Long.compare(a._1(), b._1())); // a shuffle does not keep the order
        List<byte[]> ordered = new ArrayList<>(states.size());
        states.forEach(s -> ordered.add(s._2()));
        return StateMerge.merge(study, ordered);
    }
}
