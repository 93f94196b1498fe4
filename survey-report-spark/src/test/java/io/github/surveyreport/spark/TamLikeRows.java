package io.github.surveyreport.spark;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Respondents of a technology-acceptance study (PEOU → PU → ATT → BI, experience moderating),
 * each a pure function of its id, so that a Spark job ({@code spark.range(n).map(...)}) and a
 * CSV file written here hold the same rows in the same order. Every 997th respondent skips PU2.
 */
final class TamLikeRows {
    static final List<String> COLUMNS = List.of("id", "PU1", "PU2", "PU3", "PU4", "PEOU1", "PEOU2", "PEOU3", "PEOU4",
            "ATT1", "ATT2", "ATT3", "BI1", "BI2", "BI3", "gender", "age", "education", "experience");
    private static final String[] EDUCATION = {"secondary", "bachelor", "bachelor", "master", "master", "doctorate"};

    private TamLikeRows() {
    }

    /** The cells of respondent {@code id}: Integer answers (null where skipped), texts, an Integer age. */
    static Object[] row(long id) {
        SplittableRandom random = new SplittableRandom(0x5EED_0000L + id * 0x9E3779B97F4A7C15L);
        double peou = random.nextGaussian();
        double pu = 0.5 * peou + 0.85 * random.nextGaussian();
        double att = 0.4 * pu + 0.3 * peou + 0.8 * random.nextGaussian();
        int experience = random.nextInt(11);
        double bi = 0.4 * att + (0.25 + 0.02 * experience) * pu + 0.8 * random.nextGaussian();
        Object[] cells = new Object[COLUMNS.size()];
        int c = 0;
        cells[c++] = (int) id + 1;
        for (int k = 0; k < 4; k++) {
            cells[c++] = item(pu, random);
        }
        for (int k = 0; k < 4; k++) {
            int answer = item(peou, random);
            cells[c++] = k == 2 ? 8 - answer : answer; // PEOU3 is worded negatively
        }
        for (int k = 0; k < 3; k++) {
            cells[c++] = item(att, random);
        }
        for (int k = 0; k < 3; k++) {
            cells[c++] = item(bi, random);
        }
        cells[c++] = random.nextBoolean() ? "female" : "male";
        cells[c++] = 18 + random.nextInt(40);
        cells[c++] = EDUCATION[random.nextInt(EDUCATION.length)];
        cells[c] = experience;
        if (id % 997 == 5) {
            cells[2] = null;
        }
        return cells;
    }

    private static int item(double factor, SplittableRandom random) {
        long answer = Math.round(4 + 1.2 * factor + 0.8 * random.nextGaussian());
        return (int) Math.max(1, Math.min(7, answer));
    }

    /** Writes respondents 0 … n−1 as a UTF-8 CSV file (a skipped answer is an empty cell). */
    static void writeCsv(Path file, long n) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(String.join(",", COLUMNS));
            out.write('\n');
            StringBuilder line = new StringBuilder(80);
            for (long id = 0; id < n; id++) {
                line.setLength(0);
                Object[] cells = row(id);
                for (int i = 0; i < cells.length; i++) {
                    if (i > 0) {
                        line.append(',');
                    }
                    if (cells[i] != null) {
                        line.append(cells[i]);
                    }
                }
                out.append(line).append('\n');
            }
        }
    }
}
