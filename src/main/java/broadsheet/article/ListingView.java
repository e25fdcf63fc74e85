package broadsheet.article;

import broadsheet.media.Picture;
import broadsheet.web.Meta;
import broadsheet.web.Site;
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
 */
public record ListingView(Site site, Meta meta, String kicker, String heading, String about, String current,
                          List<ArticleCard> items, boolean firstPage, String newer, String older, boolean showSection,
                          Picture picture) {
    private static final Pattern BLANK_LINE = Pattern.compile("\\n\\s*\\n");

    /** The paragraphs of {@link #about}. */
    public List<String> aboutParagraphs() {
        return BLANK_LINE.splitAsStream(about.strip()).map(String::strip).filter(p -> !p.isEmpty()).toList();
    }
}
