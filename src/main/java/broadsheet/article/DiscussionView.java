package broadsheet.article;

import broadsheet.web.SignedInReader;
import gg.jte.Content;
import java.util.Optional;

/**
 * What the article page shows of its readers' comments: the count near the byline and the thread at the end. The
 * comment feature answers it (the composition root wires it), so this package knows nothing of comments. For a
 * visitor who is not signed in the answer must be the same for everyone, as the page is public and cached.
 */
@FunctionalInterface
public interface DiscussionView {
    /**
     * {@code entitled}: whether the reader has a subscription, when the paywall has already asked on this request
     * (empty when it has not, or for a visitor), so the comment form's rules need not ask again.
     */
    Shown of(ArticleDetail detail, Optional<SignedInReader> reader, Optional<Boolean> entitled);

    /**
     * @param count   the words of the link near the byline ("238 comments", "Comment"), or null for none
     * @param section the {@code <section id="comments">} at the end, or null for none
     */
    record Shown(String count, Content section) {
        public static final Shown NONE = new Shown(null, null);
    }

    /** No comments anywhere (newsroom previews, gift links, tests). */
    DiscussionView NONE = (d, r, e) -> Shown.NONE;
}
