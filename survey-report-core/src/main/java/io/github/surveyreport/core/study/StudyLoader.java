package io.github.surveyreport.core.study;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads and validates a study file ({@code study.yaml}). The YAML is parsed in safe mode (no
 * type construction: only the node tree is read), and every problem found is collected and
 * reported together, each naming its key and line.
 */
public final class StudyLoader {

    private static final Set<String> TOP_KEYS = Set.of("title", "language", "data", "scale", "labels",
            "recode", "constructs", "reliability", "efa", "cfa", "regressions", "differences", "mediation",
            "moderation", "bootstrap", "hypotheses", "significance",
            "profile", "report");
    private static final Set<String> REPORT_KEYS = Set.of("tables", "supplement");
    private static final Set<String> DATA_KEYS = Set.of("file", "encoding", "delimiter", "missing", "decimal",
            "format", "sheet");
    private static final Set<String> SCALE_KEYS = Set.of("min", "max");
    private static final Set<String> CONSTRUCT_KEYS = Set.of("label", "items", "reverse");
    private static final Set<String> RELIABILITY_KEYS = Set.of("overall");
    private static final Set<String> EFA_KEYS = Set.of("factors");
    private static final Set<String> CFA_KEYS = Set.of("likelihood");
    private static final Set<String> HYPOTHESIS_KEYS = Set.of("id", "path", "indirect", "interaction", "sign",
            "expect", "text");
    private static final Set<String> HIERARCHICAL_KEYS = Set.of("dv", "blocks", "categorical");
    private static final Set<String> PROFILE_KEYS = Set.of("column", "label", "multiple", "order");

    private StudyLoader() {
    }

