package io.github.surveyreport.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.surveyreport.core.gate.GateRule;
import io.github.surveyreport.core.gate.Thresholds;
import java.lang.reflect.Field;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;

/** How the goals read their parameters. */
class ParametersTest {
    @Test
    void formatsAreReadFromAListOrACommaSeparatedProperty() throws MojoExecutionException {
        assertThat(OutputFormat.parse(List.of("json,html,pdf,docx,latex"))).isEqualTo(EnumSet.allOf(OutputFormat.class));
        assertThat(OutputFormat.DOCX.fileName()).isEqualTo("report.docx");
        assertThat(OutputFormat.LATEX.fileName()).isEqualTo("report.tex");
        assertThat(OutputFormat.parse(List.of("JSON", " pdf "))).containsExactly(OutputFormat.JSON, OutputFormat.PDF);
        assertThatThrownBy(() -> OutputFormat.parse(List.of("json,rtf")))
                .isInstanceOf(MojoExecutionException.class)
                .hasMessage("Unknown report format 'rtf' in <formats> (surveyReport.formats); use json, html, pdf, "
                        + "docx and/or latex");
    }

    @Test
    void outputTimestampAsMavenAcceptsIt() throws MojoExecutionException {
        assertThat(ReportSettings.timestamp("2026-01-01T00:00:00Z")).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(ReportSettings.timestamp("1767225600")).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(ReportSettings.timestamp(null)).isNull();
        assertThat(ReportSettings.timestamp("a")).isNull(); // Maven's "not reproducible" marker
        assertThatThrownBy(() -> ReportSettings.timestamp("yesterday"))
                .hasMessageContaining("project.build.outputTimestamp 'yesterday'");
    }

    @Test
    void thresholdsElementKeepsOnlyWhatIsSet() {
        ThresholdsConfig config = new ThresholdsConfig();
        assertThat(config.asMap()).isEmpty();
    }

    @Test
    void thresholdsElementHasOneFieldPerGateRule() throws ReflectiveOperationException {
        // Maven injects <thresholds> children into fields by name: every rule needs its field
        ThresholdsConfig config = new ThresholdsConfig();
        for (GateRule rule : GateRule.values()) {
            Field field = ThresholdsConfig.class.getDeclaredField(rule.key());
            field.setAccessible(true);
            field.set(config, rule.defaultLimit());
        }
        assertThat(config.asMap().keySet()).containsExactlyElementsOf(GateRule.keys());
        assertThat(Arrays.stream(ThresholdsConfig.class.getDeclaredFields()).filter(f -> !f.isSynthetic()).map(Field::getName))
                .containsExactlyInAnyOrderElementsOf(GateRule.keys());
        assertThat(Thresholds.of(config.asMap())).isEqualTo(Thresholds.defaults());
    }

    @Test
    void narrativeDecimalsAndStyleReachTheReportOptions() throws MojoExecutionException {
        AnalyzeMojo mojo = new AnalyzeMojo();
        mojo.basedir = new java.io.File(".");
        mojo.loadingCutoff = 0.5;
        mojo.style = "apa";
        io.github.surveyreport.core.report.ReportOptions options = mojo.reportOptions();
        // unset decimals: the language's (2 in English, 3 in Chinese); the narrative is on by default
        assertThat(options.decimals()).isEqualTo(io.github.surveyreport.core.report.ReportOptions.LANGUAGE_DECIMALS);
        assertThat(options.narrative()).isTrue();
        mojo.decimals = 3;
        mojo.narrative = false;
        mojo.style = "leading-zero";
        options = mojo.reportOptions();
        assertThat(options.decimals()).isEqualTo(3);
        assertThat(options.narrative()).isFalse();
        assertThat(options.style()).isEqualTo(io.github.surveyreport.core.report.ReportOptions.NumberStyle.LEADING_ZERO);
        mojo.style = "journal";
        assertThatThrownBy(mojo::reportOptions).isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("surveyReport.style");
    }
}
