/*
 * GenerateResponses — simulated questionnaire data for the bundled English example study
 * "Acceptance of a university learning-management system: a technology acceptance model
 * (TAM) survey" (Davis 1989; Davis, Bagozzi & Warshaw 1989).
 *
 * The data are SIMULATED from the population model below; they describe no real respondents.
 * Run with Java 17, no dependencies:
 *
 *     java examples/tam/generator/GenerateResponses.java examples/tam/src/survey/responses.csv
 *
 * The output is byte-identical on every run: every random draw comes from java.util.Random
 * with constant seeds (its algorithm, including nextGaussian, is fixed by the JDK
 * specification), and Java 17 floating-point arithmetic is strict. The file is ASCII only.
 *
 * POPULATION MODEL (latent variables standardised within each step unless noted)
 *
 * 1. Demographics, drawn first (seed SEED_DEMOGRAPHICS):
 *        gender      female 54 %, male 46 %
 *        education   secondary 20 %, bachelor 45 %, master 27 %, doctorate 8 %
 *        experience  years of experience with e-learning systems: round(Exp(mean 4.5)),
 *                    capped at 20
 *        age         18 + experience + a draw of 0..24 weighted towards the young
 *                    (round of |N(0, 8)|), capped at 65
 *    EXP = (experience − 4.5) / 4.5 is the centred, scaled experience used below.
 *
 * 2. Structural model (seed SEED_LATENT), errors e ~ N(0, 1) independent:
 *
 *        PEOU = 0.20·male + 0.93·e1                       (gender difference: d ≈ 0.2)
 *        PU   = 0.45·PEOU + 0.10·edu + 0.85·e2             (edu = education level 0..3 − 1.2)
 *        ATT  = 0.40·PU + 0.25·PEOU + 0.80·e3
 *        BI   = 0.35·ATT + 0.30·PU + 0.05·PEOU + 0.10·EXP + 0.15·PU·EXP + 0.75·e4
 *
 *    Path coefficients: PEOU → PU 0.45; PU → ATT 0.40; PEOU → ATT 0.25; ATT → BI 0.35;
 *    PU → BI 0.30; PEOU → BI 0.05 (so PEOU acts on BI mostly through PU and ATT: the indirect
 *    effect PEOU → PU → BI is 0.45 × 0.30 = 0.135); experience moderates PU → BI
 *    (0.15 per unit of EXP: the effect of PU on BI grows with experience); men report a
 *    slightly higher ease of use, and usefulness rises a little with education.
 *
 * 3. Items (14, seven-point Likert, 1 = strongly disagree … 7 = strongly agree): for item i
 *    of construct c with loading λᵢ (0.74–0.88), the construct's score c standardised,
 *
 *        yᵢ = ±λᵢ·c + √(1 − λᵢ²)·εᵢ + shiftᵢ,   εᵢ ~ N(0, 1),
 *
 *    with the minus sign for the reverse-keyed PEOU3 ("I find the system cumbersome to use"),
 *    cut into 1..7 at the thresholds −2.0, −1.3, −0.6, 0.0, 0.7, 1.5 (a mild lean towards
 *    "agree"); the shifts (−0.20 … +0.25) spread the item means.
 *
 * 4. Missing values (seed SEED_MISSING): 5 blank Likert cells in 5 distinct respondents and
 *    2 blank demographic cells (age or education) in 2 further respondents.
 *
 * OUTPUT: N = 360 rows, UTF-8 (ASCII) CSV, LF line endings, header
 * id,gender,age,education,experience,PU1,…,BI3.
 */

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

public class GenerateResponses {

    static final int N = 360;

    static final long SEED_DEMOGRAPHICS = 19890901L;
    static final long SEED_LATENT = 19890902L;
    static final long SEED_MISSING = 19890903L;

    static final String[] CONSTRUCTS = {"PU", "PEOU", "ATT", "BI"};
    static final int[] ITEM_COUNTS = {4, 4, 3, 3};

    /** Loadings of the 14 items, in column order PU1..BI3. */
    static final double[] LOADINGS = {
        0.84, 0.86, 0.80, 0.78,   // PU1-PU4
        0.82, 0.85, 0.74, 0.80,   // PEOU1-PEOU4 (PEOU3 reverse-keyed)
        0.86, 0.83, 0.81,         // ATT1-ATT3
        0.88, 0.85, 0.82,         // BI1-BI3
    };

    /** Items written with a minus sign (the reverse-keyed item). */
    static final boolean[] REVERSED = {
        false, false, false, false,
        false, false, true, false,
        false, false, false,
        false, false, false,
    };

    /** Per-item location shifts (towards "agree" when positive). */
    static final double[] SHIFTS = {
        0.15, 0.20, 0.05, -0.10,
        0.25, 0.10, -0.05, 0.00,
        0.10, 0.05, -0.20,
        0.00, 0.10, -0.15,
    };

    /** Thresholds between categories 1|2 … 6|7. */
    static final double[] THRESHOLDS = {-2.0, -1.3, -0.6, 0.0, 0.7, 1.5};

