package io.github.surveyreport.maven;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SitePageTest {
    @Test
    void stylesheetIsScopedToTheReport() {
        String css = """
                /* a comment { with braces } */
                @page { size: A4; @bottom-center { content: counter(page); } }
                html { -webkit-text-size-adjust: 100%; }
                body { margin: 0; }
                body.html .title-page, h2 { color: #000; }
                .zh .caption { text-align: center; }
                @media print {
                  body.html { padding: 0; }
                }
                """;
        assertThat(SitePage.scope(css)).isEqualTo("""
                .survey-report-page > div { margin: 0; }
                .survey-report-page > div.html .title-page, .survey-report-page h2 { color: #000; }
                .survey-report-page .zh .caption { text-align: center; }
                @media print {
                .survey-report-page > div.html { padding: 0; }
                }
                """);
    }

    @Test
    void bodyBecomesTheScopedContent() {
        SitePage page = SitePage.of("""
                <!DOCTYPE html>
                <html><head><title> Study </title><style>p { margin: 0; }</style></head>
                <body class="html en"><h1>Study</h1><p><a href="report.pdf">PDF</a></p></body>
                </html>""");
        assertThat(page.title).isEqualTo("Study");
        assertThat(page.content).isEqualTo("""
                <style>
                .survey-report-page p { margin: 0; }

                </style>
                <div class="survey-report-page"><div class="html en"><h1>Study</h1><p><a href="report.pdf">PDF</a></p></div></div>
                """);
    }
}
