package broadsheet.article;

import broadsheet.media.Picture;
import broadsheet.web.Meta;
import broadsheet.web.Site;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A page of a list of articles under a heading: a section, a topic, a contributor or the latest news.
 *
 * @param kicker    a small line above the heading ("Topic", a job title), or empty
 * @param about     text under the heading (a description or a bio), or empty; a blank line starts a paragraph
 * @param current   the section slug to mark in the navigation, or empty
 * @param items     the page's articles, newest first
 * @param firstPage whether this is the listing's first (newest) page
 * @param newer     the address of the page of newer stories, or null on the first page
 * @param older     the address of the page of older stories, or null on the last page
 * @param picture   a picture beside the heading (a writer's portrait), or null
 * @param front     whether the page is laid out as a section front ({@link #sectionFront()}) rather than a list
 */
public record ListingView(Site site, Meta meta, String kicker, String heading, String about, String current,
                          List<ArticleCard> items, boolean firstPage, String newer, String older, boolean showSection,
                          Picture picture, boolean front) {
    private static final Pattern BLANK_LINE = Pattern.compile("\\n\\s*\\n");
    /** The stories beside the section front's lead, headlines only. */
    static final int BESIDE = 3;
    /** The secondary stories under the lead, each with its picture. */
    static final int SECONDARY = 4;
    /** How many headlines each row of the rest holds, in turn; the pattern repeats and the last row takes what is left. */
    private static final List<Integer> ROW_SIZES = List.of(3, 4, 2, 3);

    /** The paragraphs of {@link #about}. */
    public List<String> aboutParagraphs() {
        return BLANK_LINE.splitAsStream(about.strip()).map(String::strip).filter(p -> !p.isEmpty()).toList();
    }

    /**
     * A section's first page as a section front: the lead story (picture, standfirst), {@link #BESIDE} headlines beside
     * it, a row of {@link #SECONDARY} stories with their pictures, then the rest as text-only headlines in rows of
     * varied widths ({@link Row}). Made of the page's own stories, in their order: nothing more is read for it.
     */
    public SectionFront sectionFront() {
        List<ArticleCard> rest = items.subList(Math.min(1, items.size()), items.size());
        List<ArticleCard> beside = take(rest, 0, BESIDE);
        List<ArticleCard> secondary = take(rest, BESIDE, SECONDARY);
        List<Row> rows = new ArrayList<>();
        int i = BESIDE + SECONDARY;
        for (int turn = 0; i < rest.size(); turn++) {
            int size = ROW_SIZES.get(turn % ROW_SIZES.size());
            rows.add(new Row(size, take(rest, i, size)));
            i += size;
        }
        return new SectionFront(items.isEmpty() ? null : items.getFirst(), beside, secondary, rows);
    }

    private static List<ArticleCard> take(List<ArticleCard> cards, int from, int n) {
        return cards.subList(Math.min(from, cards.size()), Math.min(from + n, cards.size()));
    }

    /** The parts of a section front, in the page's order; {@code lead} is null for a section without stories. */
    public record SectionFront(ArticleCard lead, List<ArticleCard> beside, List<ArticleCard> secondary, List<Row> rows) {}

    /**
     * A row of text-only headlines across the page: {@code columns} is how many it is laid out for (2, 3 or 4; a last
     * row may hold fewer cards); rows of 2 and 3 show the standfirsts, rows of 4 only the headlines.
     */
    public record Row(int columns, List<ArticleCard> cards) {}
}
