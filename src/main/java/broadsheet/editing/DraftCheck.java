package broadsheet.editing;

import broadsheet.article.ArticleContent;
import broadsheet.article.Byline;
import broadsheet.text.Slugs;
import broadsheet.text.Texts;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The checks an article's content must pass before it is saved: each problem is keyed by the form field it concerns. */
public final class DraftCheck {
    static final int MAX_HEADLINE = 300;
    static final int MAX_STANDFIRST = 600;
    /** The longest body the editing rules accept, in characters; request limits leave room for it. */
    public static final int MAX_BODY = 500_000;

    private DraftCheck() {}

    static Map<String, String> problems(ArticleContent d, boolean sectionExists) {
        Map<String, String> p = new LinkedHashMap<>();
        if (d.headline().isEmpty()) p.put("headline", "Every article needs a headline.");
        else if (d.headline().length() > MAX_HEADLINE) p.put("headline", "A headline can have at most " + MAX_HEADLINE + " characters.");
        else if (d.headline().contains("\n")) p.put("headline", "A headline is one line.");
        if (d.standfirst().length() > MAX_STANDFIRST) p.put("standfirst", "A standfirst can have at most " + MAX_STANDFIRST + " characters.");
        if (!d.slug().isEmpty() && !Slugs.isValid(d.slug())) {
            p.put("slug", "A slug is lower-case letters and digits joined by single hyphens, such as harbour-vote-delayed.");
        }
        if (d.sectionSlug().isEmpty()) p.put("section", "Choose a section.");
        else if (!sectionExists) p.put("section", "There is no section \"" + d.sectionSlug() + "\".");
        if (d.body().length() > MAX_BODY) p.put("body", "The body is too long (at most " + MAX_BODY + " characters).");
        if (d.bylines().size() > Byline.MAX_PER_ARTICLE) {
            p.put("bylines", "An article can have at most " + Byline.MAX_PER_ARTICLE + " bylines; this one has " + d.bylines().size() + ".");
        }
        names(p, "bylines", "Byline", d.bylines(), 120);
        names(p, "topics", "Topic", d.topics(), 80);
        if (d.search().title().length() > 200) p.put("seoTitle", "The search title can have at most 200 characters.");
        if (d.search().description().length() > 400) p.put("seoDescription", "The search description can have at most 400 characters.");
        return p;
    }

    /**
     * The problem of the first name in the list that is too long or holds a control character (a bell, an
     * escape, a tab: names are plain text on one line, shown on public pages and in the Content API).
     */
    private static void names(Map<String, String> p, String field, String word, List<String> names, int max) {
        for (int i = 0; i < names.size() && !p.containsKey(field); i++) {
            String name = names.get(i);
            if (name.length() > max) p.put(field, "A " + word.toLowerCase() + " name can have at most " + max + " characters.");
            else if (Texts.hasControl(name)) {
                p.put(field, word + " " + (i + 1) + " has a control character (such as a bell or an escape); a name is plain text on one line.");
            }
        }
    }
}
