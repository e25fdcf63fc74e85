package broadsheet.moderation;

import broadsheet.shared.AuditLog;
import broadsheet.storage.ChangeFeed;
import broadsheet.text.Texts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/**
 * The banned and suspect word lists ({@code comment_words}): reading them, saving a moderator's edit (checked, stored
 * whole, audited and announced in one transaction), and the matchers built from them, kept in memory. The cache is
 * emptied by {@link #refresh} (which the composition root runs on every change notice, so every instance hears of an
 * edit) and, should a notice be missed, reloaded when older than {@link #MAX_AGE}.
 */
public final class WordLists {
    /** Entries a list may have. */
    public static final int MAX_WORDS = 500;
    /** Characters an entry may have. */
    public static final int MAX_LENGTH = 60;
    /** How long the lists are trusted without a change notice. */
    public static final Duration MAX_AGE = Duration.ofMinutes(1);
    /** The change notice of an edit. */
    static final String NOTICE = "comment words";

    private final Jdbi jdbi;
    private final Clock clock;
    private volatile Lists cached;

    public WordLists(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** Both lists as typed, one entry each, and their matchers. */
    public record Lists(List<String> bannedWords, List<String> suspectWords, WordMatcher banned, WordMatcher suspect, Instant loadedAt) {
        public static Lists of(List<String> banned, List<String> suspect, Instant at) {
            return new Lists(List.copyOf(banned), List.copyOf(suspect), new WordMatcher(banned), new WordMatcher(suspect), at);
        }
    }

    /** What became of an edit. */
    public sealed interface Outcome {
        /** Stored; {@code added} and {@code removed} per list ("banned", "suspect"), empty when nothing changed. */
        record Saved(Map<String, List<String>> added, Map<String, List<String>> removed) implements Outcome {
            public boolean changed() {
                return added.values().stream().anyMatch(l -> !l.isEmpty()) || removed.values().stream().anyMatch(l -> !l.isEmpty());
            }
        }

        /** Nothing stored; problems keyed by field ("banned", "suspect"). */
        record Invalid(Map<String, String> problems) implements Outcome {}
    }

    /** The lists in effect, from memory unless emptied or stale. */
    public Lists current() {
        Lists l = cached;
        Instant now = clock.instant();
        if (l == null || now.isAfter(l.loadedAt().plus(MAX_AGE)) || now.isBefore(l.loadedAt())) {
            l = load(now);
            cached = l;
        }
        return l;
    }

    /** Forgets the lists in memory: the next comment reads them again. Cheap; run on every change notice. */
    public void refresh() {
        cached = null;
    }

    private Lists load(Instant now) {
        return jdbi.withHandle(h -> {
            List<String> banned = new ArrayList<>();
            List<String> suspect = new ArrayList<>();
            h.createQuery("SELECT kind, word FROM comment_words ORDER BY kind, lower(word), word").map((rs, ctx) -> {
                ("banned".equals(rs.getString("kind")) ? banned : suspect).add(rs.getString("word"));
                return 0;
            }).list();
            return Lists.of(banned, suspect, now);
        });
    }

    /** The entries of a textarea: one a line, stripped, blank lines and repeats (ignoring case) dropped, in the order typed. */
    public static List<String> entries(String text) {
        Set<String> seen = new LinkedHashSet<>();
        List<String> out = new ArrayList<>();
        if (text == null) return out;
        for (String line : text.split("\\R")) {
            String w = line.strip();
            if (!w.isEmpty() && seen.add(w.toLowerCase(Locale.ROOT))) out.add(w);
        }
        return out;
    }

    /** The problem with a list as typed, or null. */
    static String problem(String which, String text) {
        if (text != null && text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')
                || text != null && text.contains("\t")) {
            return "The " + which + " words may not contain control characters or tabs.";
        }
        List<String> words = entries(text);
        if (words.size() > MAX_WORDS) return "A list can have at most " + MAX_WORDS + " entries; this one has " + words.size() + ".";
        for (String w : words) {
            if (w.codePointCount(0, w.length()) > MAX_LENGTH) {
                return "An entry can have at most " + MAX_LENGTH + " characters: \u201c" + Texts.shorten(w, 40) + "\u201d is longer.";
            }
            if (w.codePoints().noneMatch(Character::isLetterOrDigit)) {
                return "Each entry needs a letter or digit: \u201c" + w + "\u201d has none.";
            }
        }
        return null;
    }

    /** Replaces both lists with these texts (a line each entry), or stores nothing when one is wrong. */
    public Outcome save(AuditLog.Actor actor, String bannedText, String suspectText, Instant now) {
        Map<String, String> problems = new LinkedHashMap<>();
        String b = problem("banned", bannedText);
        if (b != null) problems.put("banned", b);
        String s = problem("suspect", suspectText);
        if (s != null) problems.put("suspect", s);
        if (!problems.isEmpty()) return new Outcome.Invalid(problems);
        Map<String, List<String>> wanted = Map.of("banned", entries(bannedText), "suspect", entries(suspectText));
        Outcome.Saved saved = jdbi.inTransaction(h -> {
            // two moderators saving at once take turns, so each audit entry says what the other left
            h.execute("LOCK TABLE comment_words IN SHARE ROW EXCLUSIVE MODE");
            Map<String, List<String>> added = new LinkedHashMap<>();
            Map<String, List<String>> removed = new LinkedHashMap<>();
            for (String kind : List.of("banned", "suspect")) {
                List<String> before = h.createQuery("SELECT word FROM comment_words WHERE kind = :kind ORDER BY word")
                        .bind("kind", kind).mapTo(String.class).list();
                List<String> after = wanted.get(kind);
                added.put(kind, after.stream().filter(w -> !before.contains(w)).toList());
                removed.put(kind, before.stream().filter(w -> !after.contains(w)).toList());
                for (String w : removed.get(kind)) {
                    h.createUpdate("DELETE FROM comment_words WHERE kind = :kind AND word = :word").bind("kind", kind).bind("word", w).execute();
                }
                for (String w : added.get(kind)) {
                    h.createUpdate("INSERT INTO comment_words (word, kind, added_at) VALUES (:word, :kind, :now)")
                            .bind("word", w).bind("kind", kind).bind("now", now).execute();
                }
            }
            var out = new Outcome.Saved(added, removed);
            if (out.changed()) {
                Map<String, Object> details = new LinkedHashMap<>();
                for (String kind : List.of("banned", "suspect")) {
                    if (!added.get(kind).isEmpty()) details.put(kind + " added", added.get(kind));
                    if (!removed.get(kind).isEmpty()) details.put(kind + " removed", removed.get(kind));
                }
                AuditLog.record(h, actor, "comment words changed", "word lists", details, now);
                ChangeFeed.announce(h, NOTICE);
            }
            return out;
        });
        if (saved.changed()) refresh();
        return saved;
    }
}
