package io.github.surveyreport.core.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.surveyreport.core.SurveyReportException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A limit that no study could meet or fail is refused (issue 11, defect 9). */
class ThresholdRangeTest {
    @Test
    void thresholdsOutsideTheirStatisticsRangeAreRefused() {
        assertThatThrownBy(() -> Thresholds.of(Map.of("minKmo", "1.5"))).isInstanceOf(SurveyReportException.class)
                .hasMessageContaining("thresholds.minKmo: 1.5 must lie between 0 and 1, the range of KMO; "
                        + "did you mean 0.15?");
        assertThatThrownBy(() -> Thresholds.of(Map.of("minAlpha", "70"))).hasMessageContaining("did you mean 0.7?");
        assertThatThrownBy(() -> Thresholds.of(Map.of("maxVif", "0.5"))).hasMessageContaining("at least 1");
        assertThat(Thresholds.of(Map.of("minKmo", "1", "maxVif", "5", "maxBartlettP", "0")).limit(GateRule.MIN_KMO))
                .isEqualByComparingTo("1");
    }
}
