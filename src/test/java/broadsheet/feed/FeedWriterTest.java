package broadsheet.feed;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.article.ArticleCard;
import broadsheet.article.Byline;
import broadsheet.content.AccessLevel;
import broadsheet.content.Section;
import broadsheet.content.Topic;
import broadsheet.media.Picture;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link FeedWriter} writes, byte for byte, what the JDK's {@code XMLStreamWriter} wrote for the same feed
 * ({@link StaxFeedWriter}, the writer it replaced): for texts holding every character XML escapes, characters XML
 * forbids, {@code ]]>}, quotes, astral characters, pictures with and without words, and empty feeds.
 */
class FeedWriterTest {
    /** Pieces of bodies: links and pictures into the site (whole, broken or hidden by a forbidden character), and CDATA's end. */
    private static final String[] BODY_BITS = {"href=\"/", "src=\"/", "srcset=\"/", ", /media/", "]]", ">", "]", "]]>", "\u0001",
            "href=\u0001\"/", "]]\u0001>", "s", "h", ",", " ", "/media/", "href=\"https://elsewhere.test/", "&amp;", "<", "\uD83D\uDE00",
            "\uD800", "é", "\r\n", "srcset=\"/m 1x, /media/n 2x\""};
    private static final String NASTY = "A <b>&amp; \"quoted\" 'single' > ]]> tab\there\r\nline \u0001\u0008\u000B\uFFFE\uD800 lone \uD83D\uDE00 é ß ";

    @Test
    void writesWhatTheStaxWriterWrote() {
        Random random = new Random(12);
        for (int round = 0; round < 200; round++) {
            List<FeedWriter.Entry> entries = new ArrayList<>();
            int n = random.nextInt(6);
            for (int i = 0; i < n; i++) entries.add(entry(random, i));
            var channel = new FeedWriter.Channel(text(random) + ": " + text(random), random.nextBoolean() ? "" : text(random),
                    random.nextBoolean() ? "https://news.example.test" : "http://localhost:8080", random.nextBoolean() ? "/" : "/topics/x\"&<y/",
                    Instant.ofEpochSecond(1_700_000_000L + random.nextInt(1_000_000)));
            assertThat(string(FeedWriter.rss(channel, entries).bytes())).isEqualTo(string(StaxFeedWriter.rss(channel, entries)));
            assertThat(string(FeedWriter.atom(channel, entries).bytes())).isEqualTo(string(StaxFeedWriter.atom(channel, entries)));
        }
    }

    @Test
    void anEmptyFeedIsAsBefore() {
        var channel = new FeedWriter.Channel("The Broadsheet", "", "https://news.example.test", "/", Instant.EPOCH);
        assertThat(string(FeedWriter.rss(channel, List.of()).bytes())).isEqualTo(string(StaxFeedWriter.rss(channel, List.of())));
        assertThat(string(FeedWriter.atom(channel, List.of()).bytes())).isEqualTo(string(StaxFeedWriter.atom(channel, List.of())));
    }

    private static FeedWriter.Entry entry(Random random, int i) {
        Picture picture = switch (random.nextInt(4)) {
            case 0 -> null;
            case 1 -> new Picture(i, 640, 360, null, null, null, List.of(new Picture.Size("/media/a.webp", 640, 360, "webp")));
            case 2 -> new Picture(i, 640, 360, "", " ", null, List.of(new Picture.Size("/media/a\"&.jpg", 640, 360, "jpeg")));
            default -> new Picture(i, 1280, 720, text(random), text(random), text(random),
                    List.of(new Picture.Size("/media/s.jpg", 320, 180, "jpeg"), new Picture.Size("/media/l.jpg", 1280, 720, "jpeg")));
        };
        List<Byline> bylines = new ArrayList<>();
        for (int b = random.nextInt(3); b > 0; b--) bylines.add(new Byline(text(random), "writer-" + b, random.nextBoolean(), null));
        List<Topic> topics = new ArrayList<>();
        for (int t = random.nextInt(3); t > 0; t--) topics.add(new Topic(t, "topic-" + t, text(random), null));
        Instant published = Instant.ofEpochSecond(1_600_000_000L + random.nextInt(100_000_000));
        var card = new ArticleCard(i + 1, "/world/2025/01/02/story-" + i + "/", text(random), text(random),
                new Section(1, "world", text(random), null, 0), published, random.nextBoolean() ? null : published.plusSeconds(60),
                picture, bylines, AccessLevel.values()[random.nextInt(AccessLevel.values().length)]);
        var body = new StringBuilder("<p>" + text(random) + " <a href=\"/world/\">x</a> <img src=\"/media/p.jpg\" srcset=\"/media/p.jpg 1x, /media/q.jpg 2x\"></p>\n");
        for (int k = random.nextInt(20); k > 0; k--) body.append(BODY_BITS[random.nextInt(BODY_BITS.length)]);
        return new FeedWriter.Entry(card, body.toString(), topics, random.nextBoolean());
    }

    /** A text of random pieces, some of them characters XML escapes or forbids. */
    private static String text(Random random) {
        var b = new StringBuilder();
        for (int i = random.nextInt(8); i >= 0; i--) {
            int at = random.nextInt(NASTY.length());
            b.append(NASTY, at, Math.min(NASTY.length(), at + 1 + random.nextInt(12))).append("word");
        }
        return b.toString();
    }

    private static String string(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
