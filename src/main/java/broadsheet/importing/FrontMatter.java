package broadsheet.importing;

import broadsheet.article.Byline;
import broadsheet.text.Texts;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * The front matter of one article file: its YAML keys, each with its value and its line in the file.
 * Owns the key list, repeated keys and the shape of values (text, or a list of names); leaves YAML syntax
 * errors to {@link YamlProblems} and what a value means (slugs, times, access, pictures) to its callers.
 */
final class FrontMatter {
    static final List<String> KEYS = List.of("id", "title", "standfirst", "section", "slug", "bylines", "topics",
            "published", "updated", "image", "image_caption", "image_credit", "image_alt", "access", "comments");

    private final String origin;
    private final Map<String, Node> values = new HashMap<>();
    private final Map<String, Integer> lines = new HashMap<>();

    private FrontMatter(String origin) {
        this.origin = origin;
    }

    /**
     * Reads the YAML between the fences; line numbers are those of the article file. Unknown, repeated and odd
     * keys are noted in {@code problems} and left out; YAML that cannot be read at all is thrown.
     */
    static FrontMatter parse(String origin, String yaml, Problems problems) {
        Node plain = PlainFrontMatter.read(origin, yaml);
        return of(origin, plain != null ? Optional.of(plain) : compose(origin, yaml), problems);
    }

    /** As {@link #parse}, always through the YAML parser (which {@link PlainFrontMatter} stands in for). */
    static FrontMatter parseAsYaml(String origin, String yaml, Problems problems) {
        return of(origin, compose(origin, yaml), problems);
    }

    private static Optional<Node> compose(String origin, String yaml) {
        var settings = LoadSettings.builder().setLabel(origin).setSchema(new CoreSchema()).build();
        try {
            return new Compose(settings).composeString(yaml);
        } catch (YamlEngineException e) {
            throw YamlProblems.toImportException(origin, e);
        }
    }

    private static FrontMatter of(String origin, Optional<Node> root, Problems problems) {
        var frontMatter = new FrontMatter(origin);
        root.ifPresent(node -> frontMatter.addAll(node, problems));
        return frontMatter;
    }

    private void addAll(Node root, Problems problems) {
        if (!(root instanceof MappingNode mapping)) {
            throw new ImportException(origin, lineOf(root), null, "the front matter must be lines of key: value");
        }
        for (NodeTuple tuple : mapping.getValue()) {
            int line = lineOf(tuple.getKeyNode());
            if (!(tuple.getKeyNode() instanceof ScalarNode scalar)) {
                problems.add(new ImportException(origin, line, null, "a key must be a word such as title"));
                continue;
            }
            String key = scalar.getValue();
            if (!KEYS.contains(key)) {
                problems.add(new ImportException(origin, line, key, "unknown key; the keys are " + String.join(", ", KEYS)));
                continue;
            }
            Integer first = lines.putIfAbsent(key, line);
            if (first != null) {
                problems.add(new ImportException(origin, line, key, "given twice; it is already on line " + first));
                continue;
            }
            values.put(key, tuple.getValueNode());
        }
    }

    /** Whether the key is given with a value; {@code key:} with nothing after it counts as not given. */
    boolean has(String key) {
        return values.containsKey(key) && !isNull(values.get(key));
    }

    /** The line of the key, or line 1 (the opening fence) when it is not given. */
    int line(String key) {
        return lines.getOrDefault(key, 1);
    }

    /** Every key given, with its line. */
    Map<String, Integer> lines() {
        return Map.copyOf(lines);
    }

    ImportException error(String key, String problem) {
        return new ImportException(origin, line(key), key, problem);
    }

    /** The value as text with surrounding whitespace stripped, if given; blank text counts as not given. */
    Optional<String> text(String key) {
        if (!has(key)) {
            return Optional.empty();
        }
        if (values.get(key) instanceof ScalarNode scalar) {
            return Optional.of(scalar.getValue().strip()).filter(text -> !text.isEmpty());
        }
        throw error(key, "expected text, found " + describe(values.get(key)));
    }

    /** The value as non-empty text; {@code need} says why it cannot be left out. */
    String required(String key, String need) {
        String value = text(key).orElse("");
        if (value.isEmpty()) {
            throw error(key, "is missing; " + need);
        }
        return value;
    }

    /** A list of names, in order; one name on its own is a list of one, and a missing key an empty list. */
    List<String> names(String key) {
        if (!has(key)) {
            return List.of();
        }
        Node value = values.get(key);
        if (value instanceof MappingNode) {
            throw error(key, "expected a list of names, found " + describe(value));
        }
        List<Node> items = value instanceof SequenceNode list ? list.getValue() : List.of(value);
        var names = new ArrayList<String>();
        for (Node item : items) {
            String problem = "name " + (names.size() + 1);
            if (!(item instanceof ScalarNode scalar)) {
                throw new ImportException(origin, lineOf(item), key,
                        problem + " should be text, found " + describe(item));
            }
            String name = isNull(item) ? "" : scalar.getValue().strip();
            if (name.isEmpty()) {
                throw new ImportException(origin, lineOf(item), key, problem + " is empty");
            }
            if (Texts.hasControl(name)) {
                throw new ImportException(origin, lineOf(item), key, problem + " has a control character (U+"
                        + String.format("%04X", (int) name.chars().filter(Character::isISOControl).findFirst().orElseThrow())
                        + "); a name is plain text on one line");
            }
            names.add(name);
        }
        if (key.equals("bylines") && names.stream().distinct().count() > Byline.MAX_PER_ARTICLE) {
            throw error(key, "has " + names.stream().distinct().count() + " names; an article can have at most "
                    + Byline.MAX_PER_ARTICLE + " bylines");
        }
        return names;
    }

    private static boolean isNull(Node node) {
        return node instanceof ScalarNode && Tag.NULL.equals(node.getTag());
    }

    private static String describe(Node node) {
        return switch (node.getNodeType()) {
            case SEQUENCE -> "a list";
            case MAPPING -> "a set of key: value lines";
            default -> "text";
        };
    }

    private static int lineOf(Node node) {
        return node.getStartMark().map(mark -> mark.getLine() + ArticleText.YAML_FIRST_LINE).orElse(1);
    }
}
