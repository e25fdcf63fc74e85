package broadsheet.article;

import java.util.Locale;

/** Where an article is in the newsroom's workflow. Only {@link #PUBLISHED} articles are on the site. */
public enum Status {
    DRAFT, SUBMITTED, SCHEDULED, PUBLISHED, UNPUBLISHED;

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Status fromWord(String word) {
        return valueOf(word.toUpperCase(Locale.ROOT));
    }
}
