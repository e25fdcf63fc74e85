package broadsheet.demo;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A named set of word lists for the demo writer, written as {@code key = one | two | three} lines.
 *
 * <p>A line that starts with {@code |} continues the list above it. A key written {@code key+} adds its
 * entries to the same key of a broader lexicon (a topic's quotes join its section's); a plain key replaces
 * it (a topic's places stand instead of its section's). Choosing among the entries is left to
 * {@link DemoStory}.
 */
final class DemoLexicon {
    private final Map<String, List<String>> lists;
    private final Set<String> additive;

    private DemoLexicon(Map<String, List<String>> lists, Set<String> additive) {
        this.lists = lists;
        this.additive = additive;
    }

    static DemoLexicon parse(String text) {
        Map<String, List<String>> lists = new LinkedHashMap<>();
        Set<String> additive = new HashSet<>();
        List<String> current = null;
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty()) continue;
            String entries;
            if (line.startsWith("|")) {
                if (current == null) throw new IllegalArgumentException("continuation without a key: " + line);
                entries = line.substring(1);
            } else {
                int eq = line.indexOf('=');
                if (eq < 0) throw new IllegalArgumentException("no '=' in lexicon line: " + line);
                String key = line.substring(0, eq).strip();
                if (key.endsWith("+")) {
                    key = key.substring(0, key.length() - 1);
                    additive.add(key);
                }
                current = lists.computeIfAbsent(key, k -> new ArrayList<>());
                entries = line.substring(eq + 1);
            }
            for (String entry : entries.split("\\|")) {
                if (!entry.isBlank()) current.add(entry.strip());
            }
        }
        lists.replaceAll((k, v) -> List.copyOf(v));
        return new DemoLexicon(Map.copyOf(lists), Set.copyOf(additive));
    }

    /** The entries for the key, looked up from the most specific lexicon to the broadest. */
    static List<String> lookup(List<DemoLexicon> chain, String key) {
        List<String> found = new ArrayList<>();
        for (DemoLexicon lexicon : chain) {
            List<String> entries = lexicon.lists.get(key);
            if (entries == null) continue;
            found.addAll(entries);
            if (!lexicon.additive.contains(key)) break;
        }
        return found;
    }

    List<String> get(String key) {
        return lists.getOrDefault(key, List.of());
    }
}
