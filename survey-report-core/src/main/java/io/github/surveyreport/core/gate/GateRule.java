package io.github.surveyreport.core.gate;

import io.github.surveyreport.core.report.NumberFormats;
import io.github.surveyreport.core.results.Cfa;
import io.github.surveyreport.core.results.CfaFit;
import io.github.surveyreport.core.results.Check;
import io.github.surveyreport.core.results.CommonMethod;
import io.github.surveyreport.core.results.Efa;
import io.github.surveyreport.core.results.Factorability;
import io.github.surveyreport.core.results.HypothesisResult;
import io.github.surveyreport.core.results.ItemTotal;
import io.github.surveyreport.core.results.RegressionResult;
import io.github.surveyreport.core.results.Reliability;
import io.github.surveyreport.core.results.ScaleReliability;
import io.github.surveyreport.core.study.Construct;
import io.github.surveyreport.core.study.Hypothesis;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * One rule of the quality gate, as JaCoCo's {@code Limit} names a counter and a value: its key
 * (the element of {@code <thresholds>} and the {@code name} of its {@link Check}s), which way it
 * compares, its default limit, the range a limit must lie in, how its statistic is written, and
 * how it reads that statistic from the results and words each check.
 *
 * <p>The gate, the parsing of {@code <thresholds>}, the report's gate table and {@code results.json}
 * all go through this type, so a rule's name is written once. Adding a rule is one constant here
 * with one method, {@link #check(Evaluation)}: read the statistic from
 * {@link Evaluation#results()}, call {@link #compare} (or {@link #failed}) for each subject, and
 * hand the check to {@link Evaluation#add} with the subject's position in the results.
 *
 * <p>The rules of the measurement model ({@link #MIN_CR} to {@link #MAX_CHI_SQUARE_DF}) check
 * the confirmatory factor analysis when the study asks for one ({@code cfa}); Harman's test and
 * ω are checked whenever constructs exist.
 */
public enum GateRule {
    /** Minimum Cronbach's alpha of each construct and of all construct items together. */
    MIN_ALPHA("minAlpha", Section.RELIABILITY, Direction.AT_LEAST, Scale.BOUNDED, "0.70",
            "a reliability coefficient") {
        @Override
        void check(Evaluation e) {
            Reliability reliability = e.results().reliability();
            if (reliability == null) {
                return;
            }
            BigDecimal limit = e.limit(this);
            int c = 0;
            for (Map.Entry<String, ScaleReliability> entry : reliability.constructs().entrySet()) {
                String id = entry.getKey();
                e.add(this, compare(id, entry.getValue().alpha(), limit,
                        v -> "Reliability of " + e.named(id) + ": Cronbach's alpha " + v), c++);
            }
            ScaleReliability overall = reliability.overall();
            // with one construct the overall scale is that construct, already checked
            if (overall != null && e.study().constructs().size() > 1) {
                e.add(this, compare("overall", overall.alpha(), limit, v -> "Reliability of all "
                        + overall.items().size() + " construct items: Cronbach's alpha " + v), Integer.MAX_VALUE);
            }
        }
    },
    /** Minimum corrected item-total correlation of each item in its construct. */
    MIN_ITEM_TOTAL_CORRELATION("minItemTotalCorrelation", Section.RELIABILITY, Direction.AT_LEAST, Scale.BOUNDED,
            "0.30", "a correlation") {
        @Override
        void check(Evaluation e) {
            Reliability reliability = e.results().reliability();
            if (reliability == null) {
                return;
            }
            BigDecimal limit = e.limit(this);
            int c = 0;
            for (Map.Entry<String, ScaleReliability> entry : reliability.constructs().entrySet()) {
                String id = entry.getKey();
                List<ItemTotal> items = entry.getValue().itemTotal();
                for (int i = 0; i < items.size(); i++) {
                    ItemTotal item = items.get(i);
                    e.add(this, compare(item.item(), item.correctedItemTotalCorrelation(), limit,
                            v -> "Item " + e.named(item.item()) + " of " + id + ": corrected item-total correlation "
                                    + v), c, i);
                }
                c++;
            }
        }
    },
    /** Minimum Kaiser-Meyer-Olkin measure of sampling adequacy. */
    MIN_KMO("minKmo", Section.FACTORABILITY, Direction.AT_LEAST, Scale.BOUNDED, "0.60", "KMO") {
        @Override
        void check(Evaluation e) {
            Factorability f = e.results().factorability();
            if (f == null) {
                return;
            }
            BigDecimal limit = e.limit(this);
            e.add(this, f.kmo() == null
                    ? failed("KMO", limit, "Sampling adequacy: KMO could not be computed" + why(f) + " (minKmo)")
                    : compare("KMO", f.kmo(), limit, v -> "Sampling adequacy: KMO " + v));
        }
    },
    /** Maximum p of Bartlett's test of sphericity. */
    MAX_BARTLETT_P("maxBartlettP", Section.FACTORABILITY, Direction.BELOW, Scale.P_VALUE, "0.05", "a p value") {
        @Override
        void check(Evaluation e) {
            Factorability f = e.results().factorability();
            if (f == null) {
                return;
            }
            BigDecimal limit = e.limit(this);
            e.add(this, f.bartlett() == null
                    ? failed("Bartlett", limit, "Bartlett's test of sphericity could not be computed" + why(f)
                            + " (maxBartlettP)")
                    : compare("Bartlett", f.bartlett().p(), limit, v -> "Bartlett's test of sphericity: " + v));
        }
    },
    /** Minimum rotated loading of each item on its construct's component. */
    MIN_LOADING("minLoading", Section.LOADINGS, Direction.AT_LEAST, Scale.BOUNDED, "0.50", "a loading") {
        @Override
        void check(Evaluation e) {
            eachItemWithItsComponent(e, (construct, item, row, own) -> compare(item, row.get(own), e.limit(this),
                    v -> "Item " + e.named(item) + ": loading " + v + " on the component of " + construct.id()));
        }
    },
    /** Maximum absolute loading of an item on a component other than its construct's. */
    MAX_CROSS_LOADING("maxCrossLoading", Section.LOADINGS, Direction.AT_MOST, Scale.BOUNDED, "off", "a loading") {
        @Override
        void check(Evaluation e) {
            eachItemWithItsComponent(e, (construct, item, row, own) -> {
                int worst = -1;
                for (int k = 0; k < row.size(); k++) {
                    if (k != own && (worst < 0 || Math.abs(row.get(k)) > Math.abs(row.get(worst)))) {
                        worst = k;
                    }
                }
                if (worst < 0) {
                    return null;
                }
                String where = e.assignment().describe(worst);
                return compare(item, Math.abs(row.get(worst)), e.limit(this),
                        v -> "Item " + e.named(item) + ": cross-loading " + v + " on " + where);
            });
        }
    },
    /** Maximum variance inflation factor of each regression term. */
    MAX_VIF("maxVif", Section.REGRESSIONS, Direction.AT_MOST, Scale.UNBOUNDED, "10", BigDecimal.ONE,
            "a VIF is never below 1") {
        @Override
        void check(Evaluation e) {
            BigDecimal limit = e.limit(this);
            List<RegressionResult> regressions = e.results().regressions();
            for (int r = 0; r < regressions.size(); r++) {
                String model = model(regressions.get(r));
                List<RegressionResult.Coefficient> coefficients = regressions.get(r).coefficients();
                for (int t = 0; t < coefficients.size(); t++) {
                    RegressionResult.Coefficient coefficient = coefficients.get(t);
                    if (coefficient.vif() != null) {
                        e.add(this, compare(model + " : " + coefficient.term(), coefficient.vif(), limit,
                                v -> "Regression " + model + ", term " + coefficient.term() + ": VIF " + v), r, t);
                    }
                }
            }
        }
    },
    /** Maximum p of each regression's F test. */
    MAX_MODEL_P("maxModelP", Section.REGRESSIONS, Direction.BELOW, Scale.P_VALUE, "0.05", "a p value") {
        @Override
        void check(Evaluation e) {
            BigDecimal limit = e.limit(this);
            List<RegressionResult> regressions = e.results().regressions();
            for (int r = 0; r < regressions.size(); r++) {
                RegressionResult regression = regressions.get(r);
                String model = model(regression);
                e.add(this, regression.p() == null
                        ? failed(model, limit, "Regression " + model + ": the F test could not be computed (maxModelP)")
                        : compare(model, regression.p(), limit, v -> "Regression " + model + ": F test: " + v), r);
            }
        }
    },
    /**
     * Whether every hypothesis must come out as the manuscript reports it: supported (the default
     * claim) or, with {@code expect: not supported}, not supported. The gate checks the claim, not
     * the wish: a claim that stops holding when the data change fails the build.
     */
    REQUIRE_SUPPORTED_HYPOTHESES("requireSupportedHypotheses", Section.HYPOTHESES, Direction.REQUIRED, Scale.P_VALUE,
            "true", null) {
        @Override
        void check(Evaluation e) {
            List<HypothesisResult> hypotheses = e.results().hypotheses();
            double significance = e.study().significance();
            for (int h = 0; h < hypotheses.size(); h++) {
                HypothesisResult result = hypotheses.get(h);
                Hypothesis hypothesis = e.study().hypotheses().stream().filter(x -> x.id().equals(result.id()))
                        .findFirst().orElse(null);
                String sign = hypothesis == null ? "" : hypothesis.sign().name().toLowerCase(Locale.ROOT);
                String what = "Hypothesis " + result.id() + " (" + result.path() + "): ";
                String stats = switch (result.kind()) {
                    case "indirect" -> "indirect effect = " + FORMAT.num(result.estimate()) + ", "
                            + Math.round(e.results().bootstrap() == null ? 95 : e.results().bootstrap().confidence() * 100)
                            + "% bootstrap CI [" + FORMAT.num(result.lower()) + ", " + FORMAT.num(result.upper()) + "]";
                    case "interaction" -> "b = " + FORMAT.num(result.estimate()) + ", " + FORMAT.pText(result.p());
                    default -> "β = " + FORMAT.bounded(result.beta()) + ", " + FORMAT.pText(result.p());
                };
                String criterion = result.kind().equals("indirect")
                        ? "expected a " + sign + " effect whose interval excludes 0"
                        : "expected a " + sign + " effect at p < " + formatLimit(BigDecimal.valueOf(significance));
                String message;
                if (result.expected()) {
                    message = result.supported()
                            ? what + "supported (" + stats + "), as the manuscript reports (" + key() + ")"
                            : what + "not supported (" + stats + "; " + criterion + "), but the manuscript reports it "
                                    + "supported (" + key() + ")";
                } else {
                    message = result.supported()
                            ? what + "supported (" + stats + "), but the manuscript reports it not supported (expect: "
                                    + "not supported): the claim no longer holds; revise the manuscript and the study "
                                    + "file (" + key() + ")"
                            : what + "not supported (" + stats + "), as the manuscript reports (expect: not supported) ("
                                    + key() + ")";
                }
                // value and limit: the test's p (none for an indirect effect) and the study's significance level
                e.add(this, new Check(key(), result.id(), result.p(), significance, result.claimHolds(), message), h);
            }
        }
    },

    // The measurement model: the CFA's validity and fit, omega and the common-method check.

    /** Minimum composite reliability (CR) of each factor of the CFA. */
    MIN_CR("minCr", Section.MEASUREMENT_MODEL, Direction.AT_LEAST, Scale.BOUNDED, "0.70", "a reliability coefficient") {
        @Override
        void check(Evaluation e) {
            eachFactor(e, (id, validity) -> compare(id, validity.cr(), e.limit(this),
                    v -> "Convergent validity of " + e.named(id) + ": CR " + v));
        }
    },
    /** Minimum average variance extracted (AVE) of each factor of the CFA. */
    MIN_AVE("minAve", Section.MEASUREMENT_MODEL, Direction.AT_LEAST, Scale.BOUNDED, "0.50",
            "a proportion of variance") {
        @Override
        void check(Evaluation e) {
            eachFactor(e, (id, validity) -> compare(id, validity.ave(), e.limit(this),
                    v -> "Convergent validity of " + e.named(id) + ": AVE " + v));
        }
    },
    /** Maximum heterotrait-monotrait ratio (HTMT) of each pair of factors. */
    MAX_HTMT("maxHtmt", Section.MEASUREMENT_MODEL, Direction.AT_MOST, Scale.BOUNDED, "0.85", "a correlation") {
        @Override
        void check(Evaluation e) {
            Cfa cfa = e.results().cfa();
            if (cfa == null || cfa.htmt() == null) {
                return;
            }
            List<String> ids = List.copyOf(cfa.constructs().keySet());
            for (int i = 0; i < ids.size(); i++) {
                for (int j = i + 1; j < ids.size(); j++) {
                    String a = ids.get(i);
                    String b = ids.get(j);
                    Map<String, Double> row = cfa.htmt().get(a);
                    e.add(this, compare(a + "–" + b, row == null ? null : row.get(b), e.limit(this),
                            v -> "Discriminant validity of " + e.named(a) + " and " + e.named(b) + ": HTMT " + v),
                            i, j);
                }
            }
        }
    },
    /** Whether each factor's √AVE exceeds its correlations with the other factors (Fornell–Larcker). */
    FORNELL_LARCKER("fornellLarcker", Section.MEASUREMENT_MODEL, Direction.REQUIRED, Scale.BOUNDED, "true", null) {
        @Override
        void check(Evaluation e) {
            Cfa cfa = e.results().cfa();
            if (cfa == null || cfa.constructs().size() < 2) {
                return;
            }
            int c = 0;
            for (Map.Entry<String, Cfa.ConstructValidity> entry : cfa.constructs().entrySet()) {
                String id = entry.getKey();
                double root = entry.getValue().sqrtAve();
                String other = null;
                double largest = Double.NEGATIVE_INFINITY;
                for (Map.Entry<String, Double> r : cfa.factorCorrelations().get(id).entrySet()) {
                    if (!r.getKey().equals(id) && Math.abs(r.getValue()) > largest) {
                        largest = Math.abs(r.getValue());
                        other = r.getKey();
                    }
                }
                boolean passed = root > largest;
                String message = "Discriminant validity of " + e.named(id) + ": √AVE " + format(root)
                        + (passed ? " exceeds" : " does not exceed") + " its largest factor correlation "
                        + format(largest) + " (with " + other + ") (" + key() + ")";
                e.add(this, new Check(key(), id, root, largest, passed, message), c++);
            }
        }
    },
    /** Minimum comparative fit index (CFI) of the CFA. */
    MIN_CFI("minCfi", Section.MEASUREMENT_MODEL, Direction.AT_LEAST, Scale.BOUNDED, "0.90", "a fit index") {
        @Override
        void check(Evaluation e) {
            fit(e, "CFI", CfaFit::cfi);
        }
    },
    /** Minimum Tucker-Lewis index (TLI) of the CFA. */
    MIN_TLI("minTli", Section.MEASUREMENT_MODEL, Direction.AT_LEAST, Scale.BOUNDED, "0.90", "a fit index") {
        @Override
        void check(Evaluation e) {
            fit(e, "TLI", CfaFit::tli);
        }
    },
    /** Maximum RMSEA of the CFA. */
    MAX_RMSEA("maxRmsea", Section.MEASUREMENT_MODEL, Direction.AT_MOST, Scale.BOUNDED, "0.08", "a fit index") {
        @Override
        void check(Evaluation e) {
            fit(e, "RMSEA", CfaFit::rmsea);
        }
    },
    /** Maximum SRMR of the CFA. */
    MAX_SRMR("maxSrmr", Section.MEASUREMENT_MODEL, Direction.AT_MOST, Scale.BOUNDED, "0.08", "a fit index") {
        @Override
        void check(Evaluation e) {
            fit(e, "SRMR", CfaFit::srmr);
        }
    },
    /** Maximum χ²/df of the CFA (journals use 3 or 5); off by default. */
    MAX_CHI_SQUARE_DF("maxChiSquareDf", Section.MEASUREMENT_MODEL, Direction.AT_MOST, Scale.UNBOUNDED, "off",
            BigDecimal.ZERO, "χ²/df is never negative") {
        @Override
        void check(Evaluation e) {
            fit(e, "χ²/df", CfaFit::chiSquareDf);
        }
    },
    /** Maximum share of the items' variance on Harman's single (first unrotated) factor. */
    MAX_HARMAN_VARIANCE("maxHarmanVariance", Section.MEASUREMENT_MODEL, Direction.AT_MOST, Scale.BOUNDED, "0.50",
            "a proportion of variance") {
        @Override
        void check(Evaluation e) {
            CommonMethod cm = e.results().commonMethod();
            // the test asks whether one factor explains items meant to measure several constructs;
            // the items of a single construct are meant to share one factor
            if (cm == null || e.study().constructs().size() < 2) {
                return;
            }
            e.add(this, compare("Harman", cm.harmanFirstFactorVariance(), e.limit(this),
                    v -> "Common method bias: Harman's first factor's share of the items' variance " + v),
                    Integer.MAX_VALUE);
        }
    },
    /** Minimum McDonald's ω of each construct with three or more items; off by default. */
    MIN_OMEGA("minOmega", Section.MEASUREMENT_MODEL, Direction.AT_LEAST, Scale.BOUNDED, "off",
            "a reliability coefficient") {
        @Override
        void check(Evaluation e) {
            Reliability reliability = e.results().reliability();
            if (reliability == null) {
                return;
            }
            int c = 0;
            for (Map.Entry<String, ScaleReliability> entry : reliability.constructs().entrySet()) {
                String id = entry.getKey();
                if (entry.getValue().items().size() >= 3) {
                    e.add(this, compare(id, entry.getValue().omega(), e.limit(this),
                            v -> "Reliability of " + e.named(id) + ": McDonald's omega " + v), c);
                }
                c++;
            }
        }
    };

    /** How a rule compares its statistic with its limit. */
    public enum Direction {
        /** The statistic must reach the limit: {@code .612 is below the minimum .70}. */
        AT_LEAST,
        /** The statistic must not exceed the limit: {@code .436 is above the maximum .40}. */
        AT_MOST,
        /** A p value must lie strictly below the limit, as significance is judged. */
        BELOW,
        /** A yes/no rule: {@code true} (on) or {@code false}/{@code off}; it has no numeric limit. */
        REQUIRED
    }

    /** How a rule's statistic (and its limit) is written, in messages and in the report's gate table. */
    public enum Scale {
        /** Bounded by 1 in magnitude (alpha, r, loadings, KMO): no leading zero, {@code .702}. */
        BOUNDED,
        /** Not bounded by 1 (VIF, χ²/df): leading zero and two decimals, {@code 1.25}. */
        UNBOUNDED,
        /** A p value: {@code p = .023}, {@code p < .001}. */
        P_VALUE
    }

    /**
     * Where a rule's checks stand in the gate's list: the order of the results (and of the
     * report). Within a section checks follow their subjects, and rules of the same subject
     * follow the declaration order of the rules.
     */
    enum Section {
        RELIABILITY, FACTORABILITY, LOADINGS, MEASUREMENT_MODEL, REGRESSIONS, HYPOTHESES
    }

    /** Messages quote statistics with three decimals, whatever the report's decimals. */
    private static final NumberFormats FORMAT = new NumberFormats(3);
    private static final Map<String, GateRule> BY_KEY = new LinkedHashMap<>();

    static {
        for (GateRule rule : values()) {
            BY_KEY.put(rule.key, rule);
        }
    }

    private final String key;
    private final Section section;
    private final Direction direction;
    private final Scale scale;
    private final String defaultLimit;
    /** The least sensible limit of an unbounded statistic; bounded statistics and p values lie in [0, 1]. */
    private final BigDecimal floor;
    /** Names the statistic's range in the message refusing a limit outside it. */
    private final String range;

    GateRule(String key, Section section, Direction direction, Scale scale, String defaultLimit, String range) {
        this(key, section, direction, scale, defaultLimit, null, range);
    }

    GateRule(String key, Section section, Direction direction, Scale scale, String defaultLimit, BigDecimal floor,
             String range) {
        this.key = key;
        this.section = section;
        this.direction = direction;
        this.scale = scale;
        this.defaultLimit = defaultLimit;
        this.floor = floor;
        this.range = range;
    }

    /**
     * Adds this rule's checks of the results to {@code evaluation}, each with its subject's
     * position (see {@link Evaluation#add}); called only when the rule is on. A rule whose
     * statistic the results do not carry (yet) adds nothing, which is what this default does.
     */
    void check(Evaluation evaluation) {
    }

    /** The key as written in {@code <thresholds>} and in each check's {@code name}, e.g. {@code minAlpha}. */
    public String key() {
        return key;
    }

    /** How the rule compares. */
    public Direction direction() {
        return direction;
    }

    /** How the rule's statistic is written. */
    public Scale scale() {
        return scale;
    }

    /** The default limit as written in {@code <thresholds>}: a number, {@code off} or {@code true}. */
    public String defaultLimit() {
        return defaultLimit;
    }

    Section section() {
        return section;
    }

    /** The rule with this key, if any. */
    public static Optional<GateRule> named(String key) {
        return Optional.ofNullable(key == null ? null : BY_KEY.get(key));
    }

    /** Every key, in declaration order. */
    public static List<String> keys() {
        return List.copyOf(BY_KEY.keySet());
    }

    /** The statistic as a message quotes it: {@code .612}, {@code 1.25}, {@code p = .023}. */
    public String format(double value) {
        return switch (scale) {
            case BOUNDED -> FORMAT.bounded(value);
            case UNBOUNDED -> FORMAT.num(value, 2);
            case P_VALUE -> FORMAT.pText(value);
        };
    }

    /** A configured limit as written, APA style: {@code 0.70 -> .70}, {@code 10 -> 10}. */
    public static String formatLimit(BigDecimal limit) {
        String text = limit.toPlainString();
        return text.startsWith("0.") ? text.substring(1) : text;
    }

    /**
     * Why a limit can never be met or never fail, or {@code null} if it is a sensible one: the
     * coefficients and p values lie between 0 and 1 (a minKmo of 1.5 would fail every study, a
     * maxBartlettP of 5 would pass every one), a VIF is at least 1.
     */
    String outOfRange(BigDecimal limit) {
        if (floor != null) {
            return limit.compareTo(floor) < 0 ? "must be at least " + floor + " (" + range + ")" : null;
        }
        if (limit.signum() < 0 || limit.compareTo(BigDecimal.ONE) > 0) {
            return "must lie between 0 and 1, the range of " + range + "; did you mean " + suggestion(limit) + "?";
        }
        return null;
    }

    /** 70 → 0.70, 1.5 → 0.15: the likely intended limit. */
    private static String suggestion(BigDecimal limit) {
        BigDecimal abs = limit.abs();
        while (abs.compareTo(BigDecimal.ONE) > 0) {
            abs = abs.movePointLeft(1);
        }
        return abs.stripTrailingZeros().toPlainString();
    }

    /**
     * The check of {@code value} against {@code limit} by this rule's direction, e.g.
     * {@code Reliability of PO (政策扶持力度): Cronbach's alpha .612 is below the minimum .70 (minAlpha)}.
     * {@code what} writes the statistic around its formatted value (a function rather than a
     * format string, so that a {@code %} in a label is text). A missing value fails: "... could
     * not be computed".
     */
    Check compare(String subject, Double value, BigDecimal limit, UnaryOperator<String> what) {
        if (value == null) {
            // the description without the value, cleaned exactly as the gate always has (messages are
            // compared byte for byte): "Item O4: loading on the component of O could not be computed"
            String text = what.apply("").replace("  ", " ").replace(" :", ":");
            return failed(subject, limit, text + " could not be computed (" + key + ")");
        }
        double l = limit.doubleValue();
        boolean passed = switch (direction) {
            case AT_LEAST -> value >= l;
            case AT_MOST -> value <= l;
            case BELOW -> value < l;
            case REQUIRED -> throw new IllegalStateException(key + " is a yes/no rule and has no limit to compare");
        };
        String verdict = switch (direction) {
            case AT_LEAST -> passed ? " meets the minimum " : " is below the minimum ";
            case AT_MOST -> passed ? " is within the maximum " : " is above the maximum ";
            default -> passed ? " is below " : " is not below ";
        };
        return new Check(key, subject, value, l, passed, what.apply(format(value)) + verdict + formatLimit(limit)
                + " (" + key + ")");
    }

    /** A failed check whose statistic could not be computed; {@code message} says why. */
    Check failed(String subject, BigDecimal limit, String message) {
        return new Check(key, subject, null, limit == null ? null : limit.doubleValue(), false, message);
    }

    private static String why(Factorability f) {
        return f.reason() == null ? "" : " (" + f.reason() + ")";
    }

    /** A check of one item's rotated loadings, given the component of its construct; {@code null} for none. */
    @FunctionalInterface
    interface ItemLoadingCheck {
        Check check(Construct construct, String item, List<Double> row, int own);
    }

    /** Runs {@code check} for every construct item whose construct has a component, in study order. */
    void eachItemWithItsComponent(Evaluation e, ItemLoadingCheck check) {
        Efa efa = e.results().efa();
        if (efa == null) {
            return;
        }
        List<Construct> constructs = e.study().constructs();
        for (int c = 0; c < constructs.size(); c++) {
            Construct construct = constructs.get(c);
            int own = e.assignment().componentOf(construct.id());
            for (int i = 0; i < construct.items().size(); i++) {
                String item = construct.items().get(i);
                List<Double> row = efa.rotatedLoadings().get(item);
                Check result = row == null || own < 0 ? null : check.check(construct, item, row, own);
                if (result != null) {
                    e.add(this, result, c, i);
                }
            }
        }
    }

    /** One check per factor of the CFA, when the results carry one. */
    void eachFactor(Evaluation e, java.util.function.BiFunction<String, Cfa.ConstructValidity, Check> check) {
        Cfa cfa = e.results().cfa();
        if (cfa == null) {
            return;
        }
        int c = 0;
        for (Map.Entry<String, Cfa.ConstructValidity> entry : cfa.constructs().entrySet()) {
            e.add(this, check.apply(entry.getKey(), entry.getValue()), c++);
        }
    }

    /**
     * The check of one fit index of the CFA; a failed one when the estimation did not converge
     * (then no index describes an optimum).
     */
    void fit(Evaluation e, String index, java.util.function.Function<CfaFit, Double> value) {
        Cfa cfa = e.results().cfa();
        if (cfa == null) {
            return;
        }
        BigDecimal limit = e.limit(this);
        e.add(this, cfa.fit() == null
                ? failed("CFA", limit, "Measurement model (CFA): " + index + " could not be computed, as the "
                        + "estimation did not converge (" + key + ")")
                : compare("CFA", value.apply(cfa.fit()), limit, v -> "Measurement model (CFA): " + index + " " + v));
    }

    private static String model(RegressionResult regression) {
        return regression.dependent() + " ~ " + String.join(" + ", regression.predictors());
    }
}
