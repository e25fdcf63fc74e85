package broadsheet.article;

/**
 * What search engines and shared links show of an article instead of its headline and standfirst, each empty
 * where those are shown. Text is stripped.
 */
public record SearchFields(String title, String description) {
    public static final SearchFields NONE = new SearchFields("", "");

    public SearchFields {
        title = ArticleContent.clean(title);
        description = ArticleContent.clean(description);
    }
}
