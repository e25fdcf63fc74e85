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
        return join(blocks.stream().filter(b -> b.kind() != Block.Kind.PULL_QUOTE).toList());
    }

    /**
     * The text of the opening a reader without access sees: the first {@code count} blocks that are not pull quotes,
     * without subheads at its end, as {@code subscription.Paywall.preview} cuts the body.
     */
    static String previewText(List<Block> blocks, int count) {
        List<Block> kept = new ArrayList<>();
        for (Block b : blocks) {
            if (kept.size() >= count) break;
            if (b.kind() != Block.Kind.PULL_QUOTE) kept.add(b);
        }
        while (!kept.isEmpty() && kept.getLast().kind() == Block.Kind.HEADING) kept.removeLast();
        return join(kept);
    }

    private static String join(List<Block> blocks) {
        return String.join("\n\n", blocks.stream().map(Block::text).filter(t -> !t.isEmpty()).toList());
    }
}
