package broadsheet.comment;

import broadsheet.text.Texts;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A comment's text: what a reader may send (1 to {@link #MAX} characters, no control characters but line breaks and
 * tabs), and how it shows. It is plain text, never HTML: everything is escaped, blank lines make paragraphs, a single
 * line break stays one, and http(s) addresses become links marked {@code rel="nofollow ugc noopener"}. The HTML is made
 * when a comment is written or edited and kept with it ({@link Comment#bodyHtml}): a change to what {@link #html} makes
 * needs a migration that empties {@code comments.body_html}, so the server makes every comment's HTML again at start.
 */
public final class CommentText {
    /** The longest comment, in characters, as the table allows. */
    public static final int MAX = 5000;
    private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"]+", Pattern.CASE_INSENSITIVE);
    private static final Pattern PARAGRAPHS = Pattern.compile("\\n[ \\t]*\\n\\s*");

    private CommentText() {}

    /** The text as kept: line breaks made {@code \n}, surrounding white space stripped. */
    public static String normalise(String raw) {
        return raw == null ? "" : raw.replace("\r\n", "\n").replace('\r', '\n').strip();
    }

    /** Why this (normalised) text cannot be a comment, or empty when it can. */
    public static Optional<String> problem(String text) {
        if (text.isEmpty()) return Optional.of("Write something first: the comment is empty.");
        int length = text.codePointCount(0, text.length());
        if (length > MAX) return Optional.of("A comment may be at most " + MAX + " characters; this one has " + length + ".");
        if (Texts.hasControlBesidesLineBreaks(text)) return Optional.of("The comment has characters that cannot be shown (control characters).");
        return Optional.empty();
    }

    /** The text as HTML: paragraphs, line breaks and links, everything else escaped. */
    public static String html(String text) {
        StringBuilder out = new StringBuilder(text.length() + 64);
        for (String paragraph : PARAGRAPHS.split(normalise(text))) {
            if (paragraph.isBlank()) continue;
            out.append("<p>");
            String[] lines = paragraph.strip().split("\n");
            for (int i = 0; i < lines.length; i++) {
                if (i > 0) out.append("<br>\n");
                linked(lines[i], out);
            }
            out.append("</p>\n");
        }
        return out.toString();
    }

    private static void linked(String line, StringBuilder out) {
        Matcher m = LINK.matcher(line);
        int at = 0;
        while (m.find()) {
            String url = trimmed(m.group());
            out.append(escape(line.substring(at, m.start())));
            out.append("<a href=\"").append(escape(url)).append("\" rel=\"nofollow ugc noopener\">").append(escape(url)).append("</a>");
            at = m.start() + url.length();
        }
        out.append(escape(line.substring(at)));
    }

    /** An address without the punctuation that ends the sentence around it (and a closing bracket it does not open). */
    static String trimmed(String url) {
        int end = url.length();
        while (end > 0) {
            char c = url.charAt(end - 1);
            if (".,;:!?'".indexOf(c) >= 0) {
                end--;
            } else if (c == ')' && count(url.substring(0, end), '(') < count(url.substring(0, end), ')')) {
                end--;
            } else {
                break;
            }
        }
        return url.substring(0, end);
    }

    private static long count(String s, char c) {
        return s.chars().filter(x -> x == c).count();
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
