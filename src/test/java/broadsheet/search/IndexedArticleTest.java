package broadsheet.search;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.search.IndexedArticle.Block;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The text a reader sees of a body, read straight from the blocks as the index stores them. */
class IndexedArticleTest {

    /** The whole body: every block but the pull quotes, those with text apart by a blank line. */
    private static String whole(List<Block> blocks) {
        return String.join("\n\n", blocks.stream().filter(b -> b.kind() != Block.Kind.PULL_QUOTE).map(Block::text)
                .filter(t -> !t.isEmpty()).toList());
    }

    /** The opening: the first {@code count} blocks that are not pull quotes, without subheads at its end. */
    private static String opening(List<Block> blocks, int count) {
        List<Block> kept = new ArrayList<>();
        for (Block b : blocks) {
            if (kept.size() >= count) break;
            if (b.kind() != Block.Kind.PULL_QUOTE) kept.add(b);
        }
        while (!kept.isEmpty() && kept.getLast().kind() == Block.Kind.HEADING) kept.removeLast();
        return whole(kept);
    }

    @Test
    void theStoredBlocksGiveTheWholeBodyAndEachOpeningAsTheBlocksDo() {
        Random random = new Random(5);
        String[] texts = {"", "The harbour reopened on Monday.", "What comes next", "“We will see,” she said.", "x"};
        Block.Kind[] kinds = Block.Kind.values();
        for (int i = 0; i < 5_000; i++) {
            List<Block> blocks = new ArrayList<>();
            int count = random.nextInt(9);
            for (int b = 0; b < count; b++) blocks.add(new Block(kinds[random.nextInt(kinds.length)], texts[random.nextInt(texts.length)]));
            String stored = IndexedArticle.stored(blocks);
            assertThat(SearchIndex.blocks(stored)).isEqualTo(blocks);
            assertThat(IndexedArticle.text(stored, IndexedArticle.ALL)).as("%s", blocks).isEqualTo(whole(blocks));
            assertThat(IndexedArticle.fullText(blocks)).isEqualTo(whole(blocks));
            for (int n = 0; n <= count + 1; n++) {
                assertThat(IndexedArticle.text(stored, n)).as("%d of %s", n, blocks).isEqualTo(opening(blocks, n));
                assertThat(IndexedArticle.previewText(blocks, n)).isEqualTo(opening(blocks, n));
                // an opening is where the whole body starts, so the offsets the index keeps of the body hold in it
                assertThat(whole(blocks)).startsWith(opening(blocks, n));
            }
        }
    }
}
