package broadsheet.moderation;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Finds words of a list in a comment, as a reader might disguise them: case and accents do not matter ("ÍDIOT"),
 * nor do punctuation inside a word ("i.d.i.o.t", "id-iot", "id*iot") or spaces between single letters ("i d i o t").
 * Only whole words match: "ass" finds "ass", "a.s.s" and "hard-ass", never "class", "assess" or "pass sage"; and words
 * that merely sit next to each other do not run together ("the pen is" is not "penis"). An entry of several words (a
 * phrase) matches those words with any spaces or punctuation between them.
 *
 * <p>How: both the list and the text are folded (NFKD, marks dropped, lower case; apostrophes and invisible format
 * characters joined away) and cut into pieces of letters and digits. An entry matches a run of whole pieces whose
 * letters, joined, are the entry's; between two pieces of the run there may be punctuation anywhere, but spaces only
 * where the entry has them or between single letters. Immutable; build a new one when a list changes.
 */
public final class WordMatcher {
    /** A matcher that finds nothing. */
    public static final WordMatcher EMPTY = new WordMatcher(List.of());

    /** One entry of a list: as typed, its letters joined, and where its own words meet (offsets into {@code key}). */
    private record Entry(String word, String key, boolean[] spaceAllowedAt) {}

    private final Map<Character, List<Entry>> byFirst = new HashMap<>();

    public WordMatcher(List<String> words) {
        for (String w : words) {
            Folded f = Folded.of(w);
            if (f.compact.isEmpty()) continue;
            boolean[] spaceAt = new boolean[f.compact.length() + 1];
            for (int start : f.pieceStarts) spaceAt[start] = true;
            byFirst.computeIfAbsent(f.compact.charAt(0), c -> new ArrayList<>()).add(new Entry(w, f.compact, spaceAt));
        }
    }

    /** The first entry (as typed in the list) found in the text, in the text's order. */
    public Optional<String> find(String text) {
        if (byFirst.isEmpty() || text == null) return Optional.empty();
        Folded t = Folded.of(text);
        for (int p = 0; p < t.pieceStarts.size(); p++) {
            int start = t.pieceStarts.get(p);
            List<Entry> candidates = byFirst.get(t.compact.charAt(start));
            if (candidates == null) continue;
            for (Entry e : candidates) {
                if (t.compact.startsWith(e.key, start) && fits(t, p, e)) return Optional.of(e.word);
            }
        }
        return Optional.empty();
    }

    /** Whether the entry, found at piece {@code first} of the text, ends at the end of a piece and only crosses allowed gaps. */
    private static boolean fits(Folded t, int first, Entry e) {
        int start = t.pieceStarts.get(first);
        int end = start + e.key.length();
        for (int p = first + 1; ; p++) {
            int pieceStart = p < t.pieceStarts.size() ? t.pieceStarts.get(p) : t.compact.length();
            if (pieceStart == end) return true;
            if (pieceStart > end) return false; // the entry ends inside a piece: part of a longer word
            if (t.spaceBefore.get(p) && !e.spaceAllowedAt[pieceStart - start]) {
                // a space inside the entry where it has none: only spelled-out letters ("i d i o t") may do that
                int prevLength = pieceStart - t.pieceStarts.get(p - 1);
                int nextEnd = p + 1 < t.pieceStarts.size() ? t.pieceStarts.get(p + 1) : t.compact.length();
                if (prevLength != 1 || nextEnd - pieceStart != 1) return false;
            }
        }
    }

    /** A text folded for matching: its letters and digits joined, where each piece starts, and whether a space came before it. */
    private record Folded(String compact, List<Integer> pieceStarts, List<Boolean> spaceBefore) {
        static Folded of(String text) {
            String n = Normalizer.normalize(text, Normalizer.Form.NFKD).toLowerCase(Locale.ROOT);
            StringBuilder compact = new StringBuilder();
            List<Integer> starts = new ArrayList<>();
            List<Boolean> spaces = new ArrayList<>();
            boolean inPiece = false;
            boolean sawSpace = false;
            for (int i = 0; i < n.length(); ) {
                int c = n.codePointAt(i);
                i += Character.charCount(c);
                int type = Character.getType(c);
                if (type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK || type == Character.ENCLOSING_MARK
                        || type == Character.FORMAT || c == '\'' || c == '\u2019' || c == '\u02BC') {
                    continue; // accents, zero-width characters and apostrophes join what is around them
                }
                if (Character.isLetterOrDigit(c)) {
                    if (!inPiece) {
                        starts.add(compact.length());
                        spaces.add(sawSpace);
                        inPiece = true;
                        sawSpace = false;
                    }
                    compact.appendCodePoint(c);
                } else {
                    inPiece = false;
                    if (Character.isWhitespace(c) || Character.isSpaceChar(c)) sawSpace = true;
                }
            }
            return new Folded(compact.toString(), starts, spaces);
        }
    }
}
