package broadsheet.comment;

import broadsheet.article.Dateline;
import broadsheet.web.Meta;
import broadsheet.web.Site;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/** What the comment templates show: a thread (on the article page, its own page, or a "show more" fragment), one comment. */
public final class CommentViews {
    private CommentViews() {}

    /** Who reads: a signed-in reader's id and form token; null stands for a visitor who is not signed in. */
    public record Reader(long id, String csrf) {}

    /** What stands where the comment form goes. */
    public enum FormKind {
        /** A visitor: sign in to comment. */
        SIGN_IN,
        /** The form. */
        POST,
        /** Comments are for subscribers. */
        NOT_SUBSCRIBER,
        BANNED,
        SUSPENDED,
        /** The article takes no more comments. */
        CLOSED
    }

    /**
     * The form, or what stands in its place.
     *
     * @param body      the text to show in it again (after a refusal, or when editing)
     * @param message   why the last try was refused, or null
     * @param replyTo   the comment a reply answers, or null
     * @param editing   the comment being edited, or null
     * @param reporting the comment being reported, or null
     * @param barredWhy a ban's reason, or null
     * @param until     the end of a suspension, or null
     */
    public record Form(FormKind kind, String body, String message, Comment replyTo, Comment editing, Comment reporting,
                       String barredWhy, Instant until) {
        public static Form of(FormKind kind) {
            return new Form(kind, "", null, null, null, null, null, null);
        }

        public Form refused(String text, String why) {
            return new Form(kind, text, why, replyTo, editing, reporting, barredWhy, until);
        }
    }

    /**
     * A thread as one page shows it.
     *
     * @param meta       the whole page's (its own address), unused in the article's section
     * @param entries    the comments of this page
     * @param more       the address of the next page ("show more"), or null
     * @param reader     who reads, or null for a visitor
     * @param thread     the top-level comment whose replies this page lists, or null for the whole thread
     * @param recommended the comments on this page the reader recommended
     */
    public record ThreadView(Site site, Meta meta, CommentStore.Subject article, CommentState state, ThreadSort sort,
                             List<CommentThreads.Entry> entries, String more, Reader reader, Form form, Duration editWindow,
                             Instant now, Long thread, Set<Long> recommended, boolean whole) {

        public ZoneId zone() {
            return site.zone();
        }

        /** The thread's own address in another order. */
        public String sorted(ThreadSort s) {
            return "/comments/" + article.id() + (s == ThreadSort.NEWEST ? "" : "?sort=" + s.word());
        }

        public String count() {
            return article.count() == 1 ? "1 comment" : article.count() + " comments";
        }

        public String signIn() {
            return "/account/signin?next=" + URLEncoder.encode(article.path() + "#comments", StandardCharsets.UTF_8);
        }

        public String moreReplies(Comment top) {
            return "/comments/" + article.id() + "?thread=" + top.id() + "#comment-" + top.id();
        }

        public String replyLink(Comment c) {
            return "/comments/" + article.id() + "?reply=" + c.id() + "#comment-form";
        }

        public String editLink(Comment c) {
            return "/comments/" + article.id() + "?edit=" + c.id() + "#comment-form";
        }

        public String reportLink(Comment c) {
            return "/comments/" + article.id() + "?report=" + c.id() + "#comment-form";
        }

        public String time(Instant t) {
            return Dateline.format(t, site.zone());
        }

        public String iso(Instant t) {
            return Dateline.iso(t, site.zone());
        }

        private boolean poster() {
            return reader != null && form.kind() == FormKind.POST;
        }

        public boolean canReply(Comment c) {
            return poster() && c.approved();
        }

        public boolean canEdit(Comment c) {
            return reader != null && c.by(reader.id()) && (c.approved() || c.pending()) && now.isBefore(c.createdAt().plus(editWindow));
        }

        public boolean canDelete(Comment c) {
            return reader != null && c.by(reader.id()) && (c.approved() || c.pending());
        }

        /** Whether the reader may recommend or report it (someone else's, shown). */
        public boolean canRecommend(Comment c) {
            return reader != null && c.approved() && !c.by(reader.id());
        }

        public boolean recommendedIt(Comment c) {
            return recommended.contains(c.id());
        }

        /** Whether the page's form is the one at the top (a new comment), not a reply, edit or report. */
        public boolean topForm() {
            return form.replyTo() == null && form.editing() == null && form.reporting() == null;
        }

        public String formAction() {
            if (form.editing() != null) return "/comments/c/" + form.editing().id() + "/edit";
            if (form.reporting() != null) return "/comments/c/" + form.reporting().id() + "/report";
            return "/comments/" + article.id();
        }

        public List<String> reasons() {
            return CommentPosting.REPORT_REASONS;
        }
    }

    /** One comment alone (a comment posted or a recommendation given in place, with JavaScript). */
    public record ItemView(CommentThreads.Entry entry, ThreadView thread) {}
}
