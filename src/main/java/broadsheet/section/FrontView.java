package broadsheet.section;

import broadsheet.article.ArticleCard;
import broadsheet.content.Section;
import broadsheet.web.Meta;
import broadsheet.web.Site;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The home page: the masthead's date ({@code today}, in the paper's zone), the top stories (the lead, the few beside
 * it, a row more), then the sections' blocks in rows of varied shapes; {@code older} the address of more stories, or null.
 */
public record FrontView(Site site, Meta meta, LocalDate today, ArticleCard lead, List<ArticleCard> beside, List<ArticleCard> more,
                        List<Row> rows, String older) {
    /** One section's block: its lead story and the text-only stories after it. */
    public record Block(Section section, ArticleCard lead, List<ArticleCard> rest) {
        /** This block with at most {@code n} stories after its lead. */
        Block upTo(int n) {
            return rest.size() <= n ? this : new Block(section, lead, rest.subList(0, n));
        }
    }

    /**
     * A row of the page below the top stories, and its shape: {@code feature-left} and {@code feature-right} (one
     * section across the page, the lead's picture on that side, its other stories in a column), {@code pair} (two
     * sections side by side, each a lead over two more stories), {@code columns} (one section: a lead and a three-column
     * text list), and {@code compact} (one or two sections as headlines only).
     */
    public record Row(String shape, List<Block> blocks) {}

    /** The shapes of the rows, in turn, for the sections in the newsroom's order; the pattern repeats. */
    private static final List<String> PATTERN = List.of("feature-left", "pair", "feature-right", "pair", "compact", "columns", "pair", "compact");

    /** The sections' blocks laid out in rows of {@link #PATTERN}'s shapes; a pair left with one section becomes columns. */
    public static List<Row> rows(List<Block> blocks) {
        List<Row> rows = new ArrayList<>();
        int i = 0;
        for (int turn = 0; i < blocks.size(); turn++) {
            String shape = PATTERN.get(turn % PATTERN.size());
            boolean two = shape.equals("pair") || shape.equals("compact");
            if (two && i + 1 < blocks.size()) {
                // a pair's section has room for its lead and two more beside the other; compact ones keep four headlines
                int rest = shape.equals("pair") ? 2 : 3;
                rows.add(new Row(shape, List.of(blocks.get(i).upTo(rest), blocks.get(i + 1).upTo(rest))));
                i += 2;
            } else {
                rows.add(new Row(shape.equals("pair") ? "columns" : shape, List.of(blocks.get(i++))));
            }
        }
        return rows;
    }
}
