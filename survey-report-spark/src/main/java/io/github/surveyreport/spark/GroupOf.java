package io.github.surveyreport.spark;

import org.apache.spark.api.java.function.PairFunction;
import scala.Tuple2;

/** Keys a state by its group of {@code fanIn} consecutive states, keeping its index for the order within. */
final class GroupOf implements PairFunction<Tuple2<Long, byte[]>, Long, Tuple2<Long, byte[]>> {
    private static final long serialVersionUID = 1L;

    private final int fanIn;

    GroupOf(int fanIn) {
        this.fanIn = fanIn;
    }

    @Override
    public Tuple2<Long, Tuple2<Long, byte[]>> call(Tuple2<Long, byte[]> state) {
        return new Tuple2<>(state._1() / fanIn, state);
    }
}
