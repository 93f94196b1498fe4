package io.github.surveyreport.core.report;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScratchRender {
    @Test
    void render() {
        List<String> warnings = new ArrayList<>();
        ReportRenderer renderer = new ReportRenderer(ReportOptions.defaults(), warnings::add);
        for (Fixtures.Analysed a : List.of(Fixtures.henan(), Fixtures.bfi())) {
            String name = a.study().language().code();
            long t0 = System.nanoTime();
            renderer.writeHtml(a.study(), a.results(), Fixtures.output(name + ".html"));
            long t1 = System.nanoTime();
            renderer.writePdf(a.study(), a.results(), Fixtures.output(name + ".pdf"));
            long t2 = System.nanoTime();
            renderer.writePdf(a.study(), a.results(), Fixtures.output(name + "2.pdf"));
            long t3 = System.nanoTime();
            System.out.printf("%s html %d ms, pdf %d ms, pdf again %d ms%n", name, (t1 - t0) / 1000000, (t2 - t1) / 1000000, (t3 - t2) / 1000000);
        }
        System.out.println("warnings: " + warnings);
    }
}
