package io.github.surveyreport.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class PathDiagramTest {
    private final NumberFormats fmt = new NumberFormats(3);

    @Test
    void predictorsLeftDependentRightWithBetaStarsAndRSquared() {
        Fixtures.Analysed a = Fixtures.henan();
        String svg = new PathDiagram(a.study(), a.results(), fmt, "sans-serif").svg();
        assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"").endsWith("</svg>");
        assertThat(count(svg, "<rect x=\"[^\"]+\" y=\"[^\"]+\" width=\"[^\"]+\" height=\"[^\"]+\" rx=")).isEqualTo(5);
        assertThat(svg).contains("β = .344***", "β = .219***", "β = .334***", "β = .260***", "<tspan font-style=\"italic\">R</tspan>² = .587",
                "数智化人力资源", "跨境电商高质量发展");
        // arrowheads: the four hypothesized paths, the mediation's a path (HR → MA) and the
        // moderator's arrow onto the PS → HD path
        assertThat(count(svg, "<polygon")).isEqualTo(6);
        // four predictor boxes share the left column, the dependent is to their right
        double hr = boxX(svg, 0);
        double hd = boxX(svg, 4);
        assertThat(hd).isGreaterThan(hr + 150);
    }

    @Test
    void aMediationModelGetsThreeColumnsAndArcsOverTheMiddle() {
        Fixtures.Analysed a = Fixtures.bfi();
        String svg = new PathDiagram(a.study(), a.results(), fmt, "serif").svg();
        // C is both dependent (of N, O) and predictor (of A): three distinct columns
        assertThat(svg).contains("<tspan font-style=\"italic\">R</tspan>² = .103", "R</tspan>² = .243");
        // paths N -> A, O -> A and E -> A skip the middle column and are drawn as curves
        assertThat(count(svg, "<path d=\"M ")).isEqualTo(3);
        // non-significant paths are dashed
        assertThat(count(svg, "stroke-dasharray")).isEqualTo(2);
        assertThat(svg).contains("β = −.068");
    }

    @Test
    void mediatedAndModeratedPathsAreDrawn() {
        Fixtures.Analysed a = Fixtures.structural(false);
        String svg = new PathDiagram(a.study(), a.results(), fmt, "serif").svg();
        // H3: C -> E -> A with the mediation's unstandardized paths a, b and c'
        assertThat(svg).contains("a = 0.295***", "b = 0.337***");
        // C -> A is also H1, a path hypothesis: its β wins over c′
        assertThat(svg).contains("β = .173***").doesNotContain("c′");
        // H4: Openness moderates E -> A: its box and an arrow onto that path, labelled with the interaction
        assertThat(svg).contains(">Openness<", "b = 0.071").doesNotContain("β = —");
        assertThat(svg).doesNotContain("marker", "Gradient", "<use");
    }

    @Test
    void textIsEscapedAndLongLabelsWrap() {
        assertThat(PathDiagram.escape("<script>alert('x')</script> & \"Co\""))
                .isEqualTo("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Co&quot;");
        assertThat(PathDiagram.wrap("Perceived organisational support for digital transformation"))
                .hasSizeGreaterThan(1).allSatisfy(line -> assertThat(PathDiagram.textWidth(line)).isLessThanOrEqualTo(170));
        assertThat(PathDiagram.wrap("跨境电商高质量发展")).containsExactly("跨境电商高质量发展");
        // four lines at most: a label without spaces breaks anywhere, and what does not fit is cut off
        String word = "ABCDEFGHIJKLMNOPQRSTUVWXYZ".repeat(4) + "abcdefghijklm";
        assertThat(PathDiagram.wrap(word)).hasSize(4)
                .allSatisfy(line -> assertThat(PathDiagram.textWidth(line)).isLessThanOrEqualTo(170));
        assertThat(String.join("", PathDiagram.wrap(word))).endsWith("…").startsWith(word.substring(0, 80));
    }

    private static int count(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static double boxX(String svg, int index) {
        Matcher m = Pattern.compile("<rect x=\"([^\"]+)\" y=\"[^\"]+\" width=\"[^\"]+\" height=\"[^\"]+\" rx=").matcher(svg);
        for (int i = 0; i <= index; i++) {
            m.find();
        }
        return Double.parseDouble(m.group(1));
    }
}
