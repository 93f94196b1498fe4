/*
 * GenerateResponses — simulated questionnaire data for the bundled example study
 * "数智化背景下河南省跨境电商高质量发展驱动因素" (driving factors of the high-quality
 * development of Henan cross-border e-commerce in the digital-intelligence era).
 *
 * The data are SIMULATED from the population model below; they are not the original
 * study's data. Run with Java 17, no dependencies:
 *
 *     java examples/henan/generator/GenerateResponses.java examples/henan/src/survey/responses.csv
 *
 * The output is byte-identical on every run: every random draw comes from java.util.Random
 * with constant seeds (its algorithm, including nextGaussian, is fixed by the JDK
 * specification), and Java 17 floating-point arithmetic is strict.
 *
 * POPULATION MODEL
 *
 * 1. Four latent predictors (standard normal), correlated through the Cholesky factor of
 *
 *             HR     PS     MA     PO
 *        HR  1.00   0.32   0.38   0.28      HR 数智化人力资源
 *        PS  0.32   1.00   0.35   0.30      PS 产品优势
 *        MA  0.38   0.35   1.00   0.33      MA 数智营销能力
 *        PO  0.28   0.30   0.33   1.00      PO 政策扶持力度
 *
 * 2. Outcome HD (跨境电商高质量发展):
 *
 *        HD* = 0.28·HR + 0.22·PS + 0.30·MA + 0.18·PO + e,
 *        e ~ N(0, σ²) with σ² = Var(b'X)·(1 − ρ²)/ρ², ρ² = LATENT_R2 (0.76),
 *        HD  = HD* / sd(HD*)   (standardised to unit variance).
 *
 *    The latent R² of 0.76 is attenuated by measurement error and the 5-point coarsening,
 *    so an OLS of the HD item mean on the four construct means gives R² ≈ 0.55–0.65
 *    (0.587 for this seed). A side effect of so strong an outcome: HD shares much of its
 *    variance with the general first component, so the 5th eigenvalue of the item
 *    correlation matrix is ≈ 0.7 (< 1); the five-component solution is clean when its
 *    number of factors is fixed at 5, as study.yaml does (efa.factors: 5).
 *
 * 3. Items (17, five-point Likert): for item i of construct c with loading λᵢ (0.75–0.85)
 *
 *        yᵢ = λᵢ·c + √(1 − λᵢ²)·εᵢ + shiftᵢ,   εᵢ ~ N(0, 1),
 *
 *    cut into 1..5 at the fixed thresholds −1.90, −1.05, −0.20, 0.95. With shift 0 this gives
 *    P(1..5) ≈ 3 %, 12 %, 27 %, 41 %, 17 % (mean ≈ 3.57, skewed towards "agree"); the
 *    per-item shifts (−0.15 … +0.30) spread the item means over ≈ 3.4–3.9.
 *
 * 4. Demographics, drawn independently of the latent scores:
 *        年龄      25岁及以下 18 %, 26–35岁 43 %, 36–45岁 28 %, 46岁及以上 11 %
 *        从业年限  1年以下 12 %, 1–3年 33 %, 3–5年 30 %, 5年以上 25 %
 *        职位      普通员工 46 %, 基层管理者 28 %, 中层管理者 18 %, 高层管理者/企业主 8 %
 *        服务平台  multi-select: 1 platform 38 %, 2 platforms 42 %, 3 platforms 20 %, picked
 *                  without replacement with weights 亚马逊 .30, 速卖通 .20, eBay .08,
 *                  Shopee .12, TikTok Shop .14, 阿里巴巴国际站 .16, written in that option
 *                  order joined by ";".
 *
 * 5. Missing values: 7 blank Likert cells in 7 distinct respondents, plus 2 blank
 *    demographic cells in 2 further respondents.
 *
 * OUTPUT: N = 392 rows, GBK-encoded CSV, CRLF line endings (as an Excel export), no BOM,
 * header 序号,年龄,从业年限,职位,服务平台,HR1,…,HD3; a field is quoted only when it
 * contains a comma, a double quote, CR or LF.
 */

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

public class GenerateResponses {

    static final int N = 392;

    static final long SEED_LATENT = 20240315L;
    static final long SEED_DEMOGRAPHICS = 20240316L;
    static final long SEED_MISSING = 20240317L;

    static final String[] CONSTRUCTS = {"HR", "PS", "MA", "PO", "HD"};
    static final int[] ITEM_COUNTS = {3, 3, 3, 5, 3};

    /** Correlations of the latent predictors HR, PS, MA, PO. */
    static final double[][] PREDICTOR_CORRELATION = {
        {1.00, 0.32, 0.38, 0.28},
        {0.32, 1.00, 0.35, 0.30},
        {0.38, 0.35, 1.00, 0.33},
        {0.28, 0.30, 0.33, 1.00},
    };

