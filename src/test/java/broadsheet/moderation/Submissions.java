package broadsheet.moderation;

import broadsheet.comment.CommentState;
import broadsheet.comment.Standing;
import broadsheet.comment.Submission;
import broadsheet.settings.CommentSettings;
import java.time.Instant;

/** Submissions for the phases' tests: a clean, approved regular on an open article, changed one field at a time. */
final class Submissions {
    static final Instant NOW = Instant.parse("2025-12-07T15:00:00Z");
    /** A reader with ten approved comments, the last an hour ago. */
    static final Standing REGULAR = new Standing(10, 0, 0, null, null, null, true);
    static final Submission.History HISTORY = new Submission.History(10, NOW.minusSeconds(3600), 0, "An earlier comment.");
    static final CommentSettings RULES = CommentSettings.DEFAULTS;

    private Submissions() {}

    static Submission of(String body) {
        return new Submission(1, 2, body, false, CommentState.OPEN, REGULAR, HISTORY, RULES, NOW);
    }

    static Submission with(Submission s, CommentState state) {
        return new Submission(s.articleId(), s.readerId(), s.body(), s.reply(), state, s.standing(), s.history(), s.rules(), s.now());
    }

    static Submission with(Submission s, Standing standing) {
        return new Submission(s.articleId(), s.readerId(), s.body(), s.reply(), s.state(), standing, s.history(), s.rules(), s.now());
    }

    static Submission with(Submission s, Submission.History history) {
        return new Submission(s.articleId(), s.readerId(), s.body(), s.reply(), s.state(), s.standing(), history, s.rules(), s.now());
    }

    static Submission with(Submission s, CommentSettings rules) {
        return new Submission(s.articleId(), s.readerId(), s.body(), s.reply(), s.state(), s.standing(), s.history(), rules, s.now());
    }

    static Standing approved(int n) {
        return new Standing(n, 0, 0, null, null, null, true);
    }

    static CommentSettings rules(int minSeconds, int perHour, int linksAfter, int premoderateFirst, boolean premoderateAll) {
        return new CommentSettings(CommentSettings.Who.READERS, 7, 5, minSeconds, perHour, linksAfter, premoderateFirst, premoderateAll,
                CommentSettings.OnDeletion.ANONYMISE);
    }
}
