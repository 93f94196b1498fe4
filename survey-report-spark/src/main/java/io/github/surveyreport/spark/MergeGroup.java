package io.github.surveyreport.spark;

import io.github.surveyreport.core.study.Study;
import org.apache.spark.api.java.function.Function;
import scala.Tuple2;

/** Merges a group of consecutive states in their order, on an executor. */
final class MergeGroup implements Function<Iterable<Tuple2<Long, byte[]>>, byte[]> {
    private static final long serialVersionUID = 1L;

    private final Study study;

    MergeGroup(Study study) {
        this.study = study;
    }

    @Override
    public byte[] call(Iterable<Tuple2<Long, byte[]>> group) {
        return StateMerge.mergeIndexed(study, group);
    }
}
