package io.github.surveyreport.core.internal.stats.groups;

import io.github.surveyreport.core.study.PostHocMethod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.surveyreport.core.results.AnovaTest;
import io.github.surveyreport.core.results.DifferenceTest;
import io.github.surveyreport.core.results.TwoGroupTest;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** {@link ValueCounts}, {@link PostHocMethod} and the degenerate cases of {@link GroupComparison}. */
class GroupComparisonTest {

    @Test
    void valueCountsSortAndMerge() {
        ValueCounts a = new ValueCounts();
        for (double v : new double[] {3, 1, 2, 3, -0.0, 0.0, 3}) {
            a.add(v);
        }
        ValueCounts b = new ValueCounts();
        b.add(2, 5);
        b.add(100);
        a.merge(b);
        assertThat(a.count()).isEqualTo(13);
        assertThat(a.distinct()).isEqualTo(5);
        assertThat(a.values()).containsExactly(0.0, 1.0, 2.0, 3.0, 100.0);
        assertThat(a.counts()).containsExactly(2, 1, 6, 3, 1);
        assertThatThrownBy(() -> a.add(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void manyDistinctValuesSurviveRehashing() {
        ValueCounts c = new ValueCounts();
        SplittableRandom rng = new SplittableRandom(3);
        for (int i = 0; i < 10_000; i++) {
            c.add(rng.nextInt(3000) / 7.0);
        }
        double[] v = c.values();
        long total = 0;
        for (int i = 0; i < v.length; i++) {
            if (i > 0) {
                assertThat(v[i]).isGreaterThan(v[i - 1]);
            }
            total += c.counts()[i];
        }
        assertThat(total).isEqualTo(10_000);
    }

    @Test
    void postHocMethodNames() {
        assertThat(PostHocMethod.of("Games-Howell ")).contains(PostHocMethod.GAMES_HOWELL);
        assertThat(PostHocMethod.of("tukey")).contains(PostHocMethod.TUKEY);
        assertThat(PostHocMethod.of("scheffe")).isEmpty();
        assertThat(PostHocMethod.BONFERRONI.key()).isEqualTo("bonferroni");
    }

    @Test
    void offsetDoesNotChangeTheStatistics() {
        // two-pass sums over distinct values: a large common offset leaves everything but the means alone
        SplittableRandom rng = new SplittableRandom(11);
        List<ValueCounts> plain = new ArrayList<>();
        List<ValueCounts> shifted = new ArrayList<>();
        for (int g = 0; g < 3; g++) {
            ValueCounts p = new ValueCounts();
            ValueCounts s = new ValueCounts();
            for (int i = 0; i < 200 + 50 * g; i++) {
                double x = (1 + rng.nextInt(25) + g) / 4.0; // exact in binary, as are the shifted values
                p.add(x);
                s.add(x + 1e9);
            }
            plain.add(p);
            shifted.add(s);
        }
        List<String> labels = List.of("a", "b", "c");
        AnovaTest x = (AnovaTest) GroupComparison.compare("y", labels, plain, PostHocMethod.TUKEY, 0.95);
        AnovaTest y = (AnovaTest) GroupComparison.compare("y", labels, shifted, PostHocMethod.TUKEY, 0.95);
        assertThat(y.anova().f()).isCloseTo(x.anova().f(), Offset.offset(1e-9 * x.anova().f()));
        assertThat(y.levene().f()).isCloseTo(x.levene().f(), Offset.offset(1e-9 * x.levene().f()));
        assertThat(y.welch().f()).isCloseTo(x.welch().f(), Offset.offset(1e-9 * x.welch().f()));
        assertThat(y.groups().get(1).sd()).isCloseTo(x.groups().get(1).sd(), Offset.offset(1e-12));
        assertThat(y.posthoc().comparisons().get(0).p()).isCloseTo(x.posthoc().comparisons().get(0).p(), Offset.offset(1e-9));
    }

    @Test
    void degenerateGroupsGiveNaNNotExceptions() {
        ValueCounts one = new ValueCounts();
        one.add(3);
        ValueCounts constant = new ValueCounts();
        constant.add(2, 4);
        DifferenceTest t = GroupComparison.compare("y", List.of("1", "2"), List.of(one, constant), PostHocMethod.TUKEY, 0.95);
        TwoGroupTest two = (TwoGroupTest) t;
        assertThat(two.groups().get(0).sd()).isNaN();
        assertThat(two.t().meanDifference()).isEqualTo(1.0);
        assertThat(two.t().t()).isInfinite(); // no variation at all: R gives an error, JSON null
        assertThat(two.welch().df()).isNaN();
        assertThat(two.levene().f()).isNaN();
        assertThatThrownBy(() -> GroupComparison.compare("y", List.of("1"), List.of(one), PostHocMethod.TUKEY, 0.95))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
