package broadsheet.article;

import broadsheet.media.Picture;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Code;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.Text;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlWriter;

/** The article-specific parts of {@link BodyRenderer}: subhead levels, quotes and pictures. */
final class BodyNodeRenderer implements NodeRenderer {
    /** Body pictures are at most the text column's width. */
    static final String BODY_SIZES = "(min-width: 42em) 38rem, 100vw";
    private final HtmlNodeRendererContext ctx;
    private final HtmlWriter html;
    private final Function<String, Optional<Picture>> pictures;
    private final Set<Node> pullQuotes;

    BodyNodeRenderer(HtmlNodeRendererContext ctx, Function<String, Optional<Picture>> pictures, Set<Node> pullQuotes) {
        this.ctx = ctx;
        this.html = ctx.getWriter();
        this.pictures = pictures;
        this.pullQuotes = pullQuotes;
    }

    @Override
    public Set<Class<? extends Node>> getNodeTypes() {
        return Set.of(Heading.class, BlockQuote.class, Paragraph.class, Image.class);
    }

    @Override
    public void render(Node node) {
        switch (node) {
            case Heading h -> heading(h);
            case BlockQuote q -> quote(q);
            case Paragraph p -> paragraph(p);
            case Image i -> picture(i, false);
            default -> throw new IllegalStateException("unexpected " + node);
        }
    }

    private void heading(Heading h) {
        String tag = "h" + Math.max(2, h.getLevel());
        html.line();
        html.tag(tag);
        children(h);
        html.tag("/" + tag);
        html.line();
    }

    private void quote(BlockQuote q) {
        html.line();
        if (pullQuotes.contains(q)) {
            html.tag("aside", Map.of("class", "pull-quote"));
            html.tag("blockquote");
            children(q);
            html.tag("/blockquote");
            html.tag("/aside");
        } else {
            Paragraph attribution = BodyQuotes.attribution(q);
            if (attribution != null) html.tag("figure", Map.of("class", "quote"));
            html.tag("blockquote");
            for (Node c = q.getFirstChild(); c != null && c != attribution; c = c.getNext()) ctx.render(c);
            html.tag("/blockquote");
            if (attribution != null) {
                html.tag("figcaption");
                children(attribution);
                html.tag("/figcaption");
                html.tag("/figure");
            }
        }
        html.line();
    }

    private void paragraph(Paragraph p) {
        if (p.getFirstChild() instanceof Image img && onlyWhitespaceAfter(img)) {
            picture(img, true);
            return;
        }
        if (p.getParent() instanceof ListItem item && item.getParent() instanceof ListBlock list && list.isTight()) {
            children(p);
            return;
        }
        html.line();
        html.tag("p");
        children(p);
        html.tag("/p");
        html.line();
    }

    private void picture(Image img, boolean block) {
        Optional<Picture> found = pictures.apply(img.getDestination());
        if (found.isEmpty()) return;
        String title = img.getTitle() == null ? "" : img.getTitle();
        int bar = title.indexOf('|');
        String caption = (bar < 0 ? title : title.substring(0, bar)).strip();
        String credit = bar < 0 ? "" : title.substring(bar + 1).strip();
        Picture pic = found.get().withWords(caption, credit, altText(img));
        if (block) {
            html.line();
            html.tag("figure", Map.of("class", "picture"));
        }
        if (pic.hasWebp()) {
            html.tag("picture");
            Map<String, String> source = new LinkedHashMap<>();
            source.put("type", "image/webp");
            source.put("srcset", pic.webpSrcset());
            source.put("sizes", BODY_SIZES);
            html.tag("source", source, true);
        }
        Map<String, String> attrs = new LinkedHashMap<>();
        attrs.put("src", pic.src());
        attrs.put("srcset", pic.srcset());
        attrs.put("sizes", BODY_SIZES);
        attrs.put("width", String.valueOf(pic.width()));
        attrs.put("height", String.valueOf(pic.height()));
        attrs.put("alt", pic.alt());
        attrs.put("loading", "lazy");
        attrs.put("decoding", "async");
        html.tag("img", attrs, true);
        if (pic.hasWebp()) html.tag("/picture");
        if (block) {
            if (!pic.caption().isEmpty() || !pic.credit().isEmpty()) {
                html.tag("figcaption");
                html.text(pic.caption());
                if (!pic.credit().isEmpty()) {
                    if (!pic.caption().isEmpty()) html.text(" ");
                    html.tag("span", Map.of("class", "credit"));
                    html.text(pic.credit());
                    html.tag("/span");
                }
                html.tag("/figcaption");
            }
            html.tag("/figure");
            html.line();
        }
    }

    /** The words of the picture's description, without markup. */
    static String altText(Image img) {
        StringBuilder sb = new StringBuilder();
        img.accept(new AbstractVisitor() {
            @Override
            public void visit(Text text) {
                sb.append(text.getLiteral());
            }

            @Override
            public void visit(Code code) {
                sb.append(code.getLiteral());
            }
        });
        return sb.toString().strip();
    }

    private static boolean onlyWhitespaceAfter(Node n) {
        for (Node c = n.getNext(); c != null; c = c.getNext()) {
            if (!(c instanceof Text t) || !t.getLiteral().isBlank()) return false;
        }
        return true;
    }

    private void children(Node parent) {
        for (Node c = parent.getFirstChild(); c != null; c = c.getNext()) ctx.render(c);
    }
}
