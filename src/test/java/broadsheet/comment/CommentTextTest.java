package broadsheet.comment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A comment's plain text as HTML: escaped, paragraphs and line breaks, links; and what text a comment may have. */
class CommentTextTest {
    @Test
    void everythingIsEscaped() {
        assertThat(CommentText.html("<script>alert('x')</script> & \"q\""))
                .isEqualTo("<p>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;</p>\n");
    }

    @Test
    void blankLinesMakeParagraphsAndALineBreakStaysOne() {
        assertThat(CommentText.html("One\nline two\r\n\r\n  \n\nTwo")).isEqualTo("<p>One<br>\nline two</p>\n<p>Two</p>\n");
    }

    @Test
    void addressesBecomeLinksForReadersWithoutTheSentencesPunctuation() {
        assertThat(CommentText.html("See https://example.com/a?b=1&c=2."))
                .isEqualTo("<p>See <a href=\"https://example.com/a?b=1&amp;c=2\" rel=\"nofollow ugc noopener\">https://example.com/a?b=1&amp;c=2</a>.</p>\n");
        assertThat(CommentText.html("(at http://example.com/wiki/A_(b))"))
                .contains("href=\"http://example.com/wiki/A_(b)\"").endsWith("</a>)</p>\n");
        assertThat(CommentText.html("javascript:alert(1) ftp://x.example")).doesNotContain("<a");
        assertThat(CommentText.html("https://x.example/\"onmouseover=\"alert(1)"))
                .contains("href=\"https://x.example/\"").contains("&quot;onmouseover=&quot;alert(1)");
    }

    @Test
    void whatACommentMayBe() {
        assertThat(CommentText.problem("")).isPresent();
        assertThat(CommentText.problem(CommentText.normalise("  \n\t "))).isPresent();
        assertThat(CommentText.problem("x".repeat(5000))).isEmpty();
        assertThat(CommentText.problem("x".repeat(5001))).get().asString().contains("5001");
        // characters, not UTF-16 units: 5000 emoji fit as the table counts them
        assertThat(CommentText.problem("\uD83D\uDE00".repeat(5000))).isEmpty();
        assertThat(CommentText.problem("tab\tand\nline")).isEmpty();
        assertThat(CommentText.problem("bell\u0007")).isPresent();
        assertThat(CommentText.problem("nul\u0000")).isPresent();
        assertThat(CommentText.problem("c1\u0085")).isPresent();
        assertThat(CommentText.normalise("\r\n a\r\nb \r")).isEqualTo("a\nb");
    }
}
