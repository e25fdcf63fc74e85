package broadsheet.article;

import org.commonmark.node.BlockQuote;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;

/** How a body's block quotes are read: pull-quote marks and attribution lines. */
final class BodyQuotes {
    private BodyQuotes() {}

    /** If the quote opens with the pull-quote mark, removes the mark and returns true. */
    static boolean stripPullQuoteMark(BlockQuote quote) {
        if (!(quote.getFirstChild() instanceof Paragraph p)) return false;
        StringBuilder seen = new StringBuilder();
        Node n = p.getFirstChild();
        while (n instanceof Text t && seen.length() < BodyRenderer.PULL_QUOTE_MARK.length()) {
            seen.append(t.getLiteral());
            n = n.getNext();
        }
        String text = seen.toString();
        if (!text.toLowerCase().startsWith(BodyRenderer.PULL_QUOTE_MARK)) return false;
        Node stop = n;
        for (Node c = p.getFirstChild(); c != stop; ) {
            Node next = c.getNext();
            c.unlink();
            c = next;
        }
        String rest = text.substring(BodyRenderer.PULL_QUOTE_MARK.length()).stripLeading();
        if (!rest.isEmpty()) {
            p.prependChild(new Text(rest));
        } else if (p.getFirstChild() instanceof SoftLineBreak || p.getFirstChild() instanceof HardLineBreak) {
            p.getFirstChild().unlink();
        }
        if (p.getFirstChild() == null) p.unlink();
        return true;
    }

    /** The quote's last paragraph when it is an attribution ("— Name, title"), else null. */
    static Paragraph attribution(BlockQuote quote) {
        if (quote.getFirstChild() == quote.getLastChild()) return null;
        if (!(quote.getLastChild() instanceof Paragraph p)) return null;
        if (!(p.getFirstChild() instanceof Text t)) return null;
        String s = t.getLiteral();
        return s.startsWith("\u2014") || s.startsWith("\u2015") || s.startsWith("-- ") ? p : null;
    }
}
