package io.github.surveyreport.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the templates get from the report model. */
class ReportModelTest {

    @Test
    void aChecksNumbersPrintAsItsRuleWritesThem() {
        assertThat(ReportModel.checkKind("minAlpha", 0.608, 0.70)).isEqualTo("bounded");
        assertThat(ReportModel.checkKind("maxBartlettP", 1e-40, 0.05)).isEqualTo("p");
        assertThat(ReportModel.checkKind("requireSupportedHypotheses", 0.268, 0.05)).isEqualTo("p");
        // a VIF is written with a leading zero even when it and its limit are 1
        assertThat(ReportModel.checkKind("maxVif", 1.0, 1.0)).isEqualTo("num");
        // the rule, not the magnitude: an alpha below −1 is still an alpha
        assertThat(ReportModel.checkKind("minAlpha", -1.5, 0.70)).isEqualTo("bounded");
        // checks of no rule (a template fed its own) fall back to their magnitudes, not their names
        assertThat(ReportModel.checkKind("myP", 0.5, 0.05)).isEqualTo("bounded");
        assertThat(ReportModel.checkKind("mine", 12.0, 10.0)).isEqualTo("num");
        assertThat(ReportModel.checkKind("mine", null, null)).isEqualTo("num");
    }
}
