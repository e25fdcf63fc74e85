package broadsheet.article;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Article addresses in the newspaper form {@code /{section}/{yyyy}/{mm}/{dd}/{slug}/}, dated by first
 * publication in the paper's zone. An article keeps its earlier addresses; the stores record them.
 */
public final class ArticlePaths {
    private static final Pattern PATH = Pattern.compile(
            "^/([a-z0-9]+(?:-[a-z0-9]+)*)/(\\d{4})/(\\d{2})/(\\d{2})/([a-z0-9]+(?:-[a-z0-9]+)*)/$");

    private ArticlePaths() {}

    public static String of(String sectionSlug, Instant firstPublished, ZoneId zone, String slug) {
        LocalDate d = LocalDate.ofInstant(firstPublished, zone);
        return "/%s/%04d/%02d/%02d/%s/".formatted(sectionSlug, d.getYear(), d.getMonthValue(), d.getDayOfMonth(), slug);
    }

    /** True when the text has the shape of an article address (it may still name nothing). */
    public static boolean looksLikeArticle(String path) {
        Matcher m = PATH.matcher(path);
        if (!m.matches()) return false;
        int month = Integer.parseInt(m.group(3));
        int day = Integer.parseInt(m.group(4));
        return month >= 1 && month <= 12 && day >= 1 && day <= 31;
    }
}
