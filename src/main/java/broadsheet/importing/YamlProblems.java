package broadsheet.importing;

import java.util.Optional;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Turns a snakeyaml-engine error into a one-line {@link ImportException} on the right line of the article
 * file. Owns the translation of snakeyaml's marks (0-based, counted from the start of the YAML text) into file
 * lines; leaves the checking of keys and values to {@link FrontMatter}.
 */
final class YamlProblems {
    private static final String NOT_YAML = "the front matter is not valid YAML: ";

    private YamlProblems() {
    }

    static ImportException toImportException(String origin, YamlEngineException e) {
        if (!(e instanceof MarkedYamlEngineException marked)) {
            return new ImportException(origin, 1, null, NOT_YAML + oneLine(e.getMessage()));
        }
        Optional<Mark> problemMark = marked.getProblemMark();
        Optional<Mark> contextMark = marked.getContextMark();
        int line = problemMark.or(() -> contextMark).map(YamlProblems::fileLine).orElse(1);
        String problem = oneLine(marked.getProblem());
        String context = oneLine(marked.getContext());
        if (problem.isEmpty()) {
            problem = context.isEmpty() ? oneLine(marked.getMessage()) : context;
        } else if (!context.isEmpty() && contextMark.isPresent()) {
            problem += " (" + context + " on line " + fileLine(contextMark.get()) + ")";
        }
        return new ImportException(origin, line, null, NOT_YAML + problem);
    }

    private static int fileLine(Mark mark) {
        return mark.getLine() + ArticleText.YAML_FIRST_LINE;
    }

    /** Snakeyaml's texts can span lines and carry a snippet of the source; the message must be one line. */
    private static String oneLine(String text) {
        if (text == null) {
            return "";
        }
        int snippet = text.indexOf("\n in ");
        String kept = snippet < 0 ? text : text.substring(0, snippet);
        return kept.replaceAll("\\s+", " ").strip();
    }
}