    /**
     * Loads a study file.
     *
     * @param studyFile path of the YAML file; relative data paths resolve against its directory
     * @return the validated study
     * @throws StudyFileException if the file is missing, unreadable or invalid
     */
    public static Study load(Path studyFile) {
        String text = readUtf8(studyFile);
        Node root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            options.setMaxAliasesForCollections(50);
            root = new Yaml(new SafeConstructor(options)).compose(new java.io.StringReader(text));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1 : 0;
            throw new StudyFileException(studyFile,
                    List.of("line " + line + ": not valid YAML: " + e.getProblem()));
        } catch (YAMLException e) {
            throw new StudyFileException(studyFile, List.of("not valid YAML: " + e.getMessage()));
        }
        if (root == null) {
            throw new StudyFileException(studyFile, List.of("the file is empty; it needs at least data.file"));
        }
        return new Parser(studyFile).parse(root);
    }

    private static String readUtf8(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new StudyFileException(file, List.of("the file does not exist"));
        } catch (IOException e) {
            throw new StudyFileException(file, List.of("cannot be read: "
                    + io.github.surveyreport.core.internal.IoErrors.reason(e)));
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new StudyFileException(file, List.of(
                    "is not UTF-8; save it as UTF-8 (the data file may use any encoding, the study file must be UTF-8)"));
        }
    }

    /**
     * Why a file name cannot be a path here: usually a non-ASCII name under the POSIX ("C")
     * locale, where Java encodes file names in ASCII.
     */
    static String unusablePath(String name, java.nio.file.InvalidPathException e) {
        String encoding = System.getProperty("sun.jnu.encoding", "");
        boolean nonAscii = !name.chars().allMatch(c -> c < 128);
        if (nonAscii && !encoding.toUpperCase(java.util.Locale.ROOT).contains("UTF")) {
            return "'" + name + "' cannot be used as a file name by this Java process: it encodes file names as "
                    + encoding + " (the POSIX/C locale), which has no characters for this name. Run the build "
                    + "under a UTF-8 locale (e.g. export LC_ALL=C.UTF-8, or LANG=en_US.UTF-8), or give the file an "
                    + "ASCII name";
        }
        return "'" + io.github.surveyreport.core.internal.Text.forMessage(name) + "' is not a valid file name here: "
                + e.getReason();
    }

    /** One parse of one file; collects problems as it goes. */
    private static final class Parser {
        private final Path file;
        private final List<String> problems = new ArrayList<>();

        Parser(Path file) {
            this.file = file;
        }

        Study parse(Node rootNode) {
            YamlMap root = YamlMap.of(rootNode, "", problems);
            if (root == null) {
                throw new StudyFileException(file, problems);
            }
            root.checkKeys(TOP_KEYS);

            String title = root.string("title");
            Language language = parseLanguage(root);
            DataSpec data = parseData(root);
            Scale scale = parseScale(root);
            Map<String, String> labels = parseLabels(root);
            Map<String, Map<String, Double>> recode = parseRecode(root);
            List<Construct> constructs = parseConstructs(root, scale);
            Integer factors = parseEfa(root, constructs);
            CfaSpec cfa = parseCfa(root);
            List<RegressionModel> regressions = parseRegressions(root, constructs);
            Set<String> ids = new LinkedHashSet<>();
            constructs.forEach(c -> ids.add(c.id()));
            StructuralSections structural = new StructuralSections(ids);
            List<GroupComparison> differences = structural.differences(root);
            List<MediationModel> mediation = structural.mediation(root);
            List<ModerationModel> moderation = structural.moderation(root, regressions);
            BootstrapSpec bootstrap = structural.bootstrap(root);
            List<Hypothesis> hypotheses = parseHypotheses(root, regressions, mediation, moderation);
            double significance = parseSignificance(root);
            List<ProfileColumn> profile = parseProfile(root);
            boolean overallReliability = parseReliability(root);
            ReportLayout report = parseReport(root);

            if (!problems.isEmpty()) {
                throw new StudyFileException(file, problems);
            }
            return new Study(file, title, language, data, scale, labels, recode, constructs, overallReliability, factors,
                    cfa, regressions, differences, mediation, moderation, bootstrap, hypotheses, significance, profile,
                    report);
        }

        /**
         * {@code report: {tables: [...], supplement: [...]}}: the report's tables and figures and
         * their order (see {@link ReportLayout}); each name once, from {@link ReportLayout#NAMES}.
         */
        private ReportLayout parseReport(YamlMap root) {
            YamlMap report = root.map("report");
            if (report == null) {
                return ReportLayout.DEFAULT;
            }
            report.checkKeys(REPORT_KEYS);
            Set<String> seen = new LinkedHashSet<>();
            List<String> tables = reportSection(report, "tables", seen);
            List<String> supplement = reportSection(report, "supplement", seen);
            return ReportLayout.of(tables, supplement);
        }

        private List<String> reportSection(YamlMap report, String key, Set<String> seen) {
            if (!report.has(key)) {
                return null;
            }
            List<String> names = report.stringList(key, true);
            if (names == null) {
                return null;
            }
            List<String> valid = new ArrayList<>();
            for (String raw : names) {
                String name = raw.trim().toLowerCase(java.util.Locale.ROOT);
                if (!ReportLayout.NAMES.contains(name)) {
                    report.problem(key, "'" + raw + "' is not a table of the report; use "
                            + String.join(", ", ReportLayout.NAMES));
                } else if (!seen.add(name)) {
                    report.problem(key, "'" + name + "' is listed twice; each table appears once");
                } else {
                    valid.add(name);
                }
            }
            return valid;
        }

        /** {@code reliability: {overall: true|false}}: whether alpha over all construct items is computed. */
        private boolean parseReliability(YamlMap root) {
            YamlMap reliability = root.map("reliability");
            if (reliability == null) {
                return true;
            }
            reliability.checkKeys(RELIABILITY_KEYS);
            String overall = reliability.string("overall");
            if (overall == null) {
                return true;
            }
            switch (overall.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "true":
                    return true;
                case "false":
                    return false;
                default:
                    reliability.problem("overall", "'" + overall + "' must be true or false");
                    return true;
            }
        }

        private Language parseLanguage(YamlMap root) {
            String value = root.string("language");
            if (value == null) {
                return Language.EN;
            }
            switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "en":
                    return Language.EN;
                case "zh":
                    return Language.ZH;
                default:
                    root.problem("language", "'" + value + "' is not a supported language; use zh or en");
                    return Language.EN;
            }
        }

        private DataSpec parseData(YamlMap root) {
            YamlMap data = root.map("data");
            if (data == null) {
                if (!root.has("data")) {
                    root.problem("data", "is required: give at least data.file, the survey data (CSV) to read");
                }
                return DataSpec.of(Path.of("."));
            }
            data.checkKeys(DATA_KEYS);
            String fileName = data.string("file");
            Path dataFile = Path.of(".");
            if (fileName == null || fileName.isBlank()) {
                if (!data.has("file")) {
                    data.problem("file", "is required: the survey data (CSV), relative to the study file");
                } else {
                    data.problem("file", "is empty");
                }
            } else {
                Path base = file.toAbsolutePath().getParent();
                try {
                    dataFile = base.resolve(fileName).normalize();
                } catch (java.nio.file.InvalidPathException e) {
                    data.problem("file", unusablePath(fileName, e));
                }
            }
            String encoding = data.string("encoding");
            if (encoding != null && encoding.trim().equalsIgnoreCase("auto")) {
                encoding = null;
            } else if (encoding != null) {
                encoding = encoding.trim();
                try {
                    Charset.forName(encoding);
                } catch (UnsupportedCharsetException | IllegalCharsetNameException e) {
                    data.problem("encoding", "'" + encoding
                            + "' is not a known charset; use auto, UTF-8, GBK, GB18030, UTF-16 or another Java charset name");
                }
            }
            Character delimiter = null;
            String delimiterText = data.string("delimiter");
            if (delimiterText != null) {
                String d = delimiterText.equals("\\t") || delimiterText.equalsIgnoreCase("tab") ? "\t" : delimiterText;
                if (d.length() != 1 || d.charAt(0) == '"' || d.charAt(0) == '\n' || d.charAt(0) == '\r') {
                    data.problem("delimiter", "'" + delimiterText + "' must be one character such as \",\", \";\" or \"\\t\"");
                } else {
                    delimiter = d.charAt(0);
                }
            }
            List<String> missing = data.has("missing") ? data.stringList("missing", true) : DataSpec.DEFAULT_MISSING;
            if (missing == null) {
                missing = DataSpec.DEFAULT_MISSING;
            }
            List<String> trimmedMissing = new ArrayList<>();
            for (String m : missing) {
                trimmedMissing.add(m.trim());
            }
            boolean decimalComma = false;
            String decimal = data.string("decimal");
            if (decimal != null) {
                if (decimal.equals(",")) {
                    decimalComma = true;
                } else if (!decimal.equals(".")) {
                    data.problem("decimal", "'" + decimal + "' must be \".\" or \",\"");
                }
            }
            if (decimalComma && delimiter != null && delimiter == ',') {
                data.problem("decimal", "a decimal comma needs another delimiter than \",\" (e.g. delimiter: \";\")");
            }
            String format = data.string("format");
            if (format != null) {
                format = format.trim().toLowerCase(java.util.Locale.ROOT);
                if (format.equals("auto")) {
                    format = null;
                } else if (format.equals("tsv") || format.equals("txt")) {
                    format = "csv";
                } else if (format.equals("zsav")) {
                    format = "sav";
                } else if (!DataSpec.FORMATS.contains(format)) {
                    data.problem("format", "'" + format + "' is not a data format; use auto (the default: recognised from "
                            + "the file's first bytes), " + String.join(", ", DataSpec.FORMATS));
                    format = null;
                }
            }
            String sheet = data.string("sheet");
            return new DataSpec(dataFile, encoding, delimiter, trimmedMissing, decimalComma, format,
                    sheet == null || sheet.isBlank() ? null : sheet.strip());
        }

        private Scale parseScale(YamlMap root) {
            YamlMap scale = root.map("scale");
            if (scale == null) {
                return null;
            }
            scale.checkKeys(SCALE_KEYS);
            Double min = scale.number("min", true);
            Double max = scale.number("max", true);
            if (min == null || max == null) {
                return null;
            }
            if (!(min < max)) {
                scale.problem("min", "min " + YamlMap.plain(min) + " must be below max " + YamlMap.plain(max));
                return null;
            }
            return new Scale(min, max);
        }

        /**
         * {@code recode: {items: {非常同意: 5, ...}, 性别: {男: 1, 女: 2}}}: answer text to numbers, per
         * column or for every construct item. Keys are compared as the cells are, trimmed.
         */
        private Map<String, Map<String, Double>> parseRecode(YamlMap root) {
            YamlMap recode = root.map("recode");
            Map<String, Map<String, Double>> result = new LinkedHashMap<>();
            if (recode == null) {
                return result;
            }
            for (String column : recode.keys()) {
                YamlMap map = recode.map(column);
                if (map == null) {
                    continue;
                }
                Map<String, Double> codes = new LinkedHashMap<>();
                for (String text : map.keys()) {
                    Double value = map.number(text, true);
                    if (value != null) {
                        codes.put(text.strip(), value);
                    }
                }
                if (codes.isEmpty() && map.keys().isEmpty()) {
                    recode.problem(column, "maps no answer; give answer: number pairs, e.g. {非常同意: 5}");
                }
                result.put(column, codes);
            }
            return result;
        }

        private Map<String, String> parseLabels(YamlMap root) {
            YamlMap labels = root.map("labels");
            Map<String, String> result = new LinkedHashMap<>();
            if (labels != null) {
                for (String key : labels.keys()) {
                    String value = labels.string(key);
                    if (value != null) {
                        result.put(key, value);
                    }
                }
            }
            return result;
        }

        private List<Construct> parseConstructs(YamlMap root, Scale scale) {
            YamlMap constructs = root.map("constructs");
            List<Construct> result = new ArrayList<>();
            if (constructs == null) {
                return result;
            }
            Map<String, String> ownerOfItem = new HashMap<>();
            for (String id : constructs.keys()) {
                YamlMap definition = constructs.map(id);
                if (definition == null) {
                    continue;
                }
                definition.checkKeys(CONSTRUCT_KEYS);
                String label = definition.string("label");
                List<String> items = definition.stringList("items", false);
                if (items == null) {
                    if (!definition.has("items")) {
                        definition.problem("items", "is required: the item columns of construct " + id);
                    }
                    continue;
                }
                if (items.isEmpty()) {
                    definition.problem("items", "construct " + id + " has no items");
                    continue;
                }
                Set<String> seen = new LinkedHashSet<>();
                for (String item : items) {
                    if (!seen.add(item)) {
                        definition.problem("items", "item " + item + " is listed twice");
                    }
                    String owner = ownerOfItem.putIfAbsent(item, id);
                    if (owner != null && !owner.equals(id)) {
                        definition.problem("items", "item " + item + " is already an item of construct " + owner
                                + "; an item can belong to one construct only");
                    }
                }
                List<String> reverse = definition.has("reverse") ? definition.stringList("reverse", false) : List.of();
                if (reverse == null) {
                    reverse = List.of();
                }
                for (String r : reverse) {
                    if (!items.contains(r)) {
                        definition.problem("reverse", "'" + r + "' is not an item of construct " + id
                                + " (its items: " + String.join(", ", items) + ")");
                    }
                }
                if (!reverse.isEmpty() && scale == null) {
                    definition.problem("reverse", "reverse coding needs the Likert range: add scale: {min: 1, max: 5} "
                            + "(with your scale's end points) to the study file");
                }
                result.add(new Construct(id, label, items, reverse));
            }
            return result;
        }

        private Integer parseEfa(YamlMap root, List<Construct> constructs) {
            YamlMap efa = root.map("efa");
            if (efa == null) {
                return null;
            }
            efa.checkKeys(EFA_KEYS);
            if (!efa.has("factors")) {
                return null;
            }
            String value = efa.string("factors");
            if (value == null) {
                return null;
            }
            if (value.trim().equalsIgnoreCase("kaiser")) {
                return null;
            }
            try {
                int factors = Integer.parseInt(value.trim());
                if (factors < 1) {
                    efa.problem("factors", "must be at least 1, or kaiser");
                    return null;
                }
                int items = constructs.stream().mapToInt(c -> c.items().size()).sum();
                if (items > 0 && factors > items) {
                    efa.problem("factors", factors + " components requested but the constructs have only " + items
                            + " items; at most " + items + " can be extracted");
                }
                return factors;
            } catch (NumberFormatException e) {
                efa.problem("factors", "'" + value + "' must be a whole number or kaiser");
                return null;
            }
        }

        /** {@code cfa:} alone (or {@code cfa: {}}) turns the CFA on with the default likelihood. */
        private CfaSpec parseCfa(YamlMap root) {
            if (!root.has("cfa")) {
                return null;
            }
            YamlMap cfa = root.map("cfa");
            if (cfa == null) {
                return CfaSpec.DEFAULT; // "cfa:" with no value; a non-mapping value is a problem recorded by map()
            }
            cfa.checkKeys(CFA_KEYS);
            String value = cfa.string("likelihood");
            if (value == null) {
                return CfaSpec.DEFAULT;
            }
            switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "wishart":
                    return new CfaSpec(CfaSpec.Likelihood.WISHART);
                case "normal":
                    return new CfaSpec(CfaSpec.Likelihood.NORMAL);
                default:
                    cfa.problem("likelihood", "'" + value + "' must be wishart (covariances and chi-square with N - 1, "
                            + "as AMOS; the default) or normal (with N, as lavaan)");
                    return CfaSpec.DEFAULT;
            }
        }

        private List<RegressionModel> parseRegressions(YamlMap root, List<Construct> constructs) {
            List<RegressionModel> result = new ArrayList<>();
            YamlList list = root.list("regressions");
            if (list == null) {
                return result;
            }
            Set<String> constructIds = new LinkedHashSet<>();
            constructs.forEach(c -> constructIds.add(c.id()));
            for (int i = 0; i < list.size(); i++) {
                String key = "regressions[" + (i + 1) + "]";
                if (list.isMap(i)) {
                    RegressionModel model = hierarchical(list, i, key, constructIds);
                    if (model != null) {
                        result.add(model);
                    }
                    continue;
                }
                String text = list.string(i);
                if (text == null) {
                    continue;
                }
                try {
                    RegressionModel parsed = FormulaParser.parse(text);
                    RegressionModel model = new RegressionModel(parsed.dependent(), parsed.blocks(), List.of(),
                            list.where(i, key));
                    Set<String> terms = new LinkedHashSet<>();
                    for (String term : model.terms()) {
                        if (!terms.add(term)) {
                            list.problem(i, key, "term " + term + " appears twice in '" + text + "'");
                        }
                    }
                    result.add(model);
                } catch (IllegalArgumentException e) {
                    list.problem(i, key, e.getMessage());
                }
            }
            return result;
        }

        /** {@code {dv: HD, blocks: [[性别, 年龄], [HR, PS]], categorical: [性别]}}. */
        private RegressionModel hierarchical(YamlList list, int i, String key, Set<String> constructIds) {
            YamlMap m = list.map(i, key);
            if (m == null) {
                return null;
            }
            m.checkKeys(HIERARCHICAL_KEYS);
            String dv = m.string("dv");
            if (dv == null) {
                m.problem("dv", "is required: the dependent term, e.g. dv: HD");
            }
            List<List<String>> blocks = new ArrayList<>();
            YamlList blockList = m.list("blocks");
            if (blockList == null) {
                if (!m.has("blocks")) {
                    m.problem("blocks", "is required: the terms each step adds, e.g. blocks: [[gender, age], [HR, PS]]");
                }
                return null;
            }
            Set<String> seen = new LinkedHashSet<>();
            if (dv != null) {
                seen.add(dv.trim());
            }
            for (int b = 0; b < blockList.size(); b++) {
                String blockKey = key + ".blocks[" + (b + 1) + "]";
                YamlList terms = blockList.list(b, blockKey);
                if (terms == null) {
                    continue;
                }
                List<String> block = new ArrayList<>();
                for (int t = 0; t < terms.size(); t++) {
                    String term = terms.string(t);
                    if (term == null) {
                        continue;
                    }
                    term = FormulaParser.term(term);
                    if (!seen.add(term)) {
                        terms.problem(t, blockKey + "[" + (t + 1) + "]", "term " + term + " appears twice in the "
                                + "regression (as the dependent or in an earlier block)");
                        continue;
                    }
                    block.add(term);
                }
                if (block.isEmpty()) {
                    blockList.problem(b, blockKey, "a block needs at least one term");
                    continue;
                }
                blocks.add(block);
            }
            if (blocks.isEmpty()) {
                m.problem("blocks", "needs at least one block of terms");
                return null;
            }
            List<String> categorical = m.has("categorical") ? m.stringList("categorical", false) : List.of();
            categorical = categorical == null ? List.of() : categorical;
            List<String> all = new ArrayList<>();
            blocks.forEach(all::addAll);
            for (String c : categorical) {
                if (constructIds.contains(c)) {
                    m.problem("categorical", c + " is a construct id; only data columns can be categorical");
                } else if (c.equals(dv)) {
                    m.problem("categorical", c + " is the dependent term; the dependent of a regression must be "
                            + "numeric");
                } else if (!all.contains(c)) {
                    m.problem("categorical", c + " is not a term of this regression's blocks ("
                            + String.join(", ", all) + ")");
                }
            }
            return dv == null ? null : new RegressionModel(dv.trim(), blocks, categorical, list.where(i, key));
        }

        private List<Hypothesis> parseHypotheses(YamlMap root, List<RegressionModel> regressions,
                                                 List<MediationModel> mediation, List<ModerationModel> moderation) {
            List<Hypothesis> result = new ArrayList<>();
            YamlList list = root.list("hypotheses");
            if (list == null) {
                return result;
            }
            Set<String> ids = new LinkedHashSet<>();
            for (int i = 0; i < list.size(); i++) {
                YamlMap h = list.map(i, "hypotheses[" + (i + 1) + "]");
                if (h == null) {
                    continue;
                }
                h.checkKeys(HYPOTHESIS_KEYS);
                String id = h.string("id");
                if (id == null) {
                    id = "H" + (i + 1);
                } else if (!ids.add(id)) {
                    h.problem("id", "hypothesis id " + id + " is used twice");
                }
                Hypothesis.Sign sign = sign(h);
                boolean expected = expectation(h);
                List<String> kinds = new ArrayList<>();
                for (String k : List.of("path", "indirect", "interaction")) {
                    if (h.has(k)) {
                        kinds.add(k);
                    }
                }
                if (kinds.size() != 1) {
                    h.problem(kinds.isEmpty() ? "path" : kinds.get(1), kinds.isEmpty()
                            ? "is required (or indirect:, or interaction:), e.g. path: HR -> HD"
                            : "a hypothesis has one of path, indirect and interaction, not " + String.join(" and ", kinds));
                    continue;
                }
                String kind = kinds.get(0);
                String text = h.string(kind);
                if (text == null) {
                    continue;
                }
                Hypothesis parsed = switch (kind) {
                    case "path" -> pathHypothesis(h, id, text, sign, expected, regressions);
                    case "indirect" -> indirectHypothesis(h, id, text, sign, expected, mediation);
                    default -> interactionHypothesis(h, id, text, sign, expected, moderation);
                };
                if (parsed != null) {
                    result.add(parsed);
                }
            }
            return result;
        }

        private static Hypothesis.Sign sign(YamlMap h) {
            String signText = h.string("sign");
            if (signText == null) {
                if (!h.has("sign")) {
                    h.problem("sign", "is required: positive or negative");
                }
            } else if (signText.trim().equalsIgnoreCase("negative")) {
                return Hypothesis.Sign.NEGATIVE;
            } else if (!signText.trim().equalsIgnoreCase("positive")) {
                h.problem("sign", "'" + signText + "' must be positive or negative");
            }
            return Hypothesis.Sign.POSITIVE;
        }

        /** {@code expect: supported} (the default) or {@code expect: not supported}. */
        private static boolean expectation(YamlMap h) {
            String text = h.string("expect");
            if (text == null) {
                return true;
            }
            String normalized = text.trim().toLowerCase(java.util.Locale.ROOT).replaceAll("[\\s_-]+", " ");
            if (normalized.equals("supported") || normalized.equals("true")) {
                return true;
            }
            if (normalized.equals("not supported") || normalized.equals("unsupported") || normalized.equals("false")) {
                return false;
            }
            h.problem("expect", "'" + text + "' must be supported or not supported (what the manuscript reports)");
            return true;
        }

        private static Hypothesis pathHypothesis(YamlMap h, String id, String path, Hypothesis.Sign sign,
                                                 boolean expected, List<RegressionModel> regressions) {
            List<String> parts = arrows(path);
            if (parts.size() != 2) {
                h.problem("path", "'" + path + "' must have the form FROM -> TO, e.g. HR -> HD"
                        + (parts.size() == 3 ? " (a mediated path is written indirect: " + path + ")" : ""));
                return null;
            }
            String from = parts.get(0);
            String to = parts.get(1);
            boolean tested = regressions.stream()
                    .anyMatch(r -> r.dependent().equals(to) && r.predictors().contains(from));
            if (!tested) {
                List<String> models = new ArrayList<>();
                regressions.forEach(r -> models.add(r.toString()));
                h.problem("path", "path " + from + " -> " + to + " is in no regression: no regression has "
                        + to + " as dependent with " + from + " as predictor (regressions: "
                        + (models.isEmpty() ? "none" : String.join("; ", models)) + ")");
            } else if (regressions.stream().anyMatch(r -> r.dependent().equals(to) && r.isCategorical(from)
                    && r.predictors().contains(from))) {
                h.problem("path", from + " is a categorical term, with one coefficient per category; a path "
                        + "hypothesis needs a numeric predictor");
            }
            return new Hypothesis(id, Hypothesis.Kind.PATH, from, null, to, sign, expected, h.string("text"));
        }

        private static Hypothesis indirectHypothesis(YamlMap h, String id, String path, Hypothesis.Sign sign,
                                                     boolean expected, List<MediationModel> mediation) {
            List<String> parts = arrows(path);
            if (parts.size() != 3) {
                h.problem("indirect", "'" + path + "' must have the form X -> M -> Y, e.g. HR -> MA -> HD");
                return null;
            }
            String x = parts.get(0);
            String m = parts.get(1);
            String y = parts.get(2);
            boolean tested = mediation.stream()
                    .anyMatch(model -> model.x().equals(x) && model.y().equals(y) && model.mediators().contains(m));
            if (!tested) {
                List<String> models = new ArrayList<>();
                mediation.forEach(model -> models.add(model.toString()));
                h.problem("indirect", x + " -> " + m + " -> " + y + " is in no mediation model: none has x: " + x
                        + ", y: " + y + " and " + m + " among its mediators (mediation: "
                        + (models.isEmpty() ? "none" : String.join("; ", models)) + ")");
            }
            return new Hypothesis(id, Hypothesis.Kind.INDIRECT, x, m, y, sign, expected, h.string("text"));
        }

        private static Hypothesis interactionHypothesis(YamlMap h, String id, String text, Hypothesis.Sign sign,
                                                        boolean expected, List<ModerationModel> moderation) {
            List<String> parts = arrows(text);
            String[] factors = parts.size() == 2 ? parts.get(0).split("\\s+[x×*]\\s+|\\s*[×*]\\s*") : new String[0];
            if (factors.length != 2) {
                h.problem("interaction", "'" + text + "' must have the form X x W -> Y, e.g. PS x PO -> HD");
                return null;
            }
            String x = FormulaParser.term(factors[0]);
            String w = FormulaParser.term(factors[1]);
            String y = parts.get(1);
            boolean tested = moderation.stream().anyMatch(model -> model.y().equals(y)
                    && (model.x().equals(x) && model.moderator().equals(w)
                    || model.x().equals(w) && model.moderator().equals(x)));
            if (!tested) {
                List<String> models = new ArrayList<>();
                moderation.forEach(model -> models.add(model.toString()));
                h.problem("interaction", x + " x " + w + " -> " + y + " is in no moderation model (moderation: "
                        + (models.isEmpty() ? "none" : String.join("; ", models)) + ")");
            }
            return new Hypothesis(id, Hypothesis.Kind.INTERACTION, x, w, y, sign, expected, h.string("text"));
        }

        /** The terms of {@code A -> B -> C}, trimmed and unquoted; an empty list if a term is empty. */
        private static List<String> arrows(String text) {
            List<String> parts = new ArrayList<>();
            for (String part : text.split("->", -1)) {
                String term = FormulaParser.term(part);
                if (term.isEmpty()) {
                    return List.of();
                }
                parts.add(term);
            }
            return parts;
        }

        private double parseSignificance(YamlMap root) {
            if (!root.has("significance")) {
                return Study.DEFAULT_SIGNIFICANCE;
            }
            Double value = root.number("significance", true);
            if (value == null) {
                return Study.DEFAULT_SIGNIFICANCE;
            }
            if (!(value > 0 && value < 1)) {
                root.problem("significance", YamlMap.plain(value) + " must lie between 0 and 1, e.g. 0.05");
            }
            return value;
        }

        private List<ProfileColumn> parseProfile(YamlMap root) {
            List<ProfileColumn> result = new ArrayList<>();
            YamlList list = root.list("profile");
            if (list == null) {
                return result;
            }
            for (int i = 0; i < list.size(); i++) {
                YamlMap p = list.map(i, "profile[" + (i + 1) + "]");
                if (p == null) {
                    continue;
                }
                p.checkKeys(PROFILE_KEYS);
                String column = p.string("column");
                if (column == null) {
                    if (!p.has("column")) {
                        p.problem("column", "is required: the data column to tabulate");
                    }
                    continue;
                }
                String multiple = p.string("multiple");
                if (multiple != null && multiple.isEmpty()) {
                    p.problem("multiple", "the separator of a multi-select answer must not be empty, e.g. \";\"");
                    multiple = null;
                }
                List<String> order = p.has("order") ? p.stringList("order", false) : List.of();
                result.add(new ProfileColumn(column, p.string("label"), multiple, order == null ? List.of() : order));
            }
            return result;
        }
    }
}
