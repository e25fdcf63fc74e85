package broadsheet.importing;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The text of one article file cut into its front matter and its body, with the line numbers that tie both
 * back to the file. Owns decoding (strict UTF-8, BOM dropped, Windows line endings made plain) and the
 * {@code ---} fences; leaves what the YAML and the Markdown mean to {@link FrontMatter} and {@link InlinePictures}.
 *
 * @param yaml          the text between the fences; its first line is line 2 of the file
 * @param closingLine   the line of the closing fence
 * @param body          the Markdown after the closing fence, leading blank lines dropped; may be blank
 * @param bodyFirstLine the file line on which {@code body} begins
 */
record ArticleText(String yaml, int closingLine, String body, int bodyFirstLine) {

    /** The file line of the first line of {@link #yaml}. */
    static final int YAML_FIRST_LINE = 2;

    private static final String FENCE = "---";

    /** Decodes the file's bytes as UTF-8, refusing anything that is not. */
    static String decode(String origin, byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new ImportException(origin, 1, null, "the file is not UTF-8 text; save it as UTF-8");
        }
    }

    /** Finds the fences in the text of an article file. */
    static ArticleText split(String origin, String text) {
        String plain = text.startsWith("\uFEFF") ? text.substring(1) : text;
        plain = plain.replace("\r\n", "\n").replace('\r', '\n');
        List<String> lines = Arrays.asList(plain.split("\n", -1));
        if (!isFence(lines.getFirst())) {
            throw new ImportException(origin, 1, null,
                    "the file must begin with a line '---' that opens the front matter");
        }
        int closing = 1;
        while (closing < lines.size() && !isFence(lines.get(closing))) {
            closing++;
        }
        if (closing == lines.size()) {
            throw new ImportException(origin, lastLine(lines), null,
                    "the front matter opened on line 1 has no closing '---' line");
        }
        String yaml = String.join("\n", lines.subList(1, closing));
        int first = closing + 1;
        while (first < lines.size() && lines.get(first).isBlank()) {
            first++;
        }
        String body = String.join("\n", lines.subList(first, lines.size()));
        return new ArticleText(yaml, closing + 1, body, first + 1);
    }

    /** Refuses an article with nothing below its front matter. */
    void requireBody(String origin) {
        if (body.isBlank()) {
            throw new ImportException(origin, closingLine + 1, null, "the article has no body");
        }
    }

    private static boolean isFence(String line) {
        return line.stripTrailing().equals(FENCE);
    }

    /** The number of the last line, not counting the empty remainder after a final line break. */
    private static int lastLine(List<String> lines) {
        int count = lines.size();
        return count > 1 && lines.getLast().isEmpty() ? count - 1 : count;
    }
}
