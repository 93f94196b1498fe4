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
            "recode", "constructs", "reliability", "efa", "cfa", "regressions", "hypotheses", "significance",
            "profile");
    private static final Set<String> DATA_KEYS = Set.of("file", "encoding", "delimiter", "missing", "decimal",
            "format", "sheet");
    private static final Set<String> SCALE_KEYS = Set.of("min", "max");
    private static final Set<String> CONSTRUCT_KEYS = Set.of("label", "items", "reverse");
    private static final Set<String> RELIABILITY_KEYS = Set.of("overall");
    private static final Set<String> EFA_KEYS = Set.of("factors");
    private static final Set<String> CFA_KEYS = Set.of("likelihood");
    private static final Set<String> HYPOTHESIS_KEYS = Set.of("id", "path", "sign", "text");
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
            List<Hypothesis> hypotheses = parseHypotheses(root, regressions);
            double significance = parseSignificance(root);
            List<ProfileColumn> profile = parseProfile(root);
            boolean overallReliability = parseReliability(root);

            if (!problems.isEmpty()) {
                throw new StudyFileException(file, problems);
            }
            return new Study(file, title, language, data, scale, labels, recode, constructs, overallReliability, factors,
                    cfa, regressions, hypotheses, significance, profile);
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
                String text = list.string(i);
                if (text == null) {
                    continue;
                }
                try {
                    RegressionModel model = FormulaParser.parse(text);
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

        private List<Hypothesis> parseHypotheses(YamlMap root, List<RegressionModel> regressions) {
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
                String path = h.string("path");
                String signText = h.string("sign");
                Hypothesis.Sign sign = Hypothesis.Sign.POSITIVE;
                if (signText == null) {
                    if (!h.has("sign")) {
                        h.problem("sign", "is required: positive or negative");
                    }
                } else if (signText.trim().equalsIgnoreCase("positive")) {
                    sign = Hypothesis.Sign.POSITIVE;
                } else if (signText.trim().equalsIgnoreCase("negative")) {
                    sign = Hypothesis.Sign.NEGATIVE;
                } else {
                    h.problem("sign", "'" + signText + "' must be positive or negative");
                }
                if (path == null) {
                    if (!h.has("path")) {
                        h.problem("path", "is required, e.g. path: HR -> HD");
                    }
                    continue;
                }
                int arrow = path.indexOf("->");
                if (arrow < 0 || path.indexOf("->", arrow + 2) >= 0) {
                    h.problem("path", "'" + path + "' must have the form FROM -> TO, e.g. HR -> HD");
                    continue;
                }
                String from = FormulaParser.term(path.substring(0, arrow));
                String to = FormulaParser.term(path.substring(arrow + 2));
                if (from.isEmpty() || to.isEmpty()) {
                    h.problem("path", "'" + path + "' must have the form FROM -> TO, e.g. HR -> HD");
                    continue;
                }
                boolean tested = regressions.stream()
                        .anyMatch(r -> r.dependent().equals(to) && r.predictors().contains(from));
                if (!tested) {
                    List<String> models = new ArrayList<>();
                    regressions.forEach(r -> models.add(r.toString()));
                    h.problem("path", "path " + from + " -> " + to + " is in no regression: no regression has "
                            + to + " as dependent with " + from + " as predictor (regressions: "
                            + (models.isEmpty() ? "none" : String.join("; ", models)) + ")");
                }
                result.add(new Hypothesis(id, from, to, sign, h.string("text")));
            }
            return result;
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
