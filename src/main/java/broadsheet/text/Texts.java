package broadsheet.text;

/** Small helpers for words shown to readers and typed by staff. */
public final class Texts {
    private Texts() {}

    /** Whether the text has a control character: no name or other one-line field may (PostgreSQL cannot even store NUL). */
    public static boolean hasControl(String text) {
        return text.chars().anyMatch(Character::isISOControl);
    }

    /** Whether the text has a control character other than line breaks and tabs (the test for descriptions and bios). */
    public static boolean hasControlBesidesLineBreaks(String text) {
        return text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t');
    }

    /** The text without its control characters, stripped: what a search or a typed name can mean. */
    public static String withoutControls(String text) {
        return text.replaceAll("\\p{Cc}", "").strip();
    }

    /** The text cut at a word boundary to at most {@code max} characters, with an ellipsis when cut. */
    public static String shorten(String text, int max) {
        String s = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        if (s.length() <= max) return s;
        int cut = s.lastIndexOf(' ', max - 1);
        if (cut < max / 2) cut = max - 1;
        return s.substring(0, cut).replaceAll("[\\s,;:.\u2013\u2014-]+$", "") + "\u2026";
    }
}