    /** Structural weights of HR, PS, MA, PO on HD. */
    static final double[] BETA = {0.28, 0.22, 0.30, 0.18};

    /** Share of HD's variance explained by the four latent predictors. */
    static final double LATENT_R2 = 0.76;

    /** Loadings of the 17 items, in column order HR1..HD3. */
    static final double[] LOADINGS = {
        0.82, 0.85, 0.80,             // HR1-HR3
        0.81, 0.84, 0.79,             // PS1-PS3
        0.83, 0.80, 0.85,             // MA1-MA3
        0.76, 0.81, 0.78, 0.83, 0.75, // PO1-PO5
        0.83, 0.85, 0.81,             // HD1-HD3
    };

    /** Per-item location shifts (towards "agree" when positive). */
    static final double[] SHIFTS = {
        0.10, -0.05, 0.20,
        0.25, 0.15, 0.30,
        0.05, -0.10, 0.10,
        -0.15, 0.00, 0.05, -0.10, 0.12,
        0.08, 0.00, 0.18,
    };

    /** Thresholds between categories 1|2, 2|3, 3|4 and 4|5. */
    static final double[] THRESHOLDS = {-1.90, -1.05, -0.20, 0.95};

    // Non-ASCII string literals are written as Unicode escapes so that the program compiles to
    // the same strings whatever the platform's default encoding (Java 17's source launcher
    // reads the file in that encoding); each is spelled out in the comment above it.

    // "25岁及以下", "26–35岁", "36–45岁", "46岁及以上"
    static final String[] AGE = {"25\u5c81\u53ca\u4ee5\u4e0b", "26\u201335\u5c81", "36\u201345\u5c81", "46\u5c81\u53ca\u4ee5\u4e0a"};
    static final double[] AGE_P = {0.18, 0.43, 0.28, 0.11};

    // "1年以下", "1–3年", "3–5年", "5年以上"
    static final String[] TENURE = {"1\u5e74\u4ee5\u4e0b", "1\u20133\u5e74", "3\u20135\u5e74", "5\u5e74\u4ee5\u4e0a"};
    static final double[] TENURE_P = {0.12, 0.33, 0.30, 0.25};

    // "普通员工", "基层管理者", "中层管理者", "高层管理者/企业主"
    static final String[] POSITION = {"\u666e\u901a\u5458\u5de5", "\u57fa\u5c42\u7ba1\u7406\u8005", "\u4e2d\u5c42\u7ba1\u7406\u8005", "\u9ad8\u5c42\u7ba1\u7406\u8005/\u4f01\u4e1a\u4e3b"};
    static final double[] POSITION_P = {0.46, 0.28, 0.18, 0.08};

    // "亚马逊", "速卖通", "eBay", "Shopee", "TikTok Shop", "阿里巴巴国际站"
    static final String[] PLATFORMS = {"\u4e9a\u9a6c\u900a", "\u901f\u5356\u901a", "eBay", "Shopee", "TikTok Shop", "\u963f\u91cc\u5df4\u5df4\u56fd\u9645\u7ad9"};
    static final double[] PLATFORM_WEIGHTS = {0.30, 0.20, 0.08, 0.12, 0.14, 0.16};
    static final double[] PLATFORM_COUNT_P = {0.38, 0.42, 0.20}; // 1, 2, 3 platforms

