package broadsheet.demo;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The demo's topic taxonomy: every topic's name, description, the sections it belongs in, the topics it is
 * often tagged alongside, and the words a story about it uses. The topics are listed in
 * {@link DemoNewsTopics}, {@link DemoFeatureTopics} and {@link DemoSportTopics}; how a story is told is left to the sections' words.
 */
final class DemoTopics {
    private DemoTopics() {}

    /**
     * One topic.
     *
     * @param sections the sections it fits, its home section first
     * @param related  names of topics a story about it is often also tagged with
     * @param words    its subjects, actors, places, people and facts
     */
    record Topic(String slug, String name, String description, List<String> sections, List<String> related,
                 DemoLexicon words) {
        String home() {
            return sections.getFirst();
        }

        boolean fits(String section) {
            return section.equals("opinion") || sections.contains(section);
        }
    }

    static final List<Topic> ALL = Stream.of(DemoNewsTopics.LIST, DemoFeatureTopics.LIST, DemoSportTopics.LIST)
            .flatMap(List::stream).toList();

    static final Map<String, Topic> BY_NAME = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(Topic::name, Function.identity()));

    /**
     * Topics a story in the section can be mainly about. Sport, culture and science stories are told in their
     * own shapes (match report, review, study), so only topics at home there lead them.
     */
    static List<Topic> leading(String section) {
        boolean ownShape = List.of("sport", "culture", "science").contains(section);
        return ALL.stream().filter(t -> ownShape ? t.home().equals(section) : t.fits(section)).toList();
    }

    static Topic topic(String name, String sections, String related, String description, String words) {
        return new Topic(slug(name), name, description, List.of(sections.split(" ")),
                related.isBlank() ? List.of() : Arrays.stream(related.split(";")).map(String::strip).toList(),
                DemoLexicon.parse(words));
    }

    /** Lower-case ASCII letters and digits joined by single hyphens: {@code Our Foreign Staff} to {@code our-foreign-staff}. */
    static String slug(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        return ascii.toLowerCase(Locale.ROOT).replaceAll("[’'‘]", "").replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-|-$", "");
    }
}
