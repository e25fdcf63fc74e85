package broadsheet.text;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * URL slugs: lowercase ASCII words joined by hyphens, made from headlines and names. Apostrophes vanish
 * rather than split a word ("Kremlin's" becomes "kremlins"); accents are dropped ("Zürich" becomes "zurich").
 */
public final class Slugs {
    public static final Pattern VALID = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");
    private static final int MAX_LENGTH = 80;
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern APOSTROPHES = Pattern.compile("['\u2018\u2019\u02bc`]");
    private static final Pattern NOT_WORD = Pattern.compile("[^a-z0-9]+");

    /** First path segments the site uses itself; a section cannot take one of these slugs. */
    public static final Set<String> RESERVED = Set.of("api", "assets", "authors", "media", "newsroom", "topics",
            "search", "feeds", "feed", "rss", "sitemap", "sitemaps", "healthz", "readyz", "metrics", "login",
            "logout", "account", "subscribe", "gift", "comments", "static", "favicon-ico", "robots-txt", "info");

    private Slugs() {}

    /** The slug for some text; "article" when nothing usable is left. */
    public static String of(String text) {
        return of(text, "article");
    }

    /** The slug for some text; {@code fallback} when nothing usable is left (a name in a script without Latin letters). */
    public static String of(String text, String fallback) {
        String s = Normalizer.normalize(text == null ? "" : text.toLowerCase(Locale.ROOT), Normalizer.Form.NFKD);
        s = MARKS.matcher(s).replaceAll("");
        s = s.replace("ß", "ss").replace("æ", "ae").replace("ø", "o").replace("œ", "oe").replace("&", " and ");
        s = APOSTROPHES.matcher(s.toLowerCase(Locale.ROOT)).replaceAll("");
        s = NOT_WORD.matcher(s).replaceAll("-");
        s = trimHyphens(s);
        if (s.length() > MAX_LENGTH) {
            int cut = s.lastIndexOf('-', MAX_LENGTH);
            s = trimHyphens(s.substring(0, cut > 20 ? cut : MAX_LENGTH));
        }
        return s.isEmpty() ? fallback : s;
    }

    public static boolean isValid(String slug) {
        return slug != null && VALID.matcher(slug).matches();
    }

    private static String trimHyphens(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == '-') start++;
        while (end > start && s.charAt(end - 1) == '-') end--;
        return s.substring(start, end);
    }
}
