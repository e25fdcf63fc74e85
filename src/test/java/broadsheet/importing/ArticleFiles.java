package broadsheet.importing;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Article files for the reader's tests: a full story in the import format, small ones to break, and pictures. */
final class ArticleFiles {

    /** A fictional story shaped like the reference article page; its line numbers are used by the tests. */
    static final String FULL_ARTICLE = """
            ---
            title: "  Keeper’s ‘last watch’ ends after 41 years on Skerra Point  "
            standfirst: Islanders gathered on Saturday as the island's only lighthouse keeper handed the lamp to a machine
            section: uk-news
            slug: skerra-keeper-retires
            bylines: [ "Our Scotland Staff", "Morag Quill" ]
            topics:
              - Lighthouses
              - Island life
              - Scotland
            published: 2025-12-07T09:00:00Z
            updated: 2025-12-07T12:35:00+01:00
            image: pictures/keeper.jpg
            image_caption: "Ewan Tarrant (left) climbed the 117 steps of the tower for the last time"
            image_credit: Isla Brannock/Skerra Gazette
            image_alt: A man in a wool jumper stands beside a large brass lamp
            access: premium
            comments: premoderated
            ---

            Ewan Tarrant has kept the light on Skerra Point since 1984. On Saturday he switched it over to an
            automatic lamp and walked down the spiral stair with his logbook under his arm.

            ![The white tower seen from the harbour](pictures/tower.jpg "The tower from the harbour wall | Isla Brannock")

            "It was never lonely," he said. "The ships talk to you, in their way."
            """;

    /** The line of the inline picture in {@link #FULL_ARTICLE}. */
    static final int FULL_ARTICLE_PICTURE_LINE = 24;

    /** The smallest valid body and front matter: title on line 2, section on 3, published on 4, fence on 5. */
    static final String MINIMAL_FRONT_MATTER = """
            title: Ferry timetable changes for the winter
            section: uk-news
            published: 2025-12-07T09:00:00Z""";

    static final String BODY = "The ferry will run twice a day from Monday, the operator said.\n";

    private ArticleFiles() {
    }

    /** An article with the given front matter lines and the usual body. */
    static String article(String frontMatter) {
        return "---\n" + frontMatter + "\n---\n" + BODY;
    }

    static Path write(Path file, String text) {
        return write(file, text.getBytes(StandardCharsets.UTF_8));
    }

    static Path write(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A small but real JPEG, written with javax.imageio. */
    static byte[] jpeg(Color colour) {
        var image = new BufferedImage(16, 12, BufferedImage.TYPE_INT_RGB);
        var graphics = image.createGraphics();
        graphics.setColor(colour);
        graphics.fillRect(0, 0, 16, 12);
        graphics.dispose();
        var out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "jpg", out)) {
                throw new IllegalStateException("no JPEG writer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
