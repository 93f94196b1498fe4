package io.github.surveyreport.core.study;

import io.github.surveyreport.core.internal.Text;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A YAML mapping read as a study-file section: typed access by key, and problems recorded with
 * the dotted key path and the line number, so that messages point at what to edit.
 */
final class YamlMap {
    private final String path;
    private final Node node;
    private final Map<String, NodeTuple> entries;
    private final List<String> problems;

    private YamlMap(String path, Node node, Map<String, NodeTuple> entries, List<String> problems) {
        this.path = path;
        this.node = node;
        this.entries = entries;
        this.problems = problems;
    }

    /** The mapping at {@code node}, or {@code null} (with a problem recorded) if it is not one. */
    static YamlMap of(Node node, String path, List<String> problems) {
        if (!(node instanceof MappingNode)) {
            problems.add(at(node, path) + "must be a mapping of keys to values"
                    + (path.isEmpty() ? " (e.g. data: {file: responses.csv})" : ""));
            return null;
        }
        Map<String, NodeTuple> entries = new LinkedHashMap<>();
        for (NodeTuple tuple : ((MappingNode) node).getValue()) {
            Node keyNode = tuple.getKeyNode();
            if (!(keyNode instanceof ScalarNode)) {
                problems.add(at(keyNode, path) + "keys must be plain names");
                continue;
            }
            String key = checkedText(((ScalarNode) keyNode).getValue(), keyNode, path, problems);
            if (entries.containsKey(key)) {
                problems.add(at(keyNode, join(path, key)) + "key " + key + " is given twice");
                continue;
            }
            entries.put(key, tuple);
        }
        return new YamlMap(path, node, entries, problems);
    }

    static String at(Node node, String path) {
        String line = "line " + (node.getStartMark().getLine() + 1);
        return path.isEmpty() ? line + ": " : line + ", " + path + ": ";
    }

    static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** Renders a number as written, without a trailing {@code .0}. */
    static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    boolean has(String key) {
        return entries.containsKey(key);
    }

    List<String> keys() {
        return new ArrayList<>(entries.keySet());
    }

    /** Records a problem about {@code key} (at its line when present, else at this mapping's). */
    void problem(String key, String message) {
        NodeTuple tuple = entries.get(key);
        Node where = tuple != null ? tuple.getKeyNode() : node;
        problems.add(at(where, join(path, key)) + message);
    }

    /** Records one problem for every key not in {@code known}, suggesting the closest known key. */
    void checkKeys(Set<String> known) {
        for (Map.Entry<String, NodeTuple> entry : entries.entrySet()) {
            String key = entry.getKey();
            if (!known.contains(key)) {
                String suggestion = closest(key, known);
                problems.add(at(entry.getValue().getKeyNode(), join(path, key)) + "unknown key"
                        + (suggestion != null ? "; did you mean " + suggestion + "?" : "")
                        + " (allowed here: " + String.join(", ", new TreeSet<>(known)) + ")");
            }
        }
    }

    /** The text of a scalar value, or {@code null} if absent or null; a problem if not a scalar. */
    String string(String key) {
        NodeTuple tuple = entries.get(key);
        if (tuple == null) {
            return null;
        }
        Node value = tuple.getValueNode();
        if (!(value instanceof ScalarNode)) {
            problem(key, "must be a single value, not a " + kind(value));
            return null;
        }
        if (value.getTag().equals(Tag.NULL)) {
            return null;
        }
        return checkedText(((ScalarNode) value).getValue(), value, join(path, key), problems);
    }

    /**
     * A study-file text without the characters XML cannot carry: a control character (from a
     * {@code "\v"} escape, or pasted from an Excel cell) would make the PDF fail long after the
     * study file was read, so it is a problem here, naming the key and line.
     */
    static String checkedText(String text, Node node, String path, List<String> problems) {
        int bad = Text.firstXmlInvalid(text);
        if (bad < 0) {
            return text;
        }
        problems.add(at(node, path) + "'" + Text.forMessage(text) + "' contains the control character "
                + Text.escape(text.substring(bad, bad + 1)) + ", which reports cannot show; remove it (a vertical "
                + "tab \\x0B is what a manual line break in Excel or Word becomes)");
        return Text.xmlSafe(text);
    }

    Double number(String key, boolean required) {
        String text = string(key);
        if (text == null) {
            if (required && !has(key)) {
                problem(key, "is required");
            } else if (required) {
                problem(key, "must be a number");
            }
            return null;
        }
        try {
            double value = Double.parseDouble(text.trim());
            if (Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problem(key, "'" + text + "' must be a number");
        return null;
    }

    YamlMap map(String key) {
        NodeTuple tuple = entries.get(key);
        if (tuple == null) {
            return null;
        }
        Node value = tuple.getValueNode();
        if (value instanceof ScalarNode && value.getTag().equals(Tag.NULL)) {
            return null;
        }
        if (!(value instanceof MappingNode)) {
            problem(key, "must be a mapping of keys to values, not a " + kind(value));
            return null;
        }
        return of(value, join(path, key), problems);
    }

    YamlList list(String key) {
        NodeTuple tuple = entries.get(key);
        if (tuple == null) {
            return null;
        }
        Node value = tuple.getValueNode();
        if (value instanceof ScalarNode && value.getTag().equals(Tag.NULL)) {
            return null;
        }
        if (!(value instanceof SequenceNode)) {
            problem(key, "must be a list (one entry per line starting with \"- \"), not a " + kind(value));
            return null;
        }
        return new YamlList((SequenceNode) value, join(path, key), problems);
    }

    /** A list of scalar texts, or {@code null} with a problem recorded. */
    List<String> stringList(String key, boolean allowEmpty) {
        YamlList list = list(key);
        if (list == null) {
            if (has(key) && entries.get(key).getValueNode() instanceof ScalarNode
                    && !entries.get(key).getValueNode().getTag().equals(Tag.NULL)) {
                return null; // problem already recorded by list()
            }
            return has(key) ? List.of() : null;
        }
        List<String> values = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String text = list.string(i);
            if (text == null) {
                continue;
            }
            String value = allowEmpty ? text : text.trim();
            if (!allowEmpty && value.isEmpty()) {
                list.problem(i, join(path, key), "entries must not be empty");
                continue;
            }
            values.add(value);
        }
        return values;
    }

    static String kind(Node node) {
        if (node instanceof MappingNode) {
            return "mapping";
        }
        if (node instanceof SequenceNode) {
            return "list";
        }
        return "single value";
    }

    private static String closest(String key, Set<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            int distance = editDistance(key.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                bestDistance = distance;
                best = candidate;
            }
        }
        return bestDistance <= Math.max(2, key.length() / 3) ? best : null;
    }

    static int editDistance(String a, String b) {
        return Text.editDistance(a, b);
    }
}
