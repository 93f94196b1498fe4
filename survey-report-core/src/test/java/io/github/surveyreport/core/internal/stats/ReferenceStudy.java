package io.github.surveyreport.core.internal.stats;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Test-only loader of the reference studies in {@code /reference/survey}: turns a spec JSON
 * (same format as golden.R reads) into an {@link AnalysisLayout} and the CSV into listwise,
 * reverse-coded rows, exactly as golden.R does.
 */
final class ReferenceStudy {

    final AnalysisLayout layout;
    final List<double[]> rows;
    final int excluded;

    private ReferenceStudy(AnalysisLayout layout, List<double[]> rows, int excluded) {
        this.layout = layout;
        this.rows = rows;
        this.excluded = excluded;
    }

    @SuppressWarnings("unchecked")
    static ReferenceStudy load(String name) {
        Map<String, Object> spec = (Map<String, Object>) Json.readResource("/reference/survey/specs/" + name + ".json");
        List<AnalysisLayout.ConstructSpec> constructs = new ArrayList<>();
        Set<String> items = new LinkedHashSet<>();
        Set<String> reverse = new LinkedHashSet<>();
        for (Object o : (List<Object>) spec.get("constructs")) {
            Map<String, Object> c = (Map<String, Object>) o;
            List<String> its = (List<String>) (List<?>) c.get("items");
            constructs.add(new AnalysisLayout.ConstructSpec((String) c.get("id"), its));
            items.addAll(its);
            reverse.addAll((List<String>) (List<?>) c.get("reverse"));
        }
        List<AnalysisLayout.RegressionSpec> regs = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        constructs.forEach(c -> ids.add(c.id()));
        Set<String> observed = new LinkedHashSet<>();
        for (Object o : (List<Object>) spec.get("regressions")) {
            String[] parts = ((String) o).split("~");
            String dv = parts[0].trim();
            List<String> iv = new ArrayList<>();
            for (String t : parts[1].split("\\+")) {
                iv.add(t.trim());
            }
            regs.add(new AnalysisLayout.RegressionSpec(dv, iv));
            for (String t : concat(dv, iv)) {
                if (!ids.contains(t)) {
                    observed.add(t);
                }
            }
        }
        List<AnalysisLayout.HypothesisSpec> hyps = new ArrayList<>();
        Object hs = spec.get("hypotheses");
        if (hs != null) {
            for (Object o : (List<Object>) hs) {
                Map<String, Object> h = (Map<String, Object>) o;
                hyps.add(new AnalysisLayout.HypothesisSpec((String) h.get("id"), (String) h.get("from"),
                        (String) h.get("to"), "positive".equals(h.get("sign"))
                        ? AnalysisLayout.Sign.POSITIVE : AnalysisLayout.Sign.NEGATIVE));
            }
        }
        List<String> columns = new ArrayList<>(items);
        observed.removeAll(items);
        columns.addAll(observed);
        Double efa = (Double) spec.get("efaFactors");
        Double alpha = (Double) spec.get("alpha");
        AnalysisLayout layout = new AnalysisLayout(columns, constructs, regs, hyps,
                efa == null ? null : efa.intValue(), alpha == null ? 0.05 : alpha);
        Map<String, Object> scale = (Map<String, Object>) spec.get("scale");
        double flip = scale == null ? 0 : (Double) scale.get("min") + (Double) scale.get("max");
        boolean[] rev = new boolean[columns.size()];
        for (int i = 0; i < rev.length; i++) {
            rev[i] = reverse.contains(columns.get(i));
        }
        return readCsv("/reference/survey/data/" + spec.get("csv"), layout, rev, flip);
    }

    static ReferenceStudy readCsv(String resource, AnalysisLayout layout, boolean[] reverse, double flip) {
        List<double[]> rows = new ArrayList<>();
        int excluded = 0;
        try (Reader r = new InputStreamReader(ReferenceStudy.class.getResourceAsStream(resource),
                StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
            List<String> columns = layout.columns();
            for (CSVRecord rec : parser) {
                double[] row = new double[columns.size()];
                boolean complete = true;
                for (int i = 0; i < row.length; i++) {
                    String s = rec.get(columns.get(i)).trim();
                    if (s.isEmpty() || s.equals("NA")) {
                        complete = false;
                        break;
                    }
                    double x = Double.parseDouble(s);
                    row[i] = reverse != null && reverse[i] ? flip - x : x;
                }
                if (complete) {
                    rows.add(row);
                } else {
                    excluded++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ReferenceStudy(layout, rows, excluded);
    }

    StatisticsAccumulator accumulate() {
        return accumulate(0, rows.size());
    }

    StatisticsAccumulator accumulate(int from, int to) {
        StatisticsAccumulator acc = new StatisticsAccumulator(layout);
        for (int i = from; i < to; i++) {
            acc.add(rows.get(i));
        }
        return acc;
    }

    private static List<String> concat(String a, List<String> b) {
        List<String> l = new ArrayList<>();
        l.add(a);
        l.addAll(b);
        return l;
    }
}
