package broadsheet.article;

import broadsheet.content.AccessLevel;
import broadsheet.subscription.Paywall;
import broadsheet.subscription.PlanOffer;
import broadsheet.web.Meta;
import broadsheet.web.Site;
import java.util.List;

/**
 * What the article page template needs.
 *
 * @param bodyHtml the sanitised body, or its opening when the verdict gives a preview
 * @param verdict  what the paywall decided for this reader, and why
 * @param offer    the offer shown under a preview and at the foot of a gifted article
 * @param gift     the "Gift this article" button for a subscriber, or null
 * @param discussion the comment count and thread ({@link DiscussionView.Shown#NONE} for none)
 * @param more       the "More in" and "More on" lists of the article's end ({@link MoreLists#NONE} for none)
 */
public record ArticleView(Site site, Meta meta, ArticleDetail detail, Dateline dateline, String bodyHtml, Paywall.Verdict verdict,
                          Offer offer, GiftButton gift, DiscussionView.Shown discussion, MoreLists more) {

    public ArticleView {
        discussion = discussion == null ? DiscussionView.Shown.NONE : discussion;
        more = more == null ? MoreLists.NONE : more;
    }

    /** The page without the lists of more articles. */
    public ArticleView(Site site, Meta meta, ArticleDetail detail, Dateline dateline, String bodyHtml, Paywall.Verdict verdict,
                       Offer offer, GiftButton gift, DiscussionView.Shown discussion) {
        this(site, meta, detail, dateline, bodyHtml, verdict, offer, gift, discussion, MoreLists.NONE);
    }

    /** The page without comments. */
    public ArticleView(Site site, Meta meta, ArticleDetail detail, Dateline dateline, String bodyHtml, Paywall.Verdict verdict,
                       Offer offer, GiftButton gift) {
        this(site, meta, detail, dateline, bodyHtml, verdict, offer, gift, DiscussionView.Shown.NONE);
    }

    /** The whole article, as the newsroom previews it: no paywall, no offer. */
    public static ArticleView whole(Site site, Meta meta, ArticleDetail detail, Dateline dateline, String bodyHtml) {
        return new ArticleView(site, meta, detail, dateline, bodyHtml,
                Paywall.decide(detail.article().id(), AccessLevel.FREE, Paywall.Viewer.ANONYMOUS),
                new Offer(List.of(), "/", "/"), null);
    }

    /** The places that share this article: ordinary links, no script of theirs; none for a draft, which has no address yet. */
    public List<ShareLinks.Link> shareLinks() {
        String path = detail.article().path();
        return path == null ? List.of() : ShareLinks.of(site.absolute(path), detail.article().headline(), site.name());
    }

    /** Whether the reader gets only the opening. */
    public boolean preview() {
        return verdict.preview();
    }

    /**
     * The paywall's offer: the plans, and where to sign in or register so as to come back to this article.
     *
     * @param signIn the sign-in address, coming back here
     * @param signUp the registration address, coming back here
     */
    public record Offer(List<PlanOffer> plans, String signIn, String signUp) {}

    /**
     * The form a subscriber makes a gift link with.
     *
     * @param left gift links the reader may still make this month
     * @param csrf the reader's form token
     */
    public record GiftButton(long articleId, int left, String csrf) {}
}
