package io.github.surveyreport.benchmark;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes a seeded, simulated Likert study as a Maven research project:
 * {@code DIR/pom.xml}, {@code DIR/src/survey/study.yaml}, {@code DIR/src/survey/responses.csv}
 * and {@code DIR/constructs.txt} (the constructs, for the R and Python pipelines)
 * (UTF-8, Chinese demographics like the bundled Henan example, a multi-select column, about
 * 0.2% of rows with one unanswered item).
 *
 * <p>Usage: {@code Generate DIR ITEMS ROWS [SEED]}, ITEMS 17 (five constructs of 3, 3, 3, 5
 * and 3 items, as in examples/henan) or any multiple of 5 (ITEMS/5 constructs of five items).
 * The last construct is regressed on the others.
 */
public final class Generate {
    private static final String[] GENDER = {"男", "女"};
    private static final String[] AGE = {"25岁及以下", "26–35岁", "36–45岁", "46岁及以上"};
    private static final String[] PLATFORM = {"亚马逊", "速卖通", "eBay", "阿里巴巴国际站", "Shopee", "TikTok Shop"};

    private Generate() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            System.err.println("usage: Generate DIR ITEMS ROWS [SEED]");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        int items = Integer.parseInt(args[1]);
        long rows = Long.parseLong(args[2]);
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 20260101L;
        write(dir, items, rows, seed);
    }

    /** The constructs: name and number of items. */
    static List<int[]> layout(int items) {
        List<int[]> sizes = new ArrayList<>();
        if (items == 17) {
            for (int s : new int[] {3, 3, 3, 5, 3}) {
                sizes.add(new int[] {s});
            }
        } else if (items % 5 == 0) {
            for (int c = 0; c < items / 5; c++) {
                sizes.add(new int[] {5});
            }
        } else {
            throw new IllegalArgumentException("ITEMS must be 17 or a multiple of 5");
        }
        return sizes;
    }

    static String[] constructNames(int count) {
        if (count == 5) {
            return new String[] {"HR", "PS", "MA", "PO", "HD"};
        }
        String[] names = new String[count];
        for (int c = 0; c < count; c++) {
            names[c] = "C" + (c + 1);
        }
        return names;
    }

    static void write(Path dir, int items, long rows, long seed) throws IOException {
        List<int[]> sizes = layout(items);
        int constructs = sizes.size();
        String[] names = constructNames(constructs);
        List<String> itemNames = new ArrayList<>();
        int[] itemConstruct = new int[items];
        int k = 0;
        for (int c = 0; c < constructs; c++) {
            for (int i = 0; i < sizes.get(c)[0]; i++) {
                itemNames.add(names[c] + (i + 1));
                itemConstruct[k++] = c;
            }
        }
        Path survey = dir.resolve("src/survey");
        Files.createDirectories(survey);
        Files.writeString(dir.resolve("pom.xml"), pom(items, rows), StandardCharsets.UTF_8);
        Files.writeString(survey.resolve("study.yaml"), study(names, sizes, itemNames), StandardCharsets.UTF_8);
        // for the R and Python pipelines: one construct per line, its id then its items; the last is the dependent
        StringBuilder constructsFile = new StringBuilder();
        int next = 0;
        for (int c = 0; c < constructs; c++) {
            constructsFile.append(names[c]);
            for (int i = 0; i < sizes.get(c)[0]; i++) {
                constructsFile.append(' ').append(itemNames.get(next++));
            }
            constructsFile.append('\n');
        }
        Files.writeString(dir.resolve("constructs.txt"), constructsFile, StandardCharsets.UTF_8);

        SplittableRandom random = new SplittableRandom(seed);
        double[] latent = new double[constructs];
        byte[] line = new byte[64 + 8 * items + 200];
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(survey.resolve("responses.csv")), 1 << 20)) {
            StringBuilder header = new StringBuilder("序号,性别,年龄,服务平台");
            for (String item : itemNames) {
                header.append(',').append(item);
            }
            out.write(header.append('\n').toString().getBytes(StandardCharsets.UTF_8));
            byte[][] gender = utf8(GENDER);
            byte[][] age = utf8(AGE);
            byte[][] platform = utf8(PLATFORM);
            for (long r = 1; r <= rows; r++) {
                double g = random.nextGaussian();
                double sum = 0;
                for (int c = 0; c < constructs - 1; c++) {
                    latent[c] = 0.4 * g + 0.9165 * random.nextGaussian();
                    sum += latent[c];
                }
                latent[constructs - 1] = 1.2 * sum / (constructs - 1) + 0.6 * random.nextGaussian();
                int n = 0;
                n = digits(line, n, r);
                line[n++] = ',';
                n = copy(line, n, gender[random.nextInt(2)]);
                line[n++] = ',';
                n = copy(line, n, age[Math.min(3, (int) Math.abs(random.nextGaussian() * 1.3))]);
                line[n++] = ',';
                int first = random.nextInt(PLATFORM.length);
                n = copy(line, n, platform[first]);
                int second = random.nextInt(PLATFORM.length * 2);
                if (second < PLATFORM.length && second != first) {
                    line[n++] = ';';
                    n = copy(line, n, platform[second]);
                }
                int blank = random.nextInt(500) == 0 ? random.nextInt(items) : -1;
                for (int i = 0; i < items; i++) {
                    line[n++] = ',';
                    if (i == blank) {
                        continue;
                    }
                    double x = 3 + 1.1 * (0.8 * latent[itemConstruct[i]] + 0.6 * random.nextGaussian());
                    long v = Math.round(x);
                    line[n++] = (byte) ('0' + Math.max(1, Math.min(5, v)));
                }
                line[n++] = '\n';
                out.write(line, 0, n);
            }
        }
    }

    private static byte[][] utf8(String[] values) {
        byte[][] bytes = new byte[values.length][];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = values[i].getBytes(StandardCharsets.UTF_8);
        }
        return bytes;
    }

    private static int copy(byte[] line, int n, byte[] value) {
        System.arraycopy(value, 0, line, n, value.length);
        return n + value.length;
    }

    private static int digits(byte[] line, int n, long value) {
        String s = Long.toString(value);
        for (int i = 0; i < s.length(); i++) {
            line[n++] = (byte) s.charAt(i);
        }
        return n;
    }

    private static String study(String[] names, List<int[]> sizes, List<String> itemNames) {
        StringBuilder y = new StringBuilder();
        y.append("title: survey-report benchmark (").append(itemNames.size()).append(" items)\n");
        y.append("data:\n  file: responses.csv\n  encoding: auto\n");
        y.append("scale: {min: 1, max: 5}\n");
        y.append("constructs:\n");
        int k = 0;
        for (int c = 0; c < names.length; c++) {
            List<String> items = itemNames.subList(k, k + sizes.get(c)[0]);
            k += sizes.get(c)[0];
            y.append("  ").append(names[c]).append(": {items: [").append(String.join(", ", items)).append("]}\n");
        }
        y.append("efa:\n  factors: ").append(names.length).append('\n');
        String dependent = names[names.length - 1];
        List<String> predictors = List.of(names).subList(0, names.length - 1);
        y.append("regressions:\n  - ").append(dependent).append(" ~ ").append(String.join(" + ", predictors)).append('\n');
        y.append("hypotheses:\n");
        for (int c = 0; c < predictors.size(); c++) {
            y.append("  - {id: H").append(c + 1).append(", path: ").append(predictors.get(c)).append(" -> ")
                    .append(dependent).append(", sign: positive}\n");
        }
        y.append("profile:\n");
        y.append("  - {column: 性别}\n");
        y.append("  - {column: 年龄, order: [25岁及以下, 26–35岁, 36–45岁, 46岁及以上]}\n");
        y.append("  - {column: 服务平台, multiple: \";\"}\n");
        return y.toString();
    }

    private static String pom(int items, long rows) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0"
                         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>org.example.benchmark</groupId>
                  <artifactId>likert-%d-items-%d-rows</artifactId>
                  <version>1.0-SNAPSHOT</version>
                  <packaging>pom</packaging>
                  <properties>
                    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
                  </properties>
                  <build>
                    <plugins>
                      <plugin>
                        <groupId>io.github.surveyreport</groupId>
                        <artifactId>survey-report-maven-plugin</artifactId>
                        <version>0.1.0-SNAPSHOT</version>
                        <executions>
                          <execution>
                            <goals>
                              <goal>analyze</goal>
                            </goals>
                          </execution>
                        </executions>
                      </plugin>
                    </plugins>
                  </build>
                </project>
                """.formatted(items, rows);
    }
}
