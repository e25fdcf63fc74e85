package broadsheet.importing;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Image;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * Finds the pictures in an article's body and reads each from a file beside the article. Owns the Markdown
 * picture syntax {@code ![alt](path "Caption | Credit")} and the file line of each picture; leaves where a file
 * may come from, and its size, to {@link PictureFiles}, and turning the body into HTML to the article pages.
 */
final class InlinePictures {
    /** Thread-safe and reusable; the spans give each picture's line within the body. */
    private static final Parser PARSER =
            Parser.builder().includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES).build();

    private InlinePictures() {
    }

    /**
     * The pictures of the body keyed by their destination exactly as written; when one destination is used
     * twice, the first use gives the caption, credit and alt text. A picture that cannot be used is noted in
     * {@code problems} and left out, and the others are still read.
     */
    static Map<String, ImageSource> read(PictureFiles files, String body, int bodyFirstLine, Problems problems) {
        var found = new LinkedHashMap<String, ImageSource>();
        if (!body.contains("![")) return found; // every picture is written "![", and most bodies have none
        var seen = new HashSet<String>();
        PARSER.parse(body).accept(new AbstractVisitor() {
            @Override
            public void visit(Image image) {
                String destination = image.getDestination();
                if (!seen.add(destination)) {
                    return;
                }
                int line = bodyFirstLine + (image.getSourceSpans().isEmpty()
                        ? 0 : image.getSourceSpans().getFirst().getLineIndex());
                var picture = problems.value(() -> files.load(destination, line, null));
                if (picture == null) {
                    return;
                }
                String title = image.getTitle() == null ? "" : image.getTitle();
                int bar = title.lastIndexOf('|');
                String caption = bar < 0 ? title : title.substring(0, bar);
                String credit = bar < 0 ? "" : title.substring(bar + 1);
                found.put(destination,
                        new ImageSource(picture.origin(), picture.bytes(), caption, credit, altText(image), line, null));
            }
        });
        return found;
    }

    /** The alt text as a reader would hear it: the words of the picture's description, without markup. */
    private static String altText(Image image) {
        var alt = new StringBuilder();
        var words = new AbstractVisitor() {
            @Override
            public void visit(Text text) {
                alt.append(text.getLiteral());
            }

            @Override
            public void visit(Code code) {
                alt.append(code.getLiteral());
            }

            @Override
            public void visit(SoftLineBreak lineBreak) {
                alt.append(' ');
            }

            @Override
            public void visit(HardLineBreak lineBreak) {
                alt.append(' ');
            }
        };
        for (Node child = image.getFirstChild(); child != null; child = child.getNext()) {
            child.accept(words);
        }
        return alt.toString();
    }
}
