package broadsheet.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SanitiserTest {
    @Test
    void removesScriptsHandlersAndForeignPictures() {
        String dirty = "<p onclick=\"steal()\">Hi<script>alert(1)</script></p>"
                + "<img src=\"https://tracker.example/pixel.gif\" alt=\"x\"><img src=\"/media/images/ab/x.jpg\" alt=\"ok\">"
                + "<a href=\"javascript:alert(1)\">bad</a><iframe src=\"https://evil.example\"></iframe>";
        String clean = Sanitiser.article(dirty);
        assertThat(clean).doesNotContain("script", "onclick", "tracker.example", "javascript:", "iframe");
        assertThat(clean).contains("<p>Hi</p>", "src=\"/media/images/ab/x.jpg\"", "alt=\"ok\"");
    }

    @Test
    void keepsArticleStructureAndMarksOutboundLinks() {
        String html = "<h2>Sub</h2><figure class=\"quote\"><blockquote><p>Q</p></blockquote><figcaption>— A</figcaption></figure>"
                + "<aside class=\"pull-quote\"><blockquote><p>P</p></blockquote></aside>"
                + "<p><a href=\"https://example.org/report\">report</a> and <a href=\"/world-news/\">section</a></p>";
        String clean = Sanitiser.article(html);
        assertThat(clean).contains("<h2>Sub</h2>", "<figure class=\"quote\">", "<aside class=\"pull-quote\">",
                "<a href=\"https://example.org/report\" rel=\"noopener noreferrer\">report</a>",
                "<a href=\"/world-news/\">section</a>");
    }

    @Test
    void protocolRelativePicturesAreForeign() {
        assertThat(Sanitiser.article("<img src=\"//evil.example/x.png\" alt=\"\">")).doesNotContain("evil");
    }
}