    static final String[] GENDER = {"female", "male"};
    static final double[] GENDER_P = {0.54, 0.46};
    static final String[] EDUCATION = {"secondary", "bachelor", "master", "doctorate"};
    static final double[] EDUCATION_P = {0.20, 0.45, 0.27, 0.08};
    static final double MEAN_EXPERIENCE = 4.5;

    static final int BLANK_LIKERT_CELLS = 5;
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

        Random demoRnd = new Random(SEED_DEMOGRAPHICS);
        int[] gender = new int[N];
        int[] education = new int[N];
        int[] experience = new int[N];
        int[] age = new int[N];
        for (int r = 0; r < N; r++) {
            gender[r] = draw(demoRnd, GENDER_P);
            education[r] = draw(demoRnd, EDUCATION_P);
            double u = demoRnd.nextDouble();
            experience[r] = (int) Math.min(20, Math.round(-MEAN_EXPERIENCE * Math.log(1 - u)));
            int extra = (int) Math.min(24, Math.round(Math.abs(8 * demoRnd.nextGaussian())));
            age[r] = Math.min(65, 18 + experience[r] + extra);
        }

        String[][] likert = simulateLikert(itemNames.size(), gender, education, experience);

        String[][] demographics = new String[N][4];
        for (int r = 0; r < N; r++) {
            demographics[r][0] = GENDER[gender[r]];
            demographics[r][1] = Integer.toString(age[r]);
            demographics[r][2] = EDUCATION[education[r]];
            demographics[r][3] = Integer.toString(experience[r]);
        }
        blankCells(likert, demographics);

        StringBuilder csv = new StringBuilder();
        List<String> header = new ArrayList<>(List.of("id", "gender", "age", "education", "experience"));
        header.addAll(itemNames);
        csv.append(String.join(",", header)).append('\n');
        for (int r = 0; r < N; r++) {
            List<String> row = new ArrayList<>();
            row.add(Integer.toString(r + 1));
            row.addAll(List.of(demographics[r]));
            row.addAll(List.of(likert[r]));
            csv.append(String.join(",", row)).append('\n');
        }

        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.write(out, csv.toString().getBytes(StandardCharsets.UTF_8));
        System.out.println("wrote " + N + " respondents to " + out);
    }

    /** Simulates the latent scores (step 2) and the 14 items (step 3) of all respondents. */
    static String[][] simulateLikert(int items, int[] gender, int[] education, int[] experience) {
        Random rnd = new Random(SEED_LATENT);
        double[][] latent = new double[N][4]; // PU, PEOU, ATT, BI
        for (int r = 0; r < N; r++) {
            double male = gender[r];
            double edu = education[r] - 1.2;
            double exp = (experience[r] - MEAN_EXPERIENCE) / MEAN_EXPERIENCE;
            double peou = 0.20 * male + 0.93 * rnd.nextGaussian();
            double pu = 0.45 * peou + 0.10 * edu + 0.85 * rnd.nextGaussian();
            double att = 0.40 * pu + 0.25 * peou + 0.80 * rnd.nextGaussian();
            double bi = 0.35 * att + 0.30 * pu + 0.05 * peou + 0.10 * exp + 0.15 * pu * exp
                    + 0.75 * rnd.nextGaussian();
            latent[r] = new double[] {pu, peou, att, bi};
        }
        for (int c = 0; c < 4; c++) {
            standardise(latent, c);
        }

        String[][] likert = new String[N][items];
        for (int r = 0; r < N; r++) {
            int col = 0;
            for (int c = 0; c < CONSTRUCTS.length; c++) {
                for (int k = 0; k < ITEM_COUNTS[c]; k++, col++) {
                    double lambda = LOADINGS[col] * (REVERSED[col] ? -1 : 1);
                    double y = lambda * latent[r][c]
                            + Math.sqrt(1 - LOADINGS[col] * LOADINGS[col]) * rnd.nextGaussian()
                            + SHIFTS[col];
                    likert[r][col] = Integer.toString(category(y));
                }
            }
        }
        return likert;
    }

    static void standardise(double[][] latent, int c) {
        double mean = 0;
        for (double[] row : latent) {
            mean += row[c];
        }
        mean /= N;
        double ss = 0;
        for (double[] row : latent) {
            ss += (row[c] - mean) * (row[c] - mean);
        }
        double sd = Math.sqrt(ss / (N - 1));
        for (double[] row : latent) {
            row[c] = (row[c] - mean) / sd;
        }
    }

    /** Blanks Likert cells in distinct rows, and age or education cells in further distinct rows. */
    static void blankCells(String[][] likert, String[][] demographics) {
        Random rnd = new Random(SEED_MISSING);
        boolean[] used = new boolean[N];
        for (int k = 0; k < BLANK_LIKERT_CELLS; k++) {
            int r = freshRow(rnd, used);
            likert[r][rnd.nextInt(likert[r].length)] = "";
        }
        for (int k = 0; k < BLANK_DEMOGRAPHIC_CELLS; k++) {
            int r = freshRow(rnd, used);
            demographics[r][1 + rnd.nextInt(2)] = ""; // age or education
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
        for (int i = 0; i < weights.length; i++) {
            u -= weights[i];
            if (u < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }
}
