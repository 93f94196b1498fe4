package io.github.surveyreport.core.report;

import org.junit.jupiter.api.Test;

class TimingScratch {
    @Test
    void timing() {
        Fixtures.Analysed a = Fixtures.henan();
        ReportRenderer r = new ReportRenderer(ReportOptions.defaults(), w -> { });
        for (int i = 0; i < 6; i++) {
            long t0 = System.nanoTime();
            PdfFonts fonts = PdfFonts.choose(a.study(), a.results(), java.util.List.of(), w -> { });
            long t1 = System.nanoTime();
            String html = r.html(a.study(), a.results());
            long t2 = System.nanoTime();
            byte[] pdf = r.pdf(a.study(), a.results());
            long t3 = System.nanoTime();
            System.out.printf("fonts %d ms, html %d ms, pdf %d ms (%d bytes)%n", (t1 - t0) / 1000000, (t2 - t1) / 1000000, (t3 - t2) / 1000000, pdf.length);
        }
    }
}
