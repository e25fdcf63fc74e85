package broadsheet.moderation;

import broadsheet.comment.CommentState;
import broadsheet.comment.Decision;
import broadsheet.comment.Submission;
import broadsheet.text.Texts;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The phases of the {@link Pipeline}, in the order it runs them: standing, length, the article's state, rate limit,
 * word lists, links, new readers, premoderation, repeats. Each is a function of the submission (and, for the words,
 * of the lists in effect); the reasons for holding name what a moderator should look at.
 */
public final class Phases {
    /** The longest comment, in characters. */
    public static final int MAX_LENGTH = 5000;
    /** Letters or digits a comment needs at least, so "." or a row of emoji is not a comment. */
    public static final int MIN_LETTERS = 2;
    private static final DateTimeFormatter UNTIL = DateTimeFormatter.ofPattern("d MMMM yyyy 'at' HH:mm", Locale.UK);
    /** A link as readers write them: with a scheme, starting www., or a bare address with a common ending. */
    private static final Pattern LINK = Pattern.compile(
            "(?i)\\b(?:https?://|www\\.)\\S|\\b[a-z0-9-]+(?:\\.[a-z0-9-]+)*\\.(?:com|org|net|info|biz|io|co|uk|us|eu|de|fr|ru|cn|ly|me|tv|xyz|app|online|site|shop)\\b(?:/|\\s|$)");

    private Phases() {}

    /** A banned reader, or one suspended now, may not comment; the suspended one learns until when. */
    public static Phase standing(ZoneId zone) {
        return s -> {
            if (s.standing().banned()) return new Decision.Reject("You may no longer comment on this site.");
            if (s.standing().suspended(s.now())) {
                return new Decision.Reject("You may not comment until " + UNTIL.format(s.standing().suspendedUntil().atZone(zone))
                        + ", when your suspension ends.");
            }
            return Decision.APPROVE;
        };
    }

    /**
     * At most {@link #MAX_LENGTH} characters, at least {@link #MIN_LETTERS} letters or digits, and no control characters
     * but line breaks and tabs (the database cannot even keep a NUL).
     */
    public static final Phase LENGTH = s -> {
        String body = s.body() == null ? "" : s.body();
        if (Texts.hasControlBesidesLineBreaks(body)) {
            return new Decision.Reject("Your comment contains characters we cannot show: please post plain text.");
        }
        int length = body.codePointCount(0, body.length());
        if (length > MAX_LENGTH) {
            return new Decision.Reject("A comment can have at most " + MAX_LENGTH + " characters; yours has " + length + ".");
        }
        if (body.codePoints().filter(Character::isLetterOrDigit).limit(MIN_LETTERS).count() < MIN_LETTERS) {
            return new Decision.Reject("Your comment is empty: write a few words.");
        }
        return Decision.APPROVE;
    };

    /** A closed article, or one without comments, takes none. */
    public static final Phase ARTICLE = s -> switch (s.state()) {
        case CLOSED -> new Decision.Reject("Comments on this article are closed.");
        case OFF -> new Decision.Reject("This article does not take comments.");
        case OPEN, PREMODERATED -> Decision.APPROVE;
    };

    /** The paper's pace: a wait between two comments, and so many an hour. */
    public static final Phase RATE = s -> {
        var h = s.history();
        int wait = s.rules().minSeconds();
        if (wait > 0 && h.lastPostedAt() != null) {
            Instant allowed = h.lastPostedAt().plusSeconds(wait);
            if (s.now().isBefore(allowed)) {
                long seconds = Math.max(1, (Duration.between(s.now(), allowed).toMillis() + 999) / 1000);
                return new Decision.Reject("You are posting too quickly: please wait " + seconds + " second" + (seconds == 1 ? "" : "s")
                        + " and try again.");
            }
        }
        if (h.lastHour() >= s.rules().perHour()) {
            return new Decision.Reject("You have posted " + h.lastHour() + " comments in the last hour, the most we take: please try again later.");
        }
        return Decision.APPROVE;
    };

    /** A banned word refuses the comment (without saying which, so the list stays private); a suspect one holds it. */
    public static Phase words(Supplier<WordLists.Lists> lists) {
        return s -> {
            WordLists.Lists l = lists.get();
            if (l.banned().find(s.body()).isPresent()) {
                return new Decision.Reject("Your comment contains language we do not publish. Please reword it and post it again.");
            }
            return l.suspect().find(s.body()).<Decision>map(w -> new Decision.Hold(List.of("suspect word: \u201c" + w + "\u201d")))
                    .orElse(Decision.APPROVE);
        };
    }

    /** A link from a reader with fewer approved comments than the paper asks for waits for a moderator. */
    public static final Phase LINKS = s -> {
        int approved = s.standing().approved();
        if (approved >= s.rules().linksAfter() || !hasLink(s.body())) return Decision.APPROVE;
        return new Decision.Hold(List.of("link from a reader with " + approved + " approved comment" + (approved == 1 ? "" : "s")));
    };

    /** A reader's first comments wait, until as many as the paper says have been approved. */
    public static final Phase NEW_READER = s -> {
        int first = s.rules().premoderateFirst();
        int approved = s.standing().approved();
        if (approved >= first) return Decision.APPROVE;
        return new Decision.Hold(List.of(s.history().total() == 0 ? "first comment of a new reader"
                : "comment of a new reader (" + approved + " of their first " + first + " approved so far)"));
    };

    /** Every comment waits on a premoderated article, or everywhere when the paper says so. */
    public static final Phase PREMODERATION = s -> {
        if (s.state() == CommentState.PREMODERATED) return new Decision.Hold(List.of("this article's comments are premoderated"));
        if (s.rules().premoderateAll()) return new Decision.Hold(List.of("all comments are premoderated (site setting)"));
        return Decision.APPROVE;
    };

    /** The same text as the reader's last comment (ignoring case and spacing) is refused: a double post or a flood. */
    public static final Phase REPEAT = s -> {
        String last = s.history().lastBody();
        if (last != null && same(last, s.body())) return new Decision.Reject("You have already posted this comment.");
        return Decision.APPROVE;
    };

    static boolean hasLink(String body) {
        return body != null && LINK.matcher(body).find();
    }

    private static boolean same(String a, String b) {
        return squeeze(a).equals(squeeze(b));
    }

    private static String squeeze(String s) {
        return s == null ? "" : s.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
