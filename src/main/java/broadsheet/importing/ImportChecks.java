package broadsheet.importing;

import broadsheet.media.ContentHash;
import broadsheet.media.MediaLibrary;
import broadsheet.media.PictureException;
import broadsheet.text.Slugs;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The checks of an import run that need no database, made before one is opened: no section slug the site uses
 * itself, no article dated in the future, no address or id given to two articles, and every picture usable (its
 * renditions are made here, so the slow work is done before a transaction opens). Every problem found is
 * reported at once, together with those found reading the files. Storing the run is {@link ArticleImporter}'s.
 */
public final class ImportChecks {
    private final MediaLibrary media;
    private final ZoneId zone;

    public ImportChecks(MediaLibrary media, ZoneId zone) {
        this.media = media;
        this.zone = zone;
    }

    /** A run that passed its checks, with its pictures ready to store. */
    public record Checked(List<ArticleSource> sources, Map<ImageSource, MediaLibrary.Prepared> pictures) {}

    /**
     * Checks the articles and prepares their pictures. Throws one {@link ImportException} with every problem
     * found here and every one in {@code earlier} (those of files that could not be read), in file and line order.
     */
    public Checked check(List<ArticleSource> sources, Collection<ImportException> earlier, Instant now) {
        var problems = new Problems();
        earlier.forEach(problems::add);
        checkAddresses(sources, now, problems);
        Map<ImageSource, MediaLibrary.Prepared> pictures = preparePictures(sources, problems);
        problems.throwIfAny();
        return new Checked(List.copyOf(sources), pictures);
    }

    private void checkAddresses(List<ArticleSource> sources, Instant now, Problems problems) {
        Map<String, String> seen = new HashMap<>();
        Map<String, String> ids = new HashMap<>();
        for (ArticleSource s : sources) {
            if (s.importKey() != null && ImportKeys.fromId(s.importKey())) {
                String other = ids.putIfAbsent(s.importKey(), s.origin());
                if (other != null) {
                    problems.add(new ImportException(s.origin(), s.lineOf("id"), "id", "is the id of " + other
                            + " too; one id is one article"));
                }
            }
            String section = s.content().sectionSlug();
            if (Slugs.RESERVED.contains(section)) {
                problems.add(new ImportException(s.origin(), s.lineOf("section"), "section", "\"" + section
                        + "\" is an address the site uses itself; choose another section slug"));
            }
            if (s.published().isAfter(now)) {
                problems.add(new ImportException(s.origin(), s.lineOf("published"), "published", s.published() + " is in the future"));
            }
            String path = s.path(zone);
            String other = seen.putIfAbsent(path, s.origin());
            if (other != null) {
                problems.add(new ImportException(s.origin(), s.lineOf(s.addressKey()), s.addressKey(),
                        "has the same address " + path + " as " + other + "; give one of them another slug"));
            }
        }
    }

    /** Decodes and renders every picture, each distinct one once; a picture that is not usable is a problem. */
    private Map<ImageSource, MediaLibrary.Prepared> preparePictures(List<ArticleSource> sources, Problems problems) {
        Map<ImageSource, ArticleSource> owners = new LinkedHashMap<>();
        for (ArticleSource s : sources) {
            if (s.leadImage() != null) owners.putIfAbsent(s.leadImage(), s);
            s.inlineImages().values().forEach(i -> owners.putIfAbsent(i, s));
        }
        Map<String, MediaLibrary.Prepared> byBytes = new ConcurrentHashMap<>();
        Map<ImageSource, MediaLibrary.Prepared> out = new ConcurrentHashMap<>();
        var refused = new ConcurrentLinkedQueue<ImportException>();
        new ArrayList<>(owners.keySet()).parallelStream().forEach(img -> {
            String sha = ContentHash.sha256Hex(img.bytes());
            try {
                out.put(img, byBytes.computeIfAbsent(sha, k -> media.prepare(img.bytes())));
            } catch (PictureException e) {
                ArticleSource owner = owners.get(img);
                refused.add(new ImportException(owner.origin(), img.line(), img.key(), img.origin() + ": " + e.getMessage()));
            }
        });
        refused.forEach(problems::add);
        return out;
    }
}
