package broadsheet.demo;

import broadsheet.demo.DemoPictures.Picture;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes the body of a demo story in CommonMark: an opening paragraph, people quoted by name, background,
 * one or two {@code ##} subheads, and now and then a block quote with its attribution, a
 * {@code [!pullquote]} repeating something said in the story, a bullet list or an inline picture. What the
 * story is about comes from the {@link DemoStory} it is given; storing the pictures is left to the caller.
 */
final class DemoBodies {
    private DemoBodies() {}

    /** A picture placed in the body, under the file name the Markdown refers to. */
    record InlinePicture(String name, Picture picture, String caption) {}

    record Body(String markdown, List<InlinePicture> pictures) {}

    /**
     * The body, with 6 to 14 paragraphs of prose.
     *
     * @param pictures pictures that would suit this story inside the body, the lead picture left out
     */
    static Body write(DemoStory story, List<Picture> pictures) {
        SplittableRandom r = story.random();
        int paragraphs = 6 + r.nextInt(9);
        List<String> blocks = new ArrayList<>();
        blocks.add(story.fill("{lead*}"));
        blocks.add(story.fill("{quote1*}"));
        int middle = paragraphs - 3, second = 1 + r.nextInt(Math.max(1, middle - 1));
        boolean factTold = false;
        for (int i = 0; i < middle; i++) {
            if (i == second) {
                blocks.add(story.fill("{quote2*}"));
            } else if (!factTold && story.has("fact") && r.nextDouble() < 0.4) {
                blocks.add(story.fill("{fact*}"));
                factTold = true;
            } else if (i == 0 && r.nextBoolean()) {
                blocks.add(story.fill("{more*}"));
            } else {
                blocks.add(story.fill("{para*}"));
            }
        }
        blocks.add(story.fill("{close*}"));
        for (int i = 0; i < blocks.size(); i++) blocks.set(i, DemoStory.capitalise(DemoStory.polish(blocks.get(i))));

        int subheads = 1 + (paragraphs >= 10 && r.nextBoolean() ? 1 : 0);
        int firstAt = 2 + r.nextInt(Math.max(1, blocks.size() / 2 - 2));
        blocks.add(firstAt, "## " + DemoStory.capitalise(story.fill("{subhead*}")));
        if (subheads == 2) {
            int secondAt = Math.min(blocks.size() - 1, firstAt + 3 + r.nextInt(Math.max(1, blocks.size() - firstAt - 4)));
            blocks.add(secondAt, "## " + DemoStory.capitalise(story.fill("{subhead*}")));
        }
        if (r.nextDouble() < 0.2) {
            insert(blocks, r, "> " + DemoStory.capitalise(story.fill("{quote*}")) + ".\n>\n> — " + story.fill("{who}"));
        }
        List<String> spoken = story.quotes();
        if (!spoken.isEmpty() && r.nextDouble() < 0.25) {
            insert(blocks, r, "> [!pullquote]\n> " + DemoStory.capitalise(spoken.get(r.nextInt(spoken.size()))) + ".");
        }
        if (story.has("point") && r.nextDouble() < 0.18) {
            StringBuilder list = new StringBuilder(story.fill("{listintro*}")).append("\n");
            int items = 3 + r.nextInt(3);
            for (int i = 0; i < items; i++) list.append("\n- ").append(DemoStory.capitalise(story.fill("{point*}")));
            insert(blocks, r, list.toString());
        }
        List<InlinePicture> placed = new ArrayList<>();
        if (!pictures.isEmpty() && r.nextDouble() < 0.22) {
            Picture picture = pictures.get(r.nextInt(pictures.size()));
            String name = "inline-1.jpg";
            String caption = DemoCaptions.caption(story, picture);
            placed.add(new InlinePicture(name, picture, caption));
            insert(blocks, r, "![" + picture.description().replace("]", ")") + "](" + name + " \""
                    + (caption + " | " + picture.credit()).replace('"', '”') + "\")");
        }
        return new Body(String.join("\n\n", blocks) + "\n", placed);
    }

    /** Puts a block between two paragraphs of prose, after the opening two and never straight after a subhead. */
    private static void insert(List<String> blocks, SplittableRandom r, String block) {
        for (int attempt = 0; attempt < 20; attempt++) {
            int at = 3 + r.nextInt(Math.max(1, blocks.size() - 3));
            if (isProse(blocks.get(at - 1)) && (at == blocks.size() || isProse(blocks.get(at)))) {
                blocks.add(at, block);
                return;
            }
        }
        blocks.add(blocks.size() - 1, block);
    }

    private static boolean isProse(String block) {
        return !block.startsWith("#") && !block.startsWith(">") && !block.startsWith("!") && !block.contains("\n- ");
    }
}
