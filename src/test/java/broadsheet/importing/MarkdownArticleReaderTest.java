package broadsheet.importing;

import static broadsheet.importing.ArticleFiles.BODY;
import static broadsheet.importing.ArticleFiles.FULL_ARTICLE;
import static broadsheet.importing.ArticleFiles.FULL_ARTICLE_PICTURE_LINE;
import static broadsheet.importing.ArticleFiles.MINIMAL_FRONT_MATTER;
import static broadsheet.importing.ArticleFiles.article;
import static broadsheet.importing.ArticleFiles.jpeg;
import static broadsheet.importing.ArticleFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import broadsheet.content.AccessLevel;
import broadsheet.content.CommentPolicy;
import java.awt.Color;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MarkdownArticleReaderTest {
    private static final String TITLE = "title: Ferry timetable changes for the winter";
    private static final String SECTION = "section: uk-news";
    private static final String PUBLISHED = "published: 2025-12-07T09:00:00Z";

    @TempDir
    Path dir;

    private final MarkdownArticleReader reader = new MarkdownArticleReader();

    @Test
    void readsAFullArticleWithItsLeadAndInlinePictures() {
        byte[] keeper = jpeg(Color.DARK_GRAY);
        byte[] tower = jpeg(Color.WHITE);
        write(dir.resolve("skerra/pictures/keeper.jpg"), keeper);
        write(dir.resolve("skerra/pictures/tower.jpg"), tower);
        Path file = write(dir.resolve("skerra/keeper.md"), FULL_ARTICLE);

        ArticleSource article = reader.read(file);

        assertThat(article.origin()).isEqualTo(file.toString());
        assertThat(article.content().headline()).isEqualTo("Keeper’s ‘last watch’ ends after 41 years on Skerra Point");
        assertThat(article.content().standfirst()).startsWith("Islanders gathered on Saturday").endsWith("to a machine");
        assertThat(article.content().sectionSlug()).isEqualTo("uk-news");
        assertThat(article.content().slug()).isEqualTo("skerra-keeper-retires");
        assertThat(article.content().bylines()).containsExactly("Our Scotland Staff", "Morag Quill");
        assertThat(article.content().topics()).containsExactly("Lighthouses", "Island life", "Scotland");
        assertThat(article.published()).isEqualTo(Instant.parse("2025-12-07T09:00:00Z"));
        assertThat(article.updated()).isEqualTo(Instant.parse("2025-12-07T11:35:00Z"));
        assertThat(article.content().access()).isEqualTo(AccessLevel.PREMIUM);
        assertThat(article.content().comments()).isEqualTo(CommentPolicy.PREMODERATED);
        assertThat(article.content().body()).startsWith("Ewan Tarrant has kept the light")
                .contains("![The white tower seen from the harbour](pictures/tower.jpg")
                .endsWith("\"The ships talk to you, in their way.\"\n");

        ImageSource lead = article.leadImage();
        assertThat(lead.origin()).isEqualTo(dir.resolve("skerra/pictures/keeper.jpg").toString());
        assertThat(lead.bytes()).isEqualTo(keeper);
        assertThat(lead.caption()).isEqualTo("Ewan Tarrant (left) climbed the 117 steps of the tower for the last time");
        assertThat(lead.credit()).isEqualTo("Isla Brannock/Skerra Gazette");
        assertThat(lead.alt()).isEqualTo("A man in a wool jumper stands beside a large brass lamp");

        assertThat(article.inlineImages()).containsOnlyKeys("pictures/tower.jpg");
        ImageSource inline = article.inlineImages().get("pictures/tower.jpg");
        assertThat(inline.bytes()).isEqualTo(tower);
        assertThat(inline.caption()).isEqualTo("The tower from the harbour wall");
        assertThat(inline.credit()).isEqualTo("Isla Brannock");
        assertThat(inline.alt()).isEqualTo("The white tower seen from the harbour");
    }

    @Test
    void reportsTheFileLineOfAMissingInlinePicture() {
        write(dir.resolve("articles/pictures/keeper.jpg"), jpeg(Color.DARK_GRAY));

        assertFails(FULL_ARTICLE, FULL_ARTICLE_PICTURE_LINE, null, "\"pictures/tower.jpg\" was not found");
    }

    @Test
    void leavesOutWhatIsNotGiven() {
        ArticleSource article = reader.read(write(dir.resolve("ferry.md"), article(MINIMAL_FRONT_MATTER)));

        assertThat(article.content().headline()).isEqualTo("Ferry timetable changes for the winter");
        assertThat(article.content().standfirst()).isEmpty();
        assertThat(article.content().slug()).as("made from the headline").isEmpty();
        assertThat(article.content().bylines()).isEmpty();
        assertThat(article.content().topics()).isEmpty();
        assertThat(article.updated()).isNull();
        assertThat(article.leadImage()).isNull();
        assertThat(article.content().access()).as("left to the paper's default").isNull();
        assertThat(article.content().comments()).as("left to the paper's default").isNull();
        assertThat(article.content().body()).isEqualTo(BODY);
        assertThat(article.inlineImages()).isEmpty();
    }

    @Test
    void acceptsOneBylineAsTextAnOffsetTimeABomAndWindowsLineEndings() {
        String text = "\uFEFF" + article(TITLE + "\n" + SECTION + "\npublished: 2025-07-01T10:00:00+01:00\n"
                + "bylines: Our Foreign Staff\ntopics: Ferries").replace("\n", "\r\n");

        ArticleSource article = reader.read(write(dir.resolve("ferry.md"), text));

        assertThat(article.content().headline()).isEqualTo("Ferry timetable changes for the winter");
        assertThat(article.published()).isEqualTo(Instant.parse("2025-07-01T09:00:00Z"));
        assertThat(article.content().bylines()).containsExactly("Our Foreign Staff");
        assertThat(article.content().topics()).containsExactly("Ferries");
        assertThat(article.content().body()).isEqualTo(BODY);
    }

    @Test
    void readsAPictureUsedTwiceOnceAndTakesACaptionWithoutCredit() {
        write(dir.resolve("quay.jpg"), jpeg(Color.BLUE));
        String body = "![The quay](quay.jpg \"The quay at dawn\")\n\nLater:\n\n![Again](quay.jpg \"Other words\")\n";
        Path file = write(dir.resolve("ferry.md"), "---\n" + MINIMAL_FRONT_MATTER + "\n---\n" + body);

        ImageSource quay = reader.read(file).inlineImages().get("quay.jpg");

        assertThat(quay.caption()).isEqualTo("The quay at dawn");
        assertThat(quay.credit()).isEmpty();
        assertThat(quay.alt()).isEqualTo("The quay");
    }

    @Test
    void namesFileLineAndKeyInOneLineMessage() {
        String text = article(TITLE + "\n" + SECTION + "\npublished: 7 Dec");

        assertThatThrownBy(() -> reader.read(Path.of("articles/ferry.md"), text)).isInstanceOf(ImportException.class)
                .hasMessage("articles/ferry.md:4: published: \"7 Dec\" is not an ISO-8601 time such as 2025-12-07T09:00:00Z");
    }

    @Test
    void reportsEveryProblemOfAFileInLineOrder() {
        String two = article("access: paid\n" + TITLE + "\n" + SECTION + "\npublished: 7 Dec");

        assertThatThrownBy(() -> reader.read(Path.of("articles/ferry.md"), two)).isInstanceOfSatisfying(ImportException.class, e -> {
            assertThat(e.problems()).extracting(ImportException::line, ImportException::key).containsExactly(
                    tuple(2, "access"), tuple(5, "published"));
            assertThat(e.getMessage()).isEqualTo("""
                    articles/ferry.md:2: access: "paid" is not one of free, registered, premium
                    articles/ferry.md:5: published: "7 Dec" is not an ISO-8601 time such as 2025-12-07T09:00:00Z""");
        });
    }

    @Test
    void reportsThreeProblemsInThreeKeysAndTheBody() {
        String three = "---\ntitle: Ferry\ntittle: Ferry times\nsection: UK News\n" + PUBLISHED
                + "\n---\nText.\n\n![Ferry](ferry.jpg)\n\n![Quay](quay.jpg)\n";

        assertThatThrownBy(() -> reader.read(write(dir.resolve("ferry.md"), three))).isInstanceOfSatisfying(ImportException.class, e ->
                assertThat(e.problems()).extracting(ImportException::line, ImportException::key).containsExactly(
                        tuple(3, "tittle"), tuple(4, "section"), tuple(9, null), tuple(11, null)));
    }

    /** Each row changes the minimal article: "-key" drops a key, "+line" adds a line, "key: ..." sets a key. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " | ", textBlock = """
            missing title            | -title                              | 1 | title         | is missing; every article needs a headline
            blank title              | title: "  "                         | 2 | title         | is missing
            title on two lines       | title: |\\n  Ferry\\n  times           | 2 | title         | a headline must be one line
            list as title            | title: [Ferry, times]               | 2 | title         | expected text, found a list
            bad section slug         | section: World News                 | 3 | section       | "World News" is not a slug
            missing section          | -section                            | 1 | section       | is missing
            bad slug                 | slug: ferry--times                  | 5 | slug          | "ferry--times" is not a slug
            bad date                 | published: 7 Dec                    | 4 | published     | "7 Dec" is not an ISO-8601 time
            date without time        | published: 2025-12-07               | 4 | published     | is a date without a time
            time without zone        | published: 2025-12-07T09:00         | 4 | published     | has no time zone
            missing published        | -published                          | 1 | published     | is missing
            updated before published | updated: 2025-12-07T08:59:59Z       | 5 | updated       | is before published
            unknown key              | tittle: Ferry                       | 5 | tittle        | unknown key; the keys are id, title,
            id with a space          | id: harbour 2025                    | 5 | id            | "harbour 2025" is not an id
            duplicate key            | +title: Another headline            | 5 | title         | given twice; it is already on line 2
            missing image file       | image: pictures/none.jpg            | 5 | image         | "pictures/none.jpg" was not found
            lead picture on a server | image: https://example.com/a.jpg    | 5 | image         | must be files beside the article
            caption without image    | image_caption: A ferry at the quay  | 5 | image_caption | is given without image
            bad access word          | access: paid                        | 5 | access        | "paid" is not one of free, registered, premium
            bad comments word        | comments: on                        | 5 | comments      | is not one of open, premoderated, closed, off
            bylines as a mapping     | bylines: {name: Morag}              | 5 | bylines       | expected a list of names
            empty topic              | topics:\\n  - Ferries\\n  -            | 7 | topics        | name 2 is empty
            bell in a byline         | bylines: [Morag, "Bell\\aQuill"]    | 5 | bylines       | name 2 has a control character (U+0007); a name is plain text on one line
            escape in a topic        | topics:\\n  - "Ferries\\e"          | 6 | topics        | name 1 has a control character (U+001B)
            eleven bylines           | bylines: [A, B, C, D, E, F, G, H, I, J, K] | 5 | bylines | has 11 names; an article can have at most 10 bylines
            YAML syntax error        | section: uk-news: world             | 3 |               | not valid YAML: mapping values are not allowed
            YAML unclosed quote      | standfirst: "Twice a day            | 5 |               | not valid YAML
            """)
    void refusesBrokenFrontMatter(String name, String change, int line, String key, String problem) {
        assertFails(changed(change), line, key, problem);
    }

    /** Each row is a whole file: "{front}" stands for the minimal front matter and its fences. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " | ", textBlock = """
            missing opening fence      | title: Ferry\\n---\\nText.                         | 1  | must begin with a line
            missing closing fence      | ---\\ntitle: Ferry\\nsection: uk-news\\nText.\\n    | 4  | has no closing
            empty body                 | {front}\\n  \\n                                   | 6  | the article has no body
            http inline picture        | {front}Text.\\n\\n![Ferry](http://example.com/f.jpg) | 8  | must be files beside the article
            inline picture above       | {front}![Ferry](../outside.jpg)                   | 6  | must be files beside the article
            missing inline picture     | {front}\\n\\nText.\\n\\nMore ![Ferry](ferry.jpg)     | 10 | "ferry.jpg" was not found
            """)
    void refusesBrokenFiles(String name, String text, int line, String problem) {
        assertFails(wholeFile(text), line, null, problem);
    }

    @Test
    void countsLinesOfWindowsFiles() {
        String text = wholeFile("{front}Text\n\n![Ferry](ferry.jpg)\n").replace("\n", "\r\n");

        assertFails(text, 8, null, "\"ferry.jpg\" was not found");
    }

    @Test
    void refusesAFileThatIsNotUtf8() {
        byte[] latin1 = article(MINIMAL_FRONT_MATTER + "\nstandfirst: Caf\u00e9 closes").getBytes(StandardCharsets.ISO_8859_1);
        Path file = write(dir.resolve("articles/ferry.md"), latin1);

        assertThatThrownBy(() -> reader.read(file)).isInstanceOf(ImportException.class)
                .hasMessage(file + ":1: the file is not UTF-8 text; save it as UTF-8");
    }

    @Test
    void refusesAPictureOver20MbAndOneThatIsNotAPicture() throws Exception {
        write(dir.resolve("articles/notes.jpg"), "not a picture");
        try (var big = new RandomAccessFile(dir.resolve("articles/big.jpg").toFile(), "rw")) {
            big.setLength(21L * 1024 * 1024);
        }

        assertFails(changed("image: big.jpg"), 5, "image", "is 21.0 MB; a picture may be at most 20 MB");
        assertFails(article(MINIMAL_FRONT_MATTER) + "\n![Notes](notes.jpg)\n", 8, null, "is not a JPEG, PNG, GIF or WebP picture");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "just words", "- a list\n- of things", "? [a, b]\n: c", "base: &b {x: 1}\n<<: *b",
            "title: *nowhere", "title: !!binary x", "%YAML 1.2\n---\ntitle: x", "title: [a, [b]]"})
    void refusesOddYamlWithAnImportException(String yaml) {
        assertThatThrownBy(() -> reader.read(dir.resolve("odd.md"), "---\n" + yaml + "\n---\n" + BODY))
                .isInstanceOfSatisfying(ImportException.class, e -> assertThat(e.problems())
                        .allSatisfy(problem -> assertThat(problem.getMessage()).doesNotContain("\n")));
    }

    @Test
    void collectsMarkdownFilesSortedAndRefusesAMissingPath() {
        Path archive = dir.resolve("archive");
        write(archive.resolve("2025/b.md"), "b");
        write(archive.resolve("a.markdown"), "a");
        write(archive.resolve("notes.txt"), "n");
        write(archive.resolve("pictures/quay.jpg"), jpeg(Color.BLUE));
        Path single = write(dir.resolve("single.md"), "s");

        assertThat(MarkdownArticleReader.collect(List.of(single, archive)))
                .containsExactly(archive.resolve("2025/b.md"), archive.resolve("a.markdown"), single);
        assertThatThrownBy(() -> MarkdownArticleReader.collect(List.of(dir.resolve("nowhere"))))
                .isInstanceOfSatisfying(ImportException.class, e -> assertThat(e.line()).isZero());
        assertThatThrownBy(() -> reader.read(dir.resolve("nowhere.md")))
                .isInstanceOfSatisfying(ImportException.class, e -> assertThat(e.line()).isZero());
    }

    private void assertFails(String text, int line, String key, String problem) {
        Path file = write(dir.resolve("articles/ferry.md"), text);
        assertThatThrownBy(() -> reader.read(file)).isInstanceOfSatisfying(ImportException.class, e -> {
            assertThat(e.file()).isEqualTo(file.toString());
            assertThat(e.line()).as(e.getMessage()).isEqualTo(line);
            assertThat(e.key()).as(e.getMessage()).isEqualTo(key);
            assertThat(e.problem()).contains(problem);
            assertThat(e.getMessage()).as("message").startsWith(file + ":" + line + ": " + (key == null ? "" : key + ": "))
                    .doesNotContain("\n");
        });
    }

    private static String changed(String change) {
        var lines = new ArrayList<>(List.of(MINIMAL_FRONT_MATTER.split("\n")));
        String text = change.replace("\\n", "\n");
        if (text.startsWith("+")) {
            lines.add(text.substring(1));
            return article(String.join("\n", lines));
        }
        String key = (text.startsWith("-") ? text.substring(1) : text.substring(0, text.indexOf(':'))) + ":";
        int index = IntStream.range(0, lines.size()).filter(i -> lines.get(i).startsWith(key)).findFirst().orElse(-1);
        if (text.startsWith("-")) {
            lines.remove(index);
        } else if (index < 0) {
            lines.add(text);
        } else {
            lines.set(index, text);
        }
        return article(String.join("\n", lines));
    }

    private static String wholeFile(String text) {
        return text.replace("\\n", "\n").replace("{front}", "---\n" + MINIMAL_FRONT_MATTER + "\n---\n");
    }
}
