package io.github.surveyreport.core.study;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A questionnaire study as described by a study file: where the data are, which items form
 * which constructs, and which regressions and hypotheses to test. Immutable; build one with
 * {@link StudyLoader} from a {@code study.yaml}, or directly with the canonical constructor
 * when embedding the engine.
 *
 * @param studyFile    the study file this was read from, or {@code null} when built in code
 * @param title        display title, or {@code null}
 * @param language     report language
 * @param data         where and how to read the survey data
 * @param scale        Likert range, or {@code null} for continuous data
 * @param labels       display text of columns and constructs, by name
 * @param recode       answer text to number, by column name, or {@code items} for every construct
 *                     item (a column's own map comes first); empty for none
 * @param constructs   constructs in study order
 * @param overallReliability whether Cronbach's alpha of all construct items together is computed,
 *                     reported and gated (the seed paper's "overall" row; meaningless when the
 *                     constructs are distinct traits)
 * @param efaFactors   number of components to extract, or {@code null} for Kaiser's rule
 * @param cfa          the confirmatory factor analysis of the constructs, or {@code null} for none
 * @param regressions  regression models in study order (ordinary and hierarchical)
 * @param differences  group comparisons of the construct scores, in study order
 * @param mediation    mediation models (PROCESS model 4), in study order
 * @param moderation   moderation models (PROCESS model 1), in study order
 * @param bootstrap    how indirect effects are bootstrapped
 * @param hypotheses   hypotheses in study order
 * @param significance alpha level the hypotheses are tested at
 * @param profile      sample-profile (demographics) columns in study order
 */
public record Study(
        Path studyFile,
        String title,
        Language language,
        DataSpec data,
        Scale scale,
        Map<String, String> labels,
        Map<String, Map<String, Double>> recode,
        List<Construct> constructs,
        boolean overallReliability,
        Integer efaFactors,
        CfaSpec cfa,
        List<RegressionModel> regressions,
        List<GroupComparison> differences,
        List<MediationModel> mediation,
        List<ModerationModel> moderation,
        BootstrapSpec bootstrap,
        List<Hypothesis> hypotheses,
        double significance,
        List<ProfileColumn> profile,
        ReportLayout report) implements java.io.Serializable {

    /** Default alpha level for hypotheses. */
    public static final double DEFAULT_SIGNIFICANCE = 0.05;

    public Study {
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(data, "data");
        labels = Map.copyOf(Objects.requireNonNull(labels, "labels"));
        Map<String, Map<String, Double>> recodeCopy = new java.util.LinkedHashMap<>();
        (recode == null ? Map.<String, Map<String, Double>>of() : recode)
                .forEach((column, map) -> recodeCopy.put(column, Map.copyOf(map)));
        recode = java.util.Collections.unmodifiableMap(recodeCopy);
        constructs = List.copyOf(constructs);
        regressions = List.copyOf(regressions);
        differences = differences == null ? List.of() : List.copyOf(differences);
        mediation = mediation == null ? List.of() : List.copyOf(mediation);
        moderation = moderation == null ? List.of() : List.copyOf(moderation);
        bootstrap = bootstrap == null ? BootstrapSpec.DEFAULT : bootstrap;
        hypotheses = List.copyOf(hypotheses);
        profile = List.copyOf(profile);
        report = report == null ? ReportLayout.DEFAULT : report;
    }

    /** A study with the report's default tables (no {@code report} section). */
    public Study(Path studyFile, String title, Language language, DataSpec data, Scale scale, Map<String, String> labels,
                 Map<String, Map<String, Double>> recode, List<Construct> constructs, boolean overallReliability,
                 Integer efaFactors, CfaSpec cfa, List<RegressionModel> regressions, List<GroupComparison> differences,
                 List<MediationModel> mediation, List<ModerationModel> moderation, BootstrapSpec bootstrap,
                 List<Hypothesis> hypotheses, double significance, List<ProfileColumn> profile) {
        this(studyFile, title, language, data, scale, labels, recode, constructs, overallReliability, efaFactors, cfa,
                regressions, differences, mediation, moderation, bootstrap, hypotheses, significance, profile, null);
    }

    /** This study with another data section (everything else kept). */
    public Study withData(DataSpec otherData) {
        return new Study(studyFile, title, language, otherData, scale, labels, recode, constructs, overallReliability,
                efaFactors, cfa, regressions, differences, mediation, moderation, bootstrap, hypotheses, significance,
                profile, report);
    }

    /** This study with other labels (everything else kept). */
    public Study withLabels(Map<String, String> otherLabels) {
        return new Study(studyFile, title, language, data, scale, otherLabels, recode, constructs, overallReliability,
                efaFactors, cfa, regressions, differences, mediation, moderation, bootstrap, hypotheses, significance,
                profile, report);
    }

    /** This study with another report layout (everything else kept). */
    public Study withReport(ReportLayout otherReport) {
        return new Study(studyFile, title, language, data, scale, labels, recode, constructs, overallReliability,
                efaFactors, cfa, regressions, differences, mediation, moderation, bootstrap, hypotheses, significance,
                profile, otherReport);
    }

    /** A study without group comparisons, mediation or moderation (the first version's components). */
    public Study(Path studyFile, String title, Language language, DataSpec data, Scale scale, Map<String, String> labels,
                 Map<String, Map<String, Double>> recode, List<Construct> constructs, boolean overallReliability,
                 Integer efaFactors, CfaSpec cfa, List<RegressionModel> regressions, List<Hypothesis> hypotheses,
                 double significance, List<ProfileColumn> profile) {
        this(studyFile, title, language, data, scale, labels, recode, constructs, overallReliability, efaFactors, cfa,
                regressions, List.of(), List.of(), List.of(), BootstrapSpec.DEFAULT, hypotheses, significance, profile);
    }

    /**
     * A path is not serializable (a study travels to Spark executors): the study file is written
     * as its text beside the study without it, and read back as a path.
     */
    private Object writeReplace() {
        if (studyFile == null) {
            return this;
        }
        return new SerialForm(studyFile.toString(), new Study(null, title, language, data, scale, labels, recode,
                constructs, overallReliability, efaFactors, cfa, regressions, differences, mediation, moderation,
                bootstrap, hypotheses, significance, profile, report));
    }

    private record SerialForm(String studyFile, Study study) implements java.io.Serializable {
        private Object readResolve() {
            Study s = study;
            return new Study(Path.of(studyFile), s.title, s.language, s.data, s.scale, s.labels, s.recode, s.constructs,
                    s.overallReliability, s.efaFactors, s.cfa, s.regressions, s.differences, s.mediation, s.moderation,
                    s.bootstrap, s.hypotheses, s.significance, s.profile, s.report);
        }
    }

    /** Key of {@link #recode} that applies to every construct item. */
    public static final String RECODE_ITEMS = "items";

    /** The answer-text map of a column: its own, else for a construct item the {@code items} one; empty if none. */
    public Map<String, Double> recodeOf(String column) {
        Map<String, Double> own = recode.get(column);
        if (own != null) {
            return own;
        }
        Map<String, Double> items = recode.get(RECODE_ITEMS);
        return items != null && isItem(column) ? items : Map.of();
    }

    /** The construct with this id, if any. */
    public Optional<Construct> construct(String id) {
        return constructs.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** Whether this name is a construct id (rather than a data column). */
    public boolean isConstruct(String name) {
        return construct(name).isPresent();
    }

    /**
     * Every data column parsed as a number, in a fixed order: the construct items in study order,
     * then the other columns of regressions, mediation and moderation models that are not
     * constructs and not categorical, in order of first mention. The listwise sample is taken
     * over these columns and the {@link #categoricalColumns()}.
     */
    public List<String> analysedColumns() {
        Set<String> columns = new LinkedHashSet<>();
        for (Construct construct : constructs) {
            columns.addAll(construct.items());
        }
        Set<String> categorical = new LinkedHashSet<>(categoricalColumns());
        for (String term : structuralTerms()) {
            if (!isConstruct(term) && !categorical.contains(term)) {
                columns.add(term);
            }
        }
        return List.copyOf(new ArrayList<>(columns));
    }

    /**
     * The columns read as categories that join the listwise sample: the {@code categorical}
     * columns of regressions and categorical moderators, in order of first mention. Their cells
     * may hold text.
     */
    public List<String> categoricalColumns() {
        Set<String> columns = new LinkedHashSet<>();
        for (RegressionModel model : regressions) {
            columns.addAll(model.categorical());
        }
        for (ModerationModel model : moderation) {
            if (model.categorical()) {
                columns.add(model.moderator());
            }
        }
        return List.copyOf(new ArrayList<>(columns));
    }

    /** The {@code differences.by} columns, each once: read as categories, not part of the listwise sample. */
    public List<String> groupingColumns() {
        Set<String> columns = new LinkedHashSet<>();
        differences.forEach(d -> columns.add(d.by()));
        return List.copyOf(new ArrayList<>(columns));
    }

    /** Every term of regressions, mediation and moderation models, in order of first mention. */
    private List<String> structuralTerms() {
        Set<String> terms = new LinkedHashSet<>();
        for (RegressionModel model : regressions) {
            terms.addAll(model.terms());
        }
        for (MediationModel model : mediation) {
            terms.add(model.x());
            terms.addAll(model.mediators());
            terms.add(model.y());
            terms.addAll(model.covariates());
        }
        for (ModerationModel model : moderation) {
            terms.add(model.x());
            terms.add(model.moderator());
            terms.add(model.y());
            terms.addAll(model.covariates());
        }
        return new ArrayList<>(terms);
    }

    /** Whether a column's values are reverse coded before analysis. */
    public boolean isReversed(String column) {
        return constructs.stream().anyMatch(c -> c.reverse().contains(column));
    }

    /** Whether a column is an item of some construct (and so must lie within the scale). */
    public boolean isItem(String column) {
        return constructs.stream().anyMatch(c -> c.items().contains(column));
    }

    /** The display text of a column or construct: its label, else the name itself. */
    public String label(String name) {
        String label = labels.get(name);
        if (label != null) {
            return label;
        }
        return construct(name).map(Construct::label).filter(Objects::nonNull).orElse(name);
    }
}
