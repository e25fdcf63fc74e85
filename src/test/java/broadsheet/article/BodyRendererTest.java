package broadsheet.article;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.media.Picture;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BodyRendererTest {
    private final BodyRenderer renderer = new BodyRenderer();
    private static final Picture HARBOUR = new Picture(42, 1600, 900, "Cranes at dusk", "Library caption", "Library credit",
            List.of(new Picture.Size("/media/images/ab/ab-640.jpg", 640, 360, "jpeg"),
                    new Picture.Size("/media/images/ab/ab-960.jpg", 960, 540, "jpeg"),
                    new Picture.Size("/media/images/ab/ab-640.webp", 640, 360, "webp")));

    private String render(String md) {
        return renderer.render(md, dest -> dest.equals("image:42") ? Optional.of(HARBOUR) : Optional.empty());
    }

    @Test
    void paragraphsAndSubheadsUnderTheHeadline() {
        String html = render("# Top\n\nFirst paragraph.\n\n## Second\n\n### Third\n");
        assertThat(html).contains("<h2>Top</h2>", "<p>First paragraph.</p>", "<h2>Second</h2>", "<h3>Third</h3>")
                .doesNotContain("<h1>");
    }

    @Test
    void attributedBlockQuoteBecomesAFigure() {
        String html = render("> We will not be rushed.\n>\n> — Ana Korvel, port director\n");
        assertThat(html).contains("<figure class=\"quote\"><blockquote>", "<p>We will not be rushed.</p>",
                "</blockquote><figcaption>— Ana Korvel, port director</figcaption></figure>");
    }

    @Test
    void plainBlockQuoteStaysPlain() {
        assertThat(render("> Just a quote.\n")).contains("<blockquote>").doesNotContain("<figure");
    }

    @Test
    void pullQuoteIsAnAsideWithoutItsMark() {
        String html = render("> [!pullquote]\n> The bridge was never meant to carry this much.\n");
        assertThat(html).contains("<aside class=\"pull-quote\"><blockquote>", "The bridge was never meant")
                .doesNotContain("[!pullquote]", "pullquote]");
    }

    @Test
    void libraryPictureBecomesAFigureWithResponsiveSources() {
        String html = render("Before.\n\n![Cranes on the quay](image:42 \"Cranes on the quay at dusk | Mara Lind/Broadsheet\")\n\nAfter.");
        assertThat(html).contains("<figure class=\"picture\"><picture><source type=\"image/webp\"",
                "srcset=\"/media/images/ab/ab-640.jpg 640w, /media/images/ab/ab-960.jpg 960w\"",
                "alt=\"Cranes on the quay\"", "loading=\"lazy\"",
                "<figcaption>Cranes on the quay at dusk <span class=\"credit\">Mara Lind/Broadsheet</span></figcaption>");
    }

    @Test
    void unknownOrForeignPicturesAreDropped() {
        String html = render("![x](https://tracker.example/p.gif)\n\n![y](image:7)\n\ntext");
        assertThat(html).doesNotContain("<img", "tracker");
    }

    @Test
    void rawHtmlIsShownAsTextNotRun() {
        String html = render("Hello <script>alert(1)</script> <b onclick=x>bold</b>\n\n<iframe src=\"https://evil.example\"></iframe>");
        assertThat(html).doesNotContain("<script", "<iframe", "<b ").contains("&lt;script&gt;");
    }

    @Test
    void javascriptLinksAreNeutralised() {
        assertThat(render("[click](javascript:alert(1))")).doesNotContain("javascript:");
    }

    @Test
    void listsSurvive() {
        assertThat(render("- one\n- two\n\n1. first\n2. second\n")).contains("<ul>", "<li>one</li>", "<ol>", "<li>second</li>");
    }

    @Test
    void plainTextAndFirstParagraph() {
        String md = "## Heading\n\nThe first paragraph, with *emphasis*.\n\n> [!pullquote]\n> Quoted.\n";
        assertThat(renderer.firstParagraph(md)).isEqualTo("The first paragraph, with emphasis.");
        assertThat(renderer.plainText(md)).contains("The first paragraph").doesNotContain("[!pullquote]");
    }
}
