package broadsheet.editing;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Word-level differences between two versions of an article, for side-by-side views: each field as two
 * HTML fragments, the older with removed words in {@code <del>}, the newer with added words in
 * {@code <ins>}. The fragments are escaped here, word by word. Diffing is java-diff-utils' (Myers).
 */
public final class WordDiff {
    private static final Pattern TOKEN = Pattern.compile("\\s+|[\\p{L}\\p{N}'’_-]+|.", Pattern.DOTALL);

    private WordDiff() {}

    /** One field compared: its label, the two sides as HTML, and whether they differ. */
    public record Field(String label, String before, String after, boolean changed) {}

    /** Both sides of one text. */
    public record Sides(String before, String after) {}

    public static List<Field> fields(Snapshot a, Snapshot b) {
        List<Field> out = new ArrayList<>();
        add(out, "Headline", a.headline(), b.headline());
        add(out, "Standfirst", a.standfirst(), b.standfirst());
        add(out, "Section", a.sectionSlug(), b.sectionSlug());
        add(out, "Slug", a.slug(), b.slug());
        add(out, "Bylines", String.join("\n", a.bylines()), String.join("\n", b.bylines()));
        add(out, "Topics", String.join("\n", a.topics()), String.join("\n", b.topics()));
        add(out, "Lead picture", a.leadImageId() == null ? "" : "#" + a.leadImageId(), b.leadImageId() == null ? "" : "#" + b.leadImageId());
        add(out, "Picture caption", a.leadImageCaption(), b.leadImageCaption());
        add(out, "Picture credit", a.leadImageCredit(), b.leadImageCredit());
        add(out, "Picture alt text", a.leadImageAlt(), b.leadImageAlt());
        add(out, "Body", a.body(), b.body());
        add(out, "Access", a.access(), b.access());
        add(out, "Comments", a.comments(), b.comments());
        add(out, "Search title", a.seoTitle(), b.seoTitle());
        add(out, "Search description", a.seoDescription(), b.seoDescription());
        return out;
    }

    private static void add(List<Field> out, String label, String a, String b) {
        String x = a == null ? "" : a;
        String y = b == null ? "" : b;
        Sides s = compare(x, y);
        out.add(new Field(label, s.before(), s.after(), !x.equals(y)));
    }

    public static Sides compare(String a, String b) {
        List<String> left = tokens(a);
        List<String> right = tokens(b);
        StringBuilder before = new StringBuilder();
        StringBuilder after = new StringBuilder();
        int i = 0;
        int j = 0;
        for (AbstractDelta<String> d : DiffUtils.diff(left, right).getDeltas()) {
            int si = d.getSource().getPosition();
            int ti = d.getTarget().getPosition();
            while (i < si) before.append(escape(left.get(i++)));
            while (j < ti) after.append(escape(right.get(j++)));
            if (!d.getSource().getLines().isEmpty()) before.append("<del>").append(escape(String.join("", d.getSource().getLines()))).append("</del>");
            if (!d.getTarget().getLines().isEmpty()) after.append("<ins>").append(escape(String.join("", d.getTarget().getLines()))).append("</ins>");
            i = si + d.getSource().size();
            j = ti + d.getTarget().size();
        }
        while (i < left.size()) before.append(escape(left.get(i++)));
        while (j < right.size()) after.append(escape(right.get(j++)));
        return new Sides(before.toString(), after.toString());
    }

    static List<String> tokens(String s) {
        List<String> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(s);
        while (m.find()) out.add(m.group());
        return out;
    }

    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
