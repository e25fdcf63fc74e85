package broadsheet.comment;

import broadsheet.mail.Mail;
import broadsheet.mail.Mailer;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mails a commenter gets: someone replied to their comment, or the newsroom picked it. Each is looked up and
 * sent on its own virtual thread, so posting or picking never waits for the mail server, and a mail that fails
 * is logged, never thrown. Only to a reader with a confirmed address who has not turned these mails off, only
 * about a comment that shows on a published article, and never about a reply to oneself. Each mail has the
 * link to the comment and one link that turns these mails off.
 */
public final class CommentMails implements CommentEvents {
    private static final Logger log = LoggerFactory.getLogger(CommentMails.class);
    /** How much of a comment a mail quotes. */
    static final int QUOTED = 600;
    private final Jdbi jdbi;
    private final Mailer mailer;
    private final CommentMailTokens tokens;
    private final String baseUrl;
    private final Supplier<String> siteName;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

    /** {@code mailer} sends at once: this class sends in the background itself. */
    public CommentMails(Jdbi jdbi, Mailer mailer, CommentMailTokens tokens, String baseUrl, Supplier<String> siteName) {
        this.jdbi = jdbi;
        this.mailer = mailer;
        this.tokens = tokens;
        this.baseUrl = baseUrl;
        this.siteName = siteName;
    }

    @Override
    public void published(long commentId) {
        later(commentId, () -> sendReply(commentId));
    }

    @Override
    public void featured(long commentId) {
        later(commentId, () -> sendPick(commentId));
    }

    /** What a mail needs to know of a comment and the reader it goes to. */
    record Due(long readerId, String email, String writer, String body, String headline, String articlePath) {}

    /** Mails the writer of the comment this one answers, if that is due; says whether it sent one. */
    boolean sendReply(long commentId) {
        Optional<Due> due = due(commentId, """
                SELECT p.reader_id, r.email, c.author_name, c.body, a.headline, a.path
                FROM comments c
                JOIN comments p ON p.id = c.parent_id
                JOIN readers r ON r.id = p.reader_id
                JOIN articles a ON a.id = c.article_id
                LEFT JOIN commenters m ON m.reader_id = p.reader_id
                WHERE c.id = :id AND c.status = 'approved' AND p.status = 'approved'
                  AND c.reader_id IS DISTINCT FROM p.reader_id""");
        due.ifPresent(d -> send(d, commentId, d.writer() + " replied to your comment on " + quoted(d.headline()),
                d.writer() + " replied to your comment on " + quoted(d.headline()) + ":\n\n" + quote(d.body())
                        + "\n\nRead the reply, and answer it if you like:\n"));
        return due.isPresent();
    }

    /** Mails the writer of a picked comment, if that is due; says whether it sent one. */
    boolean sendPick(long commentId) {
        Optional<Due> due = due(commentId, """
                SELECT c.reader_id, r.email, c.author_name, c.body, a.headline, a.path
                FROM comments c
                JOIN readers r ON r.id = c.reader_id
                JOIN articles a ON a.id = c.article_id
                LEFT JOIN commenters m ON m.reader_id = c.reader_id
                WHERE c.id = :id AND c.status = 'approved' AND c.featured_at IS NOT NULL""");
        due.ifPresent(d -> send(d, commentId, "The newsroom picked your comment on " + quoted(d.headline()),
                "The newsroom of " + siteName.get() + " made your comment on " + quoted(d.headline())
                        + " one of the editor's picks:\n\n" + quote(d.body()) + "\n\nSee it in the thread:\n"));
        return due.isPresent();
    }

    /**
     * The mail a query finds due ({@code m}: the recipient's commenter row, {@code r} their account, {@code a} the
     * article), when the recipient wants such mail at a confirmed address and the article shows its thread.
     */
    private Optional<Due> due(long commentId, String query) {
        return jdbi.withHandle(h -> h.createQuery(query + """

                          AND coalesce(m.notify, true) AND r.email_verified_at IS NOT NULL
                          AND a.status = 'published' AND a.path IS NOT NULL AND a.comment_policy <> 'off'""")
                .bind("id", commentId)
                .map((rs, ctx) -> new Due(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)))
                .findOne());
    }

    private void send(Due due, long commentId, String subject, String opening) {
        String link = baseUrl + due.articlePath() + "#comment-" + commentId;
        String off = baseUrl + "/account/comment-mail/off?token=" + tokens.issue(due.readerId());
        String text = opening + link + "\n\nYou get this mail because you comment on " + siteName.get()
                + ". To stop mail about replies and editor's picks, open this link:\n" + off
                + "\n\n" + siteName.get() + "\n" + baseUrl + "\n";
        mailer.send(Mail.text(due.email(), oneLine(subject + " - " + siteName.get()), text, link));
    }

    private void later(long commentId, Runnable task) {
        threads.execute(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                log.warn("Could not send the mail about comment {}: {}", commentId, e.getMessage());
            }
        });
    }

    /** A headline in quotation marks. */
    private static String quoted(String headline) {
        return "“" + headline + "”";
    }

    /**
     * A comment as a mail quotes it: its paragraphs, each line marked with "> ", shortened at a word to about
     * {@link #QUOTED} characters.
     */
    static String quote(String body) {
        String text = body.strip().replace("\r\n", "\n").replaceAll("\n{3,}", "\n\n");
        if (text.length() > QUOTED) {
            int cut = text.lastIndexOf(' ', QUOTED);
            text = text.substring(0, cut > QUOTED / 2 ? cut : QUOTED).stripTrailing() + " …";
        }
        return "> " + text.replace("\n", "\n> ");
    }

    /** A subject is one line, whatever a headline holds. */
    private static String oneLine(String s) {
        return s.replaceAll("\\p{Cntrl}+", " ");
    }
}
