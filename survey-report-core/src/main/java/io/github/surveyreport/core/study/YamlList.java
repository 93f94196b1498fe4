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

    void problem(int index, String entryPath, String message) {
        problems.add(YamlMap.at(node.getValue().get(index), entryPath) + message);
    }
}
