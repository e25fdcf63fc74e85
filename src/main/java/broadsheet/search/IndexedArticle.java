package broadsheet.search;

import broadsheet.content.AccessLevel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;

/**
 * A published article as the index keeps it: the text of its body as top-level blocks (so the opening a reader without
 * access sees can be cut off exactly as the paywall cuts it), and the names and slugs of what it is filed under.
 *
 * @param blocks the body's top-level blocks in order, pull quotes included (they repeat the body, so they are searched
 *               and shown by no one, but they count as the paywall counts them)
 */
record IndexedArticle(long id, String path, String headline, String standfirst, List<Block> blocks, String sectionSlug,
                      String sectionName, List<Link> bylines, List<Link> topics, Instant published, AccessLevel access) {
    IndexedArticle {
        blocks = List.copyOf(blocks);
        bylines = List.copyOf(bylines);
        topics = List.copyOf(topics);
    }

    /** A top-level block of the body as plain text, with its kind. */
    record Block(Kind kind, String text) {
        enum Kind { TEXT, HEADING, PULL_QUOTE }

        Block {
            text = collapsed(text) ? text : text.replaceAll("\\s+", " ").strip();
        }

        /** Already as the constructor makes it (the index keeps blocks so): single spaces, none at either end. */
        private static boolean collapsed(String text) {
            int n = text.length();
            if (n > 0 && (text.charAt(0) == ' ' || text.charAt(n - 1) == ' ')) return false;
            for (int i = 0; i < n; i++) {
                char c = text.charAt(i);
                if (c > ' ' && c < 0x7f) continue; // most of a text: quick to pass
                if (c == ' ' ? i > 0 && text.charAt(i - 1) == ' ' : Character.isWhitespace(c) || c < ' ') return false;
            }
            return true;
        }
    }

    /** A contributor or topic: the name shown and the slug filtered by. */
    record Link(String name, String slug) {}

    /** The top-level blocks of a rendered body, as the paywall counts them. */
    static List<Block> blocks(String bodyHtml) {
        List<Block> blocks = new ArrayList<>();
        for (Element e : Jsoup.parseBodyFragment(bodyHtml).body().children()) {
            Block.Kind kind = e.hasClass("pull-quote") ? Block.Kind.PULL_QUOTE
                    : e.tagName().matches("h[2-6]") ? Block.Kind.HEADING : Block.Kind.TEXT;
            blocks.add(new Block(kind, text(e)));
        }
        return blocks;
    }

    /** Between the parts of one block (a list's items, a picture's caption and credit) in its text. */
    static final String PART_BREAK = " · ";

    /**
     * A block's text, its inner blocks (list items, paragraphs of a quotation, a caption and its credit) kept apart by
     * {@link #PART_BREAK} rather than run together as one sentence.
     */
    static String text(Element block) {
        StringBuilder out = new StringBuilder();
        block.traverse((node, depth) -> {
            if (node instanceof TextNode t) {
                out.append(t.text());
            } else if (depth > 0 && node instanceof Element inner && (inner.isBlock() || inner.hasClass("credit"))) {
                int end = out.length();
                while (end > 0 && Character.isWhitespace(out.charAt(end - 1))) end--;
                // once between two parts, however deeply the second one's blocks nest
                if (end > 0 && out.charAt(end - 1) != '·') {
                    out.setLength(end);
                    out.append(PART_BREAK);
                }
            }
        });
        return out.toString().replaceAll("\\s+", " ").strip();
    }

    /** The whole body's text, pull quotes left out, blocks separated by a blank line. */
    static String fullText(List<Block> blocks) {
        return text(stored(blocks), ALL);
    }

    /**
     * The text of the opening a reader without access sees: the first {@code count} blocks that are not pull quotes,
     * without subheads at its end, as {@code subscription.Paywall.preview} cuts the body.
     */
    static String previewText(List<Block> blocks, int count) {
        return text(stored(blocks), Math.max(count, 0));
    }

    /** For {@link #text}: every block, as {@link #fullText} gives them. */
    static final int ALL = -1;

    /** The blocks as one string, as the index stores them: a line per block, its first character its kind. */
    static String stored(List<Block> blocks) {
        StringBuilder s = new StringBuilder();
        for (Block b : blocks) {
            if (!s.isEmpty()) s.append('\n');
            s.append(switch (b.kind()) {
                case TEXT -> 'p';
                case HEADING -> 'h';
                case PULL_QUOTE -> 'q';
            }).append(b.text());
        }
        return s.toString();
    }

    /** A block's kind from the first character of its line in {@link #stored}. */
    static Block.Kind kind(char c) {
        return switch (c) {
            case 'h' -> Block.Kind.HEADING;
            case 'q' -> Block.Kind.PULL_QUOTE;
            default -> Block.Kind.TEXT;
        };
    }

    /**
     * The text of {@link #stored} blocks, read straight from the string: the whole body's ({@code count} {@link #ALL}),
     * or the opening of {@code count} blocks (pull quotes left out and not counted, subheads at its end dropped), each
     * block's text apart from the next by a blank line. A page of search results takes each hit's text so.
     */
    static String text(String stored, int count) {
        StringBuilder out = new StringBuilder(stored == null ? 0 : stored.length());
        if (stored == null) return "";
        int taken = 0;
        int kept = 0; // the text up to the last block that is not a subhead: a preview ends there
        for (int start = 0, n = stored.length(); start < n; ) {
            int end = stored.indexOf('\n', start);
            if (end < 0) end = n;
            if (end > start) {
                Block.Kind kind = kind(stored.charAt(start));
                if (kind != Block.Kind.PULL_QUOTE) {
                    if (count != ALL && taken == count) break;
                    taken++;
                    if (end > start + 1) {
                        if (!out.isEmpty()) out.append("\n\n");
                        out.append(stored, start + 1, end);
                    }
                    if (kind != Block.Kind.HEADING) kept = out.length();
                }
            }
            start = end + 1;
        }
        if (count != ALL) out.setLength(kept);
        return out.toString();
    }
}
