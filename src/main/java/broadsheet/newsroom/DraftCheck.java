package broadsheet.newsroom;

import broadsheet.text.Slugs;
import java.util.LinkedHashMap;
import java.util.Map;

/** The checks a draft must pass before it is saved: each problem is keyed by the form field it concerns. */
final class DraftCheck {
    static final int MAX_HEADLINE = 300;
    static final int MAX_STANDFIRST = 600;
    static final int MAX_BODY = ArticleDraft.MAX_BODY;

    private DraftCheck() {}

    static Map<String, String> problems(ArticleDraft d, boolean sectionExists) {
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
        for (String name : d.bylines()) {
            if (name.length() > 120) p.put("bylines", "A byline name can have at most 120 characters.");
        }
        for (String name : d.topics()) {
            if (name.length() > 80) p.put("topics", "A topic name can have at most 80 characters.");
        }
        if (d.seoTitle().length() > 200) p.put("seoTitle", "The search title can have at most 200 characters.");
        if (d.seoDescription().length() > 400) p.put("seoDescription", "The search description can have at most 400 characters.");
        return p;
    }
}