    static final int BLANK_LIKERT_CELLS = 7;
    static final int BLANK_DEMOGRAPHIC_CELLS = 2;

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: java GenerateResponses.java <out.csv>");
            System.exit(2);
        }
        Path out = Path.of(args[0]);

        List<String> itemNames = new ArrayList<>();
        for (int c = 0; c < CONSTRUCTS.length; c++) {
            for (int k = 1; k <= ITEM_COUNTS[c]; k++) {
                itemNames.add(CONSTRUCTS[c] + k);
            }
        }
        int items = itemNames.size();

        String[][] likert = simulateLikert(items);
        String[][] demographics = simulateDemographics();
        blankCells(likert, demographics);

        StringBuilder csv = new StringBuilder();
    // "序号", "年龄", "从业年限", "职位", "服务平台"
        List<String> header = new ArrayList<>(List.of("\u5e8f\u53f7", "\u5e74\u9f84", "\u4ece\u4e1a\u5e74\u9650", "\u804c\u4f4d", "\u670d\u52a1\u5e73\u53f0"));
        header.addAll(itemNames);
        appendRow(csv, header);
        for (int r = 0; r < N; r++) {
            List<String> row = new ArrayList<>();
            row.add(Integer.toString(r + 1));
            row.addAll(Arrays.asList(demographics[r]));
            row.addAll(Arrays.asList(likert[r]));
            appendRow(csv, row);
        }

        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (OutputStream os = Files.newOutputStream(out)) {
            os.write(csv.toString().getBytes(Charset.forName("GBK")));
        }
        System.out.println("wrote " + N + " respondents to " + out);
    }

    /** Simulates the 17 Likert items for all respondents. */
    static String[][] simulateLikert(int items) {
        Random rnd = new Random(SEED_LATENT);
        double[][] chol = cholesky(PREDICTOR_CORRELATION);

        double explained = 0;
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                explained += BETA[i] * BETA[j] * PREDICTOR_CORRELATION[i][j];
            }
        }
        double errorVariance = explained * (1 - LATENT_R2) / LATENT_R2;
        double hdScale = Math.sqrt(explained + errorVariance);

        String[][] likert = new String[N][items];
        for (int r = 0; r < N; r++) {
            double[] z = new double[4];
            for (int i = 0; i < 4; i++) {
                z[i] = rnd.nextGaussian();
            }
            double[] latent = new double[5];
            for (int i = 0; i < 4; i++) {
                double s = 0;
                for (int j = 0; j <= i; j++) {
                    s += chol[i][j] * z[j];
                }
                latent[i] = s;
            }
            double hd = Math.sqrt(errorVariance) * rnd.nextGaussian();
            for (int i = 0; i < 4; i++) {
                hd += BETA[i] * latent[i];
            }
            latent[4] = hd / hdScale;

            int col = 0;
            for (int c = 0; c < CONSTRUCTS.length; c++) {
                for (int k = 0; k < ITEM_COUNTS[c]; k++, col++) {
                    double lambda = LOADINGS[col];
                    double y = lambda * latent[c] + Math.sqrt(1 - lambda * lambda) * rnd.nextGaussian()
                            + SHIFTS[col];
                    likert[r][col] = Integer.toString(category(y));
                }
            }
        }
        return likert;
    }

    /** Simulates 年龄, 从业年限, 职位 and 服务平台 for all respondents. */
    static String[][] simulateDemographics() {
        Random rnd = new Random(SEED_DEMOGRAPHICS);
        String[][] demo = new String[N][4];
        for (int r = 0; r < N; r++) {
            demo[r][0] = AGE[draw(rnd, AGE_P)];
            demo[r][1] = TENURE[draw(rnd, TENURE_P)];
            demo[r][2] = POSITION[draw(rnd, POSITION_P)];

            int count = draw(rnd, PLATFORM_COUNT_P) + 1;
            double[] weights = PLATFORM_WEIGHTS.clone();
            TreeSet<Integer> chosen = new TreeSet<>();
            for (int k = 0; k < count; k++) {
                int p = draw(rnd, weights);
                chosen.add(p);
                weights[p] = 0;
            }
            StringBuilder sb = new StringBuilder();
            for (int p : chosen) {
                if (sb.length() > 0) {
                    sb.append(';');
                }
                sb.append(PLATFORMS[p]);
            }
            demo[r][3] = sb.toString();
        }
        return demo;
    }

    /** Blanks Likert cells in distinct rows, and demographic cells in further distinct rows. */
    static void blankCells(String[][] likert, String[][] demographics) {
        Random rnd = new Random(SEED_MISSING);
        boolean[] used = new boolean[N];
        for (int k = 0; k < BLANK_LIKERT_CELLS; k++) {
            int r = freshRow(rnd, used);
            likert[r][rnd.nextInt(likert[r].length)] = "";
        }
        for (int k = 0; k < BLANK_DEMOGRAPHIC_CELLS; k++) {
            int r = freshRow(rnd, used);
            demographics[r][rnd.nextInt(3)] = ""; // 年龄, 从业年限 or 职位
        }
    }

    static int freshRow(Random rnd, boolean[] used) {
        int r;
        do {
            r = rnd.nextInt(N);
        } while (used[r]);
        used[r] = true;
        return r;
    }

    static int category(double y) {
        int cat = 1;
        for (double t : THRESHOLDS) {
            if (y > t) {
                cat++;
            }
        }
        return cat;
    }

    /** Index drawn with probability proportional to weights. */
    static int draw(Random rnd, double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double u = rnd.nextDouble() * total;
        int last = -1;
        for (int i = 0; i < weights.length; i++) {
            if (weights[i] <= 0) {
                continue;
            }
            last = i;
            u -= weights[i];
            if (u < 0) {
                return i;
            }
        }
        return last;
    }

    /** Lower-triangular L with L·Lᵀ = a. */
    static double[][] cholesky(double[][] a) {
        int n = a.length;
        double[][] l = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double s = a[i][j];
                for (int k = 0; k < j; k++) {
                    s -= l[i][k] * l[j][k];
                }
                l[i][j] = (i == j) ? Math.sqrt(s) : s / l[j][j];
            }
        }
        return l;
    }

    static void appendRow(StringBuilder csv, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(quote(fields.get(i)));
        }
        csv.append("\r\n");
    }

    static String quote(String field) {
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0
                && field.indexOf('\r') < 0 && field.indexOf('\n') < 0) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }
}
