package broadsheet.article;

/**
 * An article's lead picture: a picture of the media library by its number (null for none), with the article's own
 * caption, credit and alt text, each empty where the library's words are shown. Text is stripped.
 */
public record LeadPicture(Long imageId, String caption, String credit, String alt) {
    public static final LeadPicture NONE = new LeadPicture(null, "", "", "");

    public LeadPicture {
        caption = ArticleContent.clean(caption);
        credit = ArticleContent.clean(credit);
        alt = ArticleContent.clean(alt);
    }

    /** A picture of the library shown with the library's words. */
    public static LeadPicture of(Long imageId) {
        return new LeadPicture(imageId, "", "", "");
    }
}
