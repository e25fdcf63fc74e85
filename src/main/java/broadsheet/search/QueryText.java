package broadsheet.search;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a reader typed, read as words and {@code "exact phrases"}: nothing else is query syntax. Text that looks like
 * syntax of another search box (an unclosed quote, {@code AND}, {@code *}, {@code ~}, {@code field:value}, a
 * backslash, brackets) is read as plain words and marked {@code malformed}, so the page can say so.
 *
 * @param words   single words, in the order typed
 * @param phrases the quoted phrases, each of more than one word
 */
record QueryText(List<String> words, List<String> phrases, boolean malformed) {
    /** At most this many words and phrases are searched: a guard against expensive queries. */
    static final int MAX_PARTS = 16;
    private static final Pattern SYNTAX = Pattern.compile("[*~:\\\\(){}\\[\\]^]");
    private static final Pattern FUZZY_OR_BOOST = Pattern.compile("[~^][0-9.]*");
    private static final Pattern OPERATOR = Pattern.compile("(^|\\s)(AND|OR|NOT)(\\s|$)");
    /** What separates words: anything but letters, digits and the marks inside words (it's, covid-19, 3.5). */
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}\\p{M}'’.\\-]+");

    QueryText {
        words = List.copyOf(words);
        phrases = List.copyOf(phrases);
    }

    static QueryText read(String text) {
        String t = text == null ? "" : text.strip();
        boolean malformed = SYNTAX.matcher(t).find() || OPERATOR.matcher(t).find();
        // fuzzy and boost marks of other search boxes ("word~2", "word^3") are read without their numbers
        t = FUZZY_OR_BOOST.matcher(t).replaceAll(" ");
                long quotes = t.chars().filter(c -> c == '"').count();
        if (quotes % 2 == 1) malformed = true;
        List<String> words = new ArrayList<>();
        List<String> phrases = new ArrayList<>();
        String[] pieces = t.split("\"", -1);
        for (int i = 0; i < pieces.length; i++) {
            // odd pieces sit between quotes; an unclosed quote's tail is plain words
            boolean quoted = i % 2 == 1 && (quotes % 2 == 0 || i < pieces.length - 1);
            List<String> found = split(pieces[i]);
            if (quoted && found.size() > 1) phrases.add(String.join(" ", found));
            else words.addAll(found);
        }
        if (words.size() + phrases.size() > MAX_PARTS) {
            malformed = true;
            int keepPhrases = Math.min(phrases.size(), MAX_PARTS);
            phrases = new ArrayList<>(phrases.subList(0, keepPhrases));
            words = new ArrayList<>(words.subList(0, Math.min(words.size(), MAX_PARTS - keepPhrases)));
        }
        return new QueryText(words, phrases, malformed);
    }

    private static List<String> split(String piece) {
        List<String> words = new ArrayList<>();
        for (String w : SEPARATORS.split(piece)) {
            String word = w.replaceAll("^[.'’\\-]+|[.'’\\-]+$", "");
            if (!word.isEmpty()) words.add(word);
        }
        return words;
    }

    boolean empty() {
        return words.isEmpty() && phrases.isEmpty();
    }

    /** The words and phrases again, as a reader would type them (phrases in quotes). */
    static String text(List<String> words, List<String> phrases) {
        List<String> parts = new ArrayList<>(phrases.stream().map(p -> "\"" + p + "\"").toList());
        parts.addAll(words);
        return String.join(" ", parts);
    }
}
