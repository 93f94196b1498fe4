package io.github.surveyreport.core.study;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the study file's sections of the structural analyses: {@code differences},
 * {@code mediation}, {@code moderation} and {@code bootstrap}. Problems are recorded with the
 * key and line through {@link YamlMap}; terms that are not construct ids are data columns,
 * checked against the data file's header when it is read.
 */
final class StructuralSections {
    private static final Set<String> DIFFERENCE_KEYS = Set.of("by", "posthoc");
    private static final Set<String> MEDIATION_KEYS = Set.of("x", "mediators", "y", "covariates");
    private static final Set<String> MODERATION_KEYS = Set.of("x", "moderator", "y", "covariates", "categorical");
    private static final Set<String> BOOTSTRAP_KEYS = Set.of("samples", "seed", "confidence");

    private final Set<String> constructIds;

    StructuralSections(Set<String> constructIds) {
        this.constructIds = constructIds;
    }

    /** {@code differences: [{by: 性别}, {by: 岗位, posthoc: games-howell}]}. */
    List<GroupComparison> differences(YamlMap root) {
        List<GroupComparison> result = new ArrayList<>();
        YamlList list = root.list("differences");
        if (list == null) {
            return result;
        }
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String key = "differences[" + (i + 1) + "]";
            YamlMap d = list.map(i, key);
            if (d == null) {
                continue;
            }
            d.checkKeys(DIFFERENCE_KEYS);
            String by = term(d, "by", "the grouping column, e.g. by: 性别");
            PostHocMethod posthoc = PostHocMethod.TUKEY;
            String method = d.string("posthoc");
            if (method != null) {
                posthoc = PostHocMethod.of(method).orElse(null);
                if (posthoc == null) {
                    d.problem("posthoc", "'" + method + "' must be tukey (the default), lsd, bonferroni or games-howell");
                    posthoc = PostHocMethod.TUKEY;
                }
            }
            if (by == null) {
                continue;
            }
            if (constructIds.isEmpty()) {
                d.problem("by", "differences compares the construct scores across groups, but the study has no "
                        + "constructs; add constructs or remove the entry");
                continue;
            }
            if (constructIds.contains(by)) {
                d.problem("by", by + " is a construct id; group by a data column such as gender or education "
                        + "(the construct scores are the outcomes compared)");
                continue;
            }
            if (!seen.add(by)) {
                d.problem("by", "the groups of " + by + " are already compared by an earlier entry");
                continue;
            }
            result.add(new GroupComparison(by, posthoc, list.where(i, key)));
        }
        return result;
    }

    /** {@code mediation: [{x: HR, mediators: [MA], y: HD, covariates: [PS, PO]}]}. */
    List<MediationModel> mediation(YamlMap root) {
        List<MediationModel> result = new ArrayList<>();
        YamlList list = root.list("mediation");
        if (list == null) {
            return result;
        }
        for (int i = 0; i < list.size(); i++) {
            String key = "mediation[" + (i + 1) + "]";
            YamlMap m = list.map(i, key);
            if (m == null) {
                continue;
            }
            m.checkKeys(MEDIATION_KEYS);
            String x = term(m, "x", "the independent term, e.g. x: HR");
            String y = term(m, "y", "the dependent term, e.g. y: HD");
            List<String> mediators = terms(m, "mediators");
            if (mediators == null || mediators.isEmpty()) {
                if (mediators != null || !m.has("mediators")) {
                    m.problem("mediators", "is required: one or more mediators, e.g. mediators: [MA]");
                }
                continue;
            }
            List<String> covariates = terms(m, "covariates");
            if (x == null || y == null) {
                continue;
            }
            boolean ok = distinct(m, "x", x, "y", y);
            Set<String> used = new LinkedHashSet<>(List.of(x, y));
            for (String mediator : mediators) {
                if (mediator.equals(x) || mediator.equals(y)) {
                    m.problem("mediators", "mediator " + mediator + " is also the model's " + (mediator.equals(x)
                            ? "x" : "y") + "; a mediator lies between x and y");
                    ok = false;
                } else if (!used.add(mediator)) {
                    m.problem("mediators", "mediator " + mediator + " is listed twice");
                    ok = false;
                }
            }
            ok &= covariatesDistinct(m, covariates, used);
            if (ok) {
                result.add(new MediationModel(x, mediators, y, covariates, list.where(i, key)));
            }
        }
        return result;
    }

    /** {@code moderation: [{x: PS, moderator: PO, y: HD, covariates: []}]}. */
    List<ModerationModel> moderation(YamlMap root, List<RegressionModel> regressions) {
        List<ModerationModel> result = new ArrayList<>();
        YamlList list = root.list("moderation");
        if (list == null) {
            return result;
        }
        for (int i = 0; i < list.size(); i++) {
            String key = "moderation[" + (i + 1) + "]";
            YamlMap m = list.map(i, key);
            if (m == null) {
                continue;
            }
            m.checkKeys(MODERATION_KEYS);
            String x = term(m, "x", "the focal predictor, e.g. x: PS");
            String w = term(m, "moderator", "the moderator, e.g. moderator: PO");
            String y = term(m, "y", "the dependent term, e.g. y: HD");
            List<String> covariates = terms(m, "covariates");
            List<String> categorical = m.has("categorical") ? m.stringList("categorical", false) : List.of();
            if (x == null || w == null || y == null) {
                continue;
            }
            boolean ok = distinct(m, "x", x, "moderator", w) & distinct(m, "x", x, "y", y)
                    & distinct(m, "moderator", w, "y", y);
            ok &= covariatesDistinct(m, covariates, new LinkedHashSet<>(List.of(x, w, y)));
            boolean categoricalModerator = regressions.stream().anyMatch(r -> r.categorical().contains(w));
            if (categorical != null) {
                for (String c : categorical) {
                    if (c.equals(w)) {
                        categoricalModerator = true;
                    } else {
                        m.problem("categorical", c + " is not the moderator (" + w + "); only the moderator may be "
                                + "categorical in a moderation model (two categories)");
                        ok = false;
                    }
                }
            }
            if (categoricalModerator && constructIds.contains(w)) {
                m.problem("categorical", w + " is a construct id; only a data column can be categorical");
                ok = false;
            }
            if (ok) {
                result.add(new ModerationModel(x, w, y, covariates, categoricalModerator, list.where(i, key)));
            }
        }
        return result;
    }

    /** {@code bootstrap: {samples: 5000, seed: 20240101, confidence: 0.95}}; absent: the defaults. */
    BootstrapSpec bootstrap(YamlMap root) {
        YamlMap b = root.map("bootstrap");
        if (b == null) {
            return BootstrapSpec.DEFAULT;
        }
        b.checkKeys(BOOTSTRAP_KEYS);
        BootstrapSpec defaults = BootstrapSpec.DEFAULT;
        int samples = defaults.samples();
        long seed = defaults.seed();
        double confidence = defaults.confidence();
        Double s = b.has("samples") ? b.number("samples", true) : null;
        if (s != null) {
            if (s != Math.rint(s) || s < BootstrapSpec.MIN_SAMPLES || s > 1_000_000) {
                b.problem("samples", YamlMap.plain(s) + " must be a whole number from " + BootstrapSpec.MIN_SAMPLES
                        + " to 1000000 (PROCESS uses 5000; fewer than " + BootstrapSpec.MIN_SAMPLES + " resamples make "
                        + "the interval's ends themselves noisy)");
            } else {
                samples = s.intValue();
            }
        }
        Double seedValue = b.has("seed") ? b.number("seed", true) : null;
        if (seedValue != null) {
            if (seedValue != Math.rint(seedValue) || Math.abs(seedValue) > 9.007199254740992E15) {
                b.problem("seed", YamlMap.plain(seedValue) + " must be a whole number, e.g. 20240101");
            } else {
                seed = seedValue.longValue();
            }
        }
        Double c = b.has("confidence") ? b.number("confidence", true) : null;
        if (c != null) {
            if (!(c > 0 && c < 1)) {
                b.problem("confidence", YamlMap.plain(c) + " must lie between 0 and 1, e.g. 0.95");
            } else {
                confidence = c;
            }
        }
        return new BootstrapSpec(samples, seed, confidence);
    }

    private static String term(YamlMap m, String key, String example) {
        String value = m.string(key);
        if (value == null) {
            if (!m.has(key)) {
                m.problem(key, "is required: " + example);
            }
            return null;
        }
        String term = FormulaParser.term(value);
        if (term.isEmpty()) {
            m.problem(key, "must not be empty: " + example);
            return null;
        }
        return term;
    }

    /** A list of terms, or one term written without brackets; {@code null} after a problem. */
    private static List<String> terms(YamlMap m, String key) {
        if (!m.has(key)) {
            return List.of();
        }
        List<String> values = m.stringList(key, false);
        if (values == null) {
            String single = m.string(key);
            return single == null ? null : List.of(FormulaParser.term(single));
        }
        List<String> terms = new ArrayList<>();
        values.forEach(v -> terms.add(FormulaParser.term(v)));
        return terms;
    }

    private static boolean distinct(YamlMap m, String keyA, String a, String keyB, String b) {
        if (a.equals(b)) {
            m.problem(keyB, keyA + " and " + keyB + " are both " + a + "; they must be different terms");
            return false;
        }
        return true;
    }

    private static boolean covariatesDistinct(YamlMap m, List<String> covariates, Set<String> used) {
        if (covariates == null) {
            return false;
        }
        boolean ok = true;
        for (String covariate : covariates) {
            if (!used.add(covariate)) {
                m.problem("covariates", "covariate " + covariate + " is already a term of the model (x, y, a mediator, "
                        + "the moderator or another covariate)");
                ok = false;
            }
        }
        return ok;
    }
}
