package broadsheet.article;

import broadsheet.media.Picture;
import broadsheet.shared.Page;
import broadsheet.web.Meta;
import broadsheet.web.Site;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A paginated list of articles under a heading: a section, a topic, a contributor or the latest news.
 *
 * @param kicker    a small line above the heading ("Topic", a job title), or empty
 * @param about     text under the heading (a description or a bio), or empty; a blank line starts a paragraph
 * @param current   the section slug to mark in the navigation, or empty
 * @param basePath  the listing's address without {@code ?page}
 * @param picture   a picture beside the heading (a writer's portrait), or null
 */
public record ListingView(Site site, Meta meta, String kicker, String heading, String about, String current,
                          Page<ArticleCard> page, String basePath, boolean showSection, Picture picture) {
    private static final Pattern BLANK_LINE = Pattern.compile("\\n\\s*\\n");

    /** The paragraphs of {@link #about}. */
    public List<String> aboutParagraphs() {
        return BLANK_LINE.splitAsStream(about.strip()).map(String::strip).filter(p -> !p.isEmpty()).toList();
    }
}
