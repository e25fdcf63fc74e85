package broadsheet.media;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A picture ready to show: its size, its words (alt, caption, credit) and its renditions. Templates pick
 * {@code sizes} for where the picture sits; this record knows nothing of layout.
 */
public record Picture(long id, int width, int height, String alt, String caption, String credit, List<Size> renditions) {
    private static final int PREFERRED_SRC_WIDTH = 960;
    /** The screens the {@link Rendition#DENSE_WEBP} files are for: phones (the one-column layout under 40em) of 1.5
     *  device pixels per CSS pixel or more. */
    public static final String DENSE_MEDIA = "(max-width: 39.99em) and (min-resolution: 1.5dppx)";

    /** One stored rendition. */
    public record Size(String url, int width, int height, String format) {}

    public Picture {
        renditions = List.copyOf(renditions);
    }

    /** The same picture with the words one article gives it; null or blank values keep the library's. */
    public Picture withWords(String caption, String credit, String alt) {
        return new Picture(id, width, height, pick(alt, this.alt), pick(caption, this.caption), pick(credit, this.credit), renditions);
    }

    public List<Size> jpeg() {
        return renditions.stream().filter(s -> s.format().equals("jpeg")).toList();
    }

    /** A middle-sized JPEG, for browsers that ignore {@code srcset}. */
    public String src() {
        List<Size> j = jpeg();
        return j.stream().filter(s -> s.width() <= PREFERRED_SRC_WIDTH).reduce((a, b) -> b).orElse(j.get(0)).url();
    }

    public String srcset() {
        return srcset("jpeg");
    }

    public String webpSrcset() {
        return srcset("webp");
    }

    public boolean hasWebp() {
        return renditions.stream().anyMatch(s -> s.format().equals("webp"));
    }

    /**
     * The candidates for {@link #DENSE_MEDIA}, or "" when the picture has no harder-compressed WebP files: those files,
     * and under the narrowest of them the ordinary WebP ones. A phone picks from this list alone, so without the narrow
     * ordinary files a thumbnail 6.5rem wide (under 200 device pixels) would cost the 480 pixel dense file, about half
     * as many bytes again as the 360 pixel WebP it needs.
     */
    public String denseWebpSrcset() {
        List<Size> dense = renditions.stream().filter(s -> s.format().equals(Rendition.DENSE_WEBP)).toList();
        if (dense.isEmpty()) return "";
        int narrowest = dense.stream().mapToInt(Size::width).min().orElseThrow();
        return Stream.concat(
                        renditions.stream().filter(s -> s.format().equals("webp") && s.width() < narrowest), dense.stream())
                .sorted(Comparator.comparingInt(Size::width))
                .map(s -> s.url() + " " + s.width() + "w").collect(Collectors.joining(", "));
    }

    /** The widest JPEG rendition, for Open Graph and JSON-LD. */
    public Size largestSize() {
        List<Size> j = jpeg();
        return j.get(j.size() - 1);
    }

    public String largest() {
        return largestSize().url();
    }

    public int largestWidth() {
        return largestSize().width();
    }

    public int largestHeight() {
        return largestSize().height();
    }

    private String srcset(String format) {
        return renditions.stream().filter(s -> s.format().equals(format))
                .map(s -> s.url() + " " + s.width() + "w").collect(Collectors.joining(", "));
    }

    private static String pick(String override, String base) {
        return override == null || override.isBlank() ? base : override;
    }
}
