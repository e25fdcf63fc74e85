package broadsheet.importing;

import static broadsheet.importing.FrontMatterValues.EXAMPLE_TIME;
import static broadsheet.importing.FrontMatterValues.quoted;

import broadsheet.article.ArticleContent;
import broadsheet.content.AccessLevel;
import broadsheet.content.CommentPolicy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Reads one article file in the import format (YAML front matter between {@code ---} lines, then a CommonMark
 * body) into an {@link ArticleSource}, with its lead and inline pictures read from files beside it. Owns the
 * format and its errors, each naming the file, the line and the key; leaves deriving missing slugs, sanitising
 * the body, storing the article in one transaction and making picture renditions to the import job, the
 * article pages and the media library.
 */
public final class MarkdownArticleReader {
    private static final List<String> IMAGE_DETAILS = List.of("image_caption", "image_credit", "image_alt");

    /** Reads the file at path; pictures named in it are read relative to the file's folder. */
    public ArticleSource read(Path file) throws ImportException {
        try {
            return read(file, ArticleText.decode(file.toString(), Files.readAllBytes(file)));
        } catch (NoSuchFileException e) {
            throw new ImportException(file.toString(), 0, null, "no such file");
        } catch (IOException e) {
            throw new ImportException(file.toString(), 0, null, "cannot be read: " + e.getClass().getSimpleName());
        }
    }

    /**
     * Same, from text already in memory (the path is used for messages and to resolve pictures). Every problem of
     * the file is reported, in line order, in one {@link ImportException}; only a file whose fences or YAML
     * cannot be read at all stops at its first.
     */
    public ArticleSource read(Path file, String text) throws ImportException {
        String origin = file.toString();
        var parts = ArticleText.split(origin, text);
        var problems = new Problems();
        var frontMatter = FrontMatter.parse(origin, parts.yaml(), problems);
        String id = problems.value(() -> FrontMatterValues.id(frontMatter, "id").orElse(null));
        String headline = problems.value(() -> headline(frontMatter));
        String standfirst = problems.value(() -> frontMatter.text("standfirst").orElse(""));
        String section = problems.value(() -> FrontMatterValues.slug(frontMatter, "section").orElseThrow(() -> frontMatter.error(
                "section", "is missing; every article needs the slug of its section, such as world-news")));
        String slug = problems.value(() -> FrontMatterValues.slug(frontMatter, "slug").orElse(null));
        List<String> bylines = problems.value(() -> frontMatter.names("bylines"));
        List<String> topics = problems.value(() -> frontMatter.names("topics"));
        Instant published = problems.value(() -> FrontMatterValues.time(frontMatter, "published").orElseThrow(() -> frontMatter.error(
                "published", "is missing; every article needs its first publication time, such as " + EXAMPLE_TIME)));
        Instant updated = problems.value(() -> FrontMatterValues.time(frontMatter, "updated").orElse(null));
        if (updated != null && published != null && updated.isBefore(published)) {
            problems.add(frontMatter.error("updated", quoted(frontMatter.text("updated").orElseThrow())
                    + " is before published (" + published + "); an update cannot come before the first publication"));
        }
        var pictures = new PictureFiles(file);
        ImageSource leadImage = leadImage(frontMatter, pictures, problems);
        // left out: null, the paper's default for new articles (its newsroom settings), applied when storing
        AccessLevel access = problems.value(() -> FrontMatterValues.word(frontMatter, "access", AccessLevel.values(), AccessLevel::fromWord, null));
        CommentPolicy comments = problems.value(() -> FrontMatterValues.word(
                frontMatter, "comments", CommentPolicy.values(), CommentPolicy::fromWord, null));
        problems.check(() -> parts.requireBody(origin));
        var inlineImages = InlinePictures.read(pictures, parts.body(), parts.bodyFirstLine(), problems);
        problems.throwIfAny();
        ArticleContent content = ArticleContent.builder().headline(headline).standfirst(standfirst).slug(slug).section(section)
                .bylines(bylines).topics(topics).body(parts.body()).access(access).comments(comments).build();
        return new ArticleSource(origin, content, published, updated, leadImage, inlineImages, frontMatter.lines(),
                id == null ? null : ImportKeys.ofId(id));
    }

    private static String headline(FrontMatter frontMatter) {
        String headline = frontMatter.required("title", "every article needs a headline");
        if (headline.lines().count() > 1) {
            throw frontMatter.error("title", "a headline must be one line");
        }
        return headline;
    }

    /** The lead picture, or null; its caption, credit and alt text mean nothing without it. */
    private static ImageSource leadImage(FrontMatter frontMatter, PictureFiles pictures, Problems problems) {
        Optional<String> image = problems.value(() -> frontMatter.text("image"));
        List<String> details = IMAGE_DETAILS.stream().map(key -> problems.value(() -> frontMatter.text(key).orElse(""))).toList();
        if (image != null && image.isEmpty()) {
            for (int i = 0; i < details.size(); i++) {
                if (details.get(i) != null && !details.get(i).isEmpty()) {
                    problems.add(frontMatter.error(IMAGE_DETAILS.get(i), "is given without image; it describes the lead "
                            + "picture, so name the picture's file under image too"));
                }
            }
        }
        if (image == null || image.isEmpty()) {
            return null;
        }
        var picture = problems.value(() -> pictures.load(image.get(), frontMatter.line("image"), "image"));
        return picture == null || details.contains(null) ? null : new ImageSource(picture.origin(), picture.bytes(),
                details.get(0), details.get(1), details.get(2), frontMatter.line("image"), "image");
    }

    /** Every *.md / *.markdown file under the given files or folders, sorted, recursively. */
    public static List<Path> collect(List<Path> filesOrFolders) {
        var found = new TreeSet<Path>();
        for (Path given : filesOrFolders) {
            if (!Files.exists(given)) {
                throw new ImportException(given.toString(), 0, null, "no such file or folder");
            }
            try (Stream<Path> walk = Files.walk(given, FileVisitOption.FOLLOW_LINKS)) {
                walk.filter(Files::isRegularFile).filter(MarkdownArticleReader::isMarkdown).forEach(found::add);
            } catch (IOException | UncheckedIOException e) {
                String reason = String.valueOf(e.getMessage()).replaceAll("\\s+", " ");
                throw new ImportException(given.toString(), 0, null, "cannot be read: " + reason);
            }
        }
        return List.copyOf(found);
    }

    private static boolean isMarkdown(Path path) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".md") || name.endsWith(".markdown");
    }
}
