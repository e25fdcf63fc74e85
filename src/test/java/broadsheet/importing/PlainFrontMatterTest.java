package broadsheet.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Front matter read without the YAML parser ({@link PlainFrontMatter}) means exactly what the parser makes of it:
 * the same keys, lines, texts, lists, nulls and problems, for every shape the shortcut takes; and every other shape
 * is left to the parser.
 */
class PlainFrontMatterTest {
    private static final String CORPUS = """
            id: bench-2
            title: "Were that the the briconin norwelde had deker were the"
            standfirst: "For the at the a that xanvesol people by on the vote is delo last to was with the."
            section: world-news
            slug: were-that-the-the-2
            bylines: ["Priya Nair"]
            topics: ["Valdora harbour dispute", "Caldwick football", "Ostmark floods"]
            published: 2025-01-18T18:24:00Z
            access: free
            comments: open""";

    /** Shapes the shortcut reads: each must mean what the YAML parser makes of it. */
    private static final List<String> PLAIN = List.of(
            CORPUS,
            "title: Harbour talks resume\nsection: world-news\npublished: 2025-12-07T09:00:00Z",
            "title: \"Castellan: ‘consistent’ with our vision, é ü ß 中文\"\nsection: business",
            "title: \"  spaces kept  \"\nstandfirst: \"a # not a comment, [not a list], {not a map}, 'single' & *star\"",
            "title: null\nslug: Null\nstandfirst: NULL\nid: true\naccess: 12\ncomments: 1.5\nupdated: 0x1F",
            "title: \"null\"\nslug: \"\"\nid: \"true\"",
            "bylines: [\"\", \"Ports desk\"]\ntopics: [\"a, b\", \"c\"]",
            "bylines: [\"Priya Nair\", \"Priya Nair\", \"Ana\", \"Bo\", \"Cy\", \"Di\", \"Ed\", \"Fay\", \"Gus\", \"Hal\", \"Ivy\"]",
            "title: One\ntitle: Two\nheadline: Three\nsection: http://example.com/x",
            "bylines: Priya Nair\ntopics: ports\nsection: [\"world-news\"]",
            "published: 2025-12-07\nupdated: 2025-12-07 09:00\nimage: pictures/cranes.jpg\nimage_caption: \"Cranes, at dusk\"",
            "id: Émile-Zola\nslug: über-uns");

    /** Shapes the shortcut leaves to the parser. */
    private static final List<String> NOT_PLAIN = List.of(
            "", "title: \"a \\\" quote\"", "title: 'single'", "title:  two spaces", "title: trailing ", "title:",
            "bylines:\n  - Priya Nair", "bylines: []", "bylines: [Priya Nair]", "bylines: [\"a\",\"b\"]",
            "# comment\ntitle: x", "title: x # comment", "title: x\n\nsection: y", "Title: x", "title: -x", "title: a: b",
            "title: \"tab\there\"", "title: {a: b}", "title: x\n", "title: &anchor x", "title: \"\uFEFFx\"");

    @Test
    void whatTheShortcutReadsMeansWhatTheParserReads() {
        for (String yaml : PLAIN) {
            assertThat(PlainFrontMatter.read("a.md", yaml)).as(yaml).isNotNull();
            assertThat(view(yaml, FrontMatter::parse)).as(yaml).isEqualTo(view(yaml, FrontMatter::parseAsYaml));
        }
    }

    @Test
    void everyOtherShapeGoesToTheParser() {
        for (String yaml : NOT_PLAIN) {
            assertThat(PlainFrontMatter.read("a.md", yaml)).as(yaml).isNull();
        }
    }

    private interface Parse {
        FrontMatter parse(String origin, String yaml, Problems problems);
    }

    /** Everything the front matter answers, and the problems it noted, as text. */
    private static List<String> view(String yaml, Parse parse) {
        List<String> seen = new ArrayList<>();
        var problems = new Problems();
        FrontMatter fm = parse.parse("a.md", yaml, problems);
        seen.add("lines " + new java.util.TreeMap<>(fm.lines()));
        for (String key : FrontMatter.KEYS) {
            seen.add(key + " has " + fm.has(key) + " line " + fm.line(key));
            seen.add(key + " text " + attempt(() -> fm.text(key)));
            seen.add(key + " names " + attempt(() -> fm.names(key)));
        }
        seen.add("problems " + attempt(() -> {
            problems.throwIfAny();
            return "none";
        }));
        return seen;
    }

    private static String attempt(Supplier<Object> answer) {
        try {
            return String.valueOf(answer.get());
        } catch (ImportException e) {
            return "refused " + e.getMessage();
        }
    }
}
