package io.github.surveyreport.core.study;

import java.util.List;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/** A YAML sequence read as a study-file section; problems carry the entry's line. */
final class YamlList {
    private final SequenceNode node;
    private final String path;
    private final List<String> problems;

    YamlList(SequenceNode node, String path, List<String> problems) {
        this.node = node;
        this.path = path;
        this.problems = problems;
    }

    int size() {
        return node.getValue().size();
    }

    String string(int index) {
        Node value = node.getValue().get(index);
        if (!(value instanceof ScalarNode)) {
            problem(index, path + "[" + (index + 1) + "]", "must be a single value, not a " + YamlMap.kind(value));
            return null;
        }
        if (value.getTag().equals(Tag.NULL)) {
            problem(index, path + "[" + (index + 1) + "]", "is empty");
            return null;
        }
        return YamlMap.checkedText(((ScalarNode) value).getValue(), value, path + "[" + (index + 1) + "]", problems);
    }

    YamlMap map(int index, String entryPath) {
        return YamlMap.of(node.getValue().get(index), entryPath, problems);
    }

    /** Whether entry {@code index} is a mapping (rather than a single value or a list). */
    boolean isMap(int index) {
        return node.getValue().get(index) instanceof org.yaml.snakeyaml.nodes.MappingNode;
    }

    /** Where entry {@code index} is, as messages name it: {@code line 12, regressions[2]}. */
    String where(int index, String entryPath) {
        String at = YamlMap.at(node.getValue().get(index), entryPath);
        return at.substring(0, at.length() - 2);
    }

    /** The entries of a nested list at {@code index}, or {@code null} with a problem if it is not a list. */
    YamlList list(int index, String entryPath) {
        Node value = node.getValue().get(index);
        if (!(value instanceof SequenceNode)) {
            problem(index, entryPath, "must be a list, e.g. [HR, PS], not a " + YamlMap.kind(value));
            return null;
        }
        return new YamlList((SequenceNode) value, entryPath, problems);
    }

    void problem(int index, String entryPath, String message) {
        problems.add(YamlMap.at(node.getValue().get(index), entryPath) + message);
    }
}
