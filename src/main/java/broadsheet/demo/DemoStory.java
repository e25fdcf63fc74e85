package broadsheet.demo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * One story being written: fills templates such as {@code “{quote*},” said {who}, {who.role}.} from a chain
 * of lexicons, keeping each choice for the rest of the story so the headline, standfirst, body and caption
 * speak of the same place, subject and people.
 *
 * <p>In a template, {@code {key}} is chosen once per story; {@code {key*}} is chosen afresh each time, without
 * repeating until the list runs out; {@code {key2}} picks from {@code key}'s list but differs from
 * {@code {key}}. {@code {who}}, {@code {who2}}... are invented people, with {@code .surname} and
 * {@code .role}. A trailing {@code ^} drops a leading article (headline style), {@code !} capitalises. What a
 * story is about is decided by its caller through the lexicons it passes in.
 */
final class DemoStory {
    private record Person(String name, String surname, String role, String rawRole) {}

    private final SplittableRandom random;
    private final List<DemoLexicon> chain;
    private final Map<String, String> raw = new HashMap<>();
    private final Map<String, String> bound = new HashMap<>();
    private final Map<String, Person> people = new HashMap<>();
    private final Map<String, Set<String>> used = new HashMap<>();
    private final List<String> quotes = new ArrayList<>();
    private List<DemoLexicon> extras = List.of();

    DemoStory(SplittableRandom random, List<DemoLexicon> chain) {
        this.random = random;
        this.chain = List.copyOf(chain);
    }

    SplittableRandom random() {
        return random;
    }

    boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    boolean has(String key) {
        return !lookup(key).isEmpty();
    }

    /** The quotations spoken so far, in order; a pull quote repeats one of them. */
    List<String> quotes() {
        return List.copyOf(quotes);
    }

    String fill(String template) {
        return fill(template, 0);
    }

    /** Fills the template with some extra words consulted first, such as a picture's captions and light. */
    String fill(String template, List<DemoLexicon> words) {
        extras = words;
        try {
            return fill(template, 0);
        } finally {
            extras = List.of();
        }
    }

    private List<String> lookup(String key) {
        if (extras.isEmpty()) return DemoLexicon.lookup(chain, key);
        List<DemoLexicon> all = new ArrayList<>(extras);
        all.addAll(chain);
        return DemoLexicon.lookup(all, key);
    }

    private String fill(String template, int depth) {
        if (depth > 6) throw new IllegalStateException("template nests too deeply: " + template);
        StringBuilder out = new StringBuilder(template.length() + 40);
        int at = 0;
        while (true) {
            int open = template.indexOf('{', at);
            if (open < 0) break;
            int close = template.indexOf('}', open);
            if (close < 0) throw new IllegalArgumentException("unclosed '{' in " + template);
            out.append(template, at, open).append(resolve(template.substring(open + 1, close), depth));
            at = close + 1;
        }
        return out.append(template, at, template.length()).toString();
    }

    private String resolve(String token, int depth) {
        boolean fresh = false, bare = false, capital = false;
        int end = token.length();
        for (; end > 0 && "*^!".indexOf(token.charAt(end - 1)) >= 0; end--) {
            switch (token.charAt(end - 1)) {
                case '*' -> fresh = true;
                case '^' -> bare = true;
                default -> capital = true;
            }
        }
        String key = token.substring(0, end);
        String value;
        if (key.startsWith("who")) {
            value = person(key, depth);
        } else if (fresh) {
            value = fill(fresh(key), depth + 1);
        } else {
            value = bound(key, depth);
        }
        if (key.equals("quote")) quotes.add(value);
        if (bare) value = withoutArticle(value);
        return capital ? capitalise(value) : value;
    }

    private String bound(String key, int depth) {
        String value = bound.get(key);
        if (value != null) return value;
        List<String> choices = choices(key);
        String choice = choices.get(random.nextInt(choices.size()));
        raw.put(key, choice);
        value = fill(choice, depth + 1);
        bound.put(key, value);
        return value;
    }

    private String fresh(String key) {
        List<String> choices = choices(key);
        Set<String> seen = used.computeIfAbsent(key, k -> new HashSet<>());
        List<String> unused = choices.stream().filter(c -> !seen.contains(c)).toList();
        if (unused.isEmpty()) {
            seen.clear();
            unused = choices;
        }
        String choice = unused.get(random.nextInt(unused.size()));
        seen.add(choice);
        return choice;
    }

    /**
     * The key's entries, or for {@code club2} without a list of its own those of {@code club}; either way
     * leaving out what was already chosen for a sibling key, so {@code club} and {@code club2} differ.
     */
    private List<String> choices(String key) {
        String base = key.replaceAll("\\d+$", "");
        List<String> own = lookup(key);
        List<String> all = own.isEmpty() && !base.equals(key) ? lookup(base) : own;
        if (all.isEmpty()) throw new IllegalArgumentException("no words for {" + key + "}");
        List<String> siblings = raw.entrySet().stream()
                .filter(e -> !e.getKey().equals(key) && e.getKey().replaceAll("\\d+$", "").equals(base))
                .map(Map.Entry::getValue).toList();
        List<String> rest = all.stream().filter(c -> !siblings.contains(c)).toList();
        if (!rest.isEmpty()) return rest;
        if (!own.isEmpty()) return own;
        throw new IllegalArgumentException("no words left for {" + key + "}");
    }

    private String person(String key, int depth) {
        int dot = key.indexOf('.');
        String who = dot < 0 ? key : key.substring(0, dot);
        Person person = people.get(who);
        if (person == null) {
            person = invent(depth);
            people.put(who, person);
        }
        String part = dot < 0 ? "name" : key.substring(dot + 1);
        return switch (part) {
            case "name" -> person.name();
            case "surname" -> person.surname();
            case "role" -> person.role();
            default -> throw new IllegalArgumentException("unknown part of a person: {" + key + "}");
        };
    }

    private Person invent(int depth) {
        Set<String> surnames = new HashSet<>(), roles = new HashSet<>();
        people.values().forEach(p -> {
            surnames.add(p.surname());
            roles.add(p.rawRole());
        });
        String first = pick("first");
        String surname;
        do surname = pick("last"); while (surnames.contains(surname));
        List<String> freeRoles = lookup("role").stream().filter(r -> !roles.contains(r)).toList();
        if (freeRoles.isEmpty()) throw new IllegalArgumentException("no roles left for another person");
        String rawRole = freeRoles.get(random.nextInt(freeRoles.size()));
        return new Person(first + " " + surname, surname, fill(rawRole, depth + 1), rawRole);
    }

    private String pick(String key) {
        List<String> choices = choices(key);
        return choices.get(random.nextInt(choices.size()));
    }

    /** Closes up doubled spaces, and writes a plural name's possessive the house way: {@code Hawks’}, not {@code Hawks’s}. */
    static String polish(String text) {
        return text.replaceAll(" {2,}", " ").replaceAll("(?<=[a-z]s)’s\\b", "’");
    }

    static String withoutArticle(String text) {
        for (String article : List.of("the ", "The ", "a ", "A ", "an ", "An ")) {
            if (text.startsWith(article)) return text.substring(article.length());
        }
        return text;
    }

    static String capitalise(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                return text.substring(0, i) + Character.toUpperCase(c) + text.substring(i + 1);
            }
        }
        return text;
    }
}
