package broadsheet.article;

import broadsheet.media.Picture;
import broadsheet.text.Sanitiser;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;

/**
 * Turns an article body written in Markdown into the HTML readers get: paragraphs, subheads (a {@code #}
 * becomes {@code h2}, since the headline is the page's only {@code h1}), lists, block quotes with an
 * attribution line starting with an em dash, pull quotes (a block quote opening with {@code [!pullquote]}),
 * and pictures from the media library ({@code ![alt](image:42 "Caption | Credit")}). Raw HTML in the
 * Markdown is shown as text, and the result goes through the {@link Sanitiser}.
 * Storing pictures and rewriting their addresses to {@code image:ID} is the importer's and editor's job.
 */
public final class BodyRenderer {
    public static final String PULL_QUOTE_MARK = "[!pullquote]";
    private static final Parser PARSER = Parser.builder().build();

    /** Renders the body; {@code pictures} resolves an image destination such as {@code image:42}. */
    public String render(String markdown, Function<String, Optional<Picture>> pictures) {
        Node doc = PARSER.parse(markdown == null ? "" : markdown);
        Set<Node> pullQuotes = Collections.newSetFromMap(new IdentityHashMap<>());
        doc.accept(new AbstractVisitor() {
            @Override
            public void visit(BlockQuote quote) {
                if (BodyQuotes.stripPullQuoteMark(quote)) pullQuotes.add(quote);
                visitChildren(quote);
            }
        });
        HtmlRenderer renderer = HtmlRenderer.builder()
                .escapeHtml(true)
                .sanitizeUrls(true)
                .nodeRendererFactory(ctx -> new BodyNodeRenderer(ctx, pictures, pullQuotes))
                .build();
        return Sanitiser.article(renderer.render(doc));
    }

    /** Every picture destination in the body, in order of appearance. */
    public Set<String> pictureDestinations(String markdown) {
        Set<String> out = new LinkedHashSet<>();
        PARSER.parse(markdown == null ? "" : markdown).accept(new AbstractVisitor() {
            @Override
            public void visit(Image image) {
                out.add(image.getDestination());
                visitChildren(image);
            }
        });
        return out;
    }

    /** The body as plain text, for descriptions and search. */
    public String plainText(String markdown) {
        Node doc = PARSER.parse(markdown == null ? "" : markdown);
        doc.accept(new AbstractVisitor() {
            @Override
            public void visit(BlockQuote quote) {
                BodyQuotes.stripPullQuoteMark(quote);
                visitChildren(quote);
            }
        });
        return TextContentRenderer.builder().build().render(doc).strip();
    }

    /** The first paragraph's text, for a description when the article has no standfirst. */
    public String firstParagraph(String markdown) {
        Node doc = PARSER.parse(markdown == null ? "" : markdown);
        for (Node n = doc.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof Paragraph && !(n.getFirstChild() instanceof Image)) {
                return TextContentRenderer.builder().build().render(n).strip();
            }
            if (n instanceof Heading) continue;
        }
        return "";
    }
}
