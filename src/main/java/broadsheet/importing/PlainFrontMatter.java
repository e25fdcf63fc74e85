package broadsheet.importing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Reads front matter of the plain shape nearly every article file has, straight into the nodes the YAML parser
 * would make, at a fraction of its cost (an import reads thousands of files): one {@code key: value} on each line,
 * where the value is a double-quoted text without escapes, a word-like plain text, or a one-line list of such
 * double-quoted texts ({@code ["Priya Nair", "Ports desk"]}). Anything else, down to a blank line or a second space,
 * is not read here ({@link #read} gives null) and goes to the YAML parser, so what a file means never depends on
 * which of the two read it.
 */
final class PlainFrontMatter {
    private static final ScalarResolver CORE = new CoreSchema().getScalarResolver();

    private PlainFrontMatter() {}

    /** The root mapping of the front matter, or null when it is not of the plain shape. */
    static Node read(String origin, String yaml) {
        if (yaml.isEmpty()) return null;
        List<NodeTuple> tuples = new ArrayList<>();
        int line = 0;
        int start = 0;
        while (start <= yaml.length()) {
            int end = yaml.indexOf('\n', start);
            if (end < 0) end = yaml.length();
            NodeTuple tuple = entry(origin, yaml.substring(start, end), line);
            if (tuple == null) return null;
            tuples.add(tuple);
            start = end + 1;
            line++;
        }
        return new MappingNode(Tag.MAP, true, tuples, FlowStyle.BLOCK, mark(origin, 0, 0), Optional.empty());
    }

    private static NodeTuple entry(String origin, String text, int line) {
        int colon = text.indexOf(": ");
        if (colon < 1) return null;
        for (int i = 0; i < colon; i++) {
            char c = text.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c == '_')) return null;
        }
        String value = text.substring(colon + 2);
        int column = colon + 2;
        Node node;
        if (value.startsWith("[")) {
            node = list(origin, value, line, column);
        } else if (value.startsWith("\"")) {
            node = quoted(origin, value, line, column);
        } else {
            node = plain(origin, value, line, column);
        }
        if (node == null) return null;
        return new NodeTuple(new ScalarNode(Tag.STR, true, text.substring(0, colon), ScalarStyle.PLAIN,
                mark(origin, line, 0), Optional.empty()), node);
    }

    /** {@code ["a", "b"]}: at least one double-quoted text, separated by a comma and one space. */
    private static Node list(String origin, String value, int line, int column) {
        if (value.length() < 4 || !value.endsWith("\"]") || value.charAt(1) != '"') return null;
        List<Node> items = new ArrayList<>();
        String inner = value.substring(1, value.length() - 1);
        int at = 0;
        while (true) {
            int close = inner.indexOf('"', at + 1);
            if (close < 0) return null;
            ScalarNode item = quoted(origin, inner.substring(at, close + 1), line, column + 1 + at);
            if (item == null) return null;
            items.add(item);
            if (close == inner.length() - 1) break;
            if (!inner.startsWith(", \"", close + 1)) return null;
            at = close + 3;
        }
        return new SequenceNode(Tag.SEQ, true, items, FlowStyle.FLOW, mark(origin, line, column), Optional.empty());
    }

    /** {@code "text"} with no quote, backslash or character outside plain printable text inside. */
    private static ScalarNode quoted(String origin, String value, int line, int column) {
        if (value.length() < 2 || !value.endsWith("\"")) return null;
        String inner = value.substring(1, value.length() - 1);
        for (int i = 0; i < inner.length(); i++) {
            char c = inner.charAt(i);
            if (c == '"' || c == '\\' || !printable(c)) return null;
        }
        return new ScalarNode(Tag.STR, false, inner, ScalarStyle.DOUBLE_QUOTED, mark(origin, line, column), Optional.empty());
    }

    /**
     * A plain text that cannot be anything else in YAML: it begins with a letter or digit, and holds only letters,
     * digits, single spaces between words and {@code - _ . : + /}, with no {@code ": "} and no colon at its end.
     */
    private static ScalarNode plain(String origin, String value, int line, int column) {
        if (value.isEmpty() || !Character.isLetterOrDigit(value.charAt(0)) || value.endsWith(" ") || value.endsWith(":")
                || value.contains(": ") || value.contains("  ")) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean ok = c < 128 ? (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-_.:+/ ".indexOf(c) >= 0
                    : Character.isLetterOrDigit(c) && printable(c);
            if (!ok) return null;
        }
        return new ScalarNode(CORE.resolve(value, true), true, value, ScalarStyle.PLAIN, mark(origin, line, column), Optional.empty());
    }

    /** Printable in YAML and in a single line: no controls, no byte-order mark, no lone surrogates (those go to the parser). */
    private static boolean printable(char c) {
        if (c < 0x80) return c >= 0x20 && c != 0x7F;
        return c >= 0xA0 && !Character.isSurrogate(c) && c != 0xFEFF && c != 0xFFFE && c != 0xFFFF;
    }

    private static Optional<Mark> mark(String origin, int line, int column) {
        return Optional.of(new Mark(origin, 0, line, column, new int[0], 0));
    }
}
