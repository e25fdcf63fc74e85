package broadsheet.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict reader of the Prometheus text exposition format (version 0.0.4), for tests of {@code /metrics}: every
 * family has one {@code # HELP} and one {@code # TYPE} before its samples, every sample belongs to a declared family
 * (a summary's or histogram's by its {@code _count}, {@code _sum} or {@code _bucket} suffix), label names and values
 * are well formed, each series appears once, and every value is a number. Anything else fails with the line.
 */
public final class PrometheusText {
    private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern HELP = Pattern.compile("# HELP (" + NAME + ")(?: (.*))?");
    private static final Pattern TYPE = Pattern.compile("# TYPE (" + NAME + ") (counter|gauge|summary|histogram|untyped)");
    private static final Pattern SAMPLE = Pattern.compile("(" + NAME + ")(?:\\{(.*)})? (\\S+)(?: -?[0-9]+)?");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\\\n]|\\\\[\\\\\"n])*)\"(,|$)");
    private static final Pattern NUMBER = Pattern.compile("[-+]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][-+]?[0-9]+)?");
    private static final Set<String> SUFFIXED = Set.of("summary", "histogram");

    /** One series: the sample's name (with any suffix), its labels and value. */
    public record Sample(String name, Map<String, String> labels, double value) {}

    /** A family: its type, help text and samples. */
    public record Family(String name, String type, String help, List<Sample> samples) {}

    private final Map<String, Family> families;

    private PrometheusText(Map<String, Family> families) {
        this.families = families;
    }

    public static PrometheusText parse(String text) {
        Map<String, String> helps = new LinkedHashMap<>();
        Map<String, String> types = new LinkedHashMap<>();
        Map<String, List<Sample>> samples = new LinkedHashMap<>();
        Set<String> series = new java.util.HashSet<>();
        int n = 0;
        for (String line : text.split("\n", -1)) {
            n++;
            if (line.isEmpty()) continue;
            Matcher m;
            if ((m = HELP.matcher(line)).matches()) {
                if (helps.put(m.group(1), m.group(2) == null ? "" : m.group(2)) != null) throw fail(n, line, "a second HELP for " + m.group(1));
            } else if ((m = TYPE.matcher(line)).matches()) {
                if (types.put(m.group(1), m.group(2)) != null) throw fail(n, line, "a second TYPE for " + m.group(1));
                if (samples.containsKey(m.group(1))) throw fail(n, line, "TYPE after the family's samples");
            } else if (line.startsWith("#")) {
                if (line.startsWith("# HELP") || line.startsWith("# TYPE")) throw fail(n, line, "a malformed HELP or TYPE line");
            } else if ((m = SAMPLE.matcher(line)).matches()) {
                String name = m.group(1);
                String family = family(name, types);
                if (family == null) throw fail(n, line, "a sample of no declared family");
                Map<String, String> labels = labels(m.group(2), n, line);
                if (!series.add(name + labels)) throw fail(n, line, "the same series twice");
                samples.computeIfAbsent(family, k -> new ArrayList<>()).add(new Sample(name, labels, value(m.group(3), n, line)));
            } else {
                throw fail(n, line, "not a comment, a sample or blank");
            }
        }
        Map<String, Family> families = new LinkedHashMap<>();
        for (var t : types.entrySet()) {
            String help = helps.get(t.getKey());
            if (help == null) throw new AssertionError("family " + t.getKey() + " has no HELP");
            families.put(t.getKey(), new Family(t.getKey(), t.getValue(), help, samples.getOrDefault(t.getKey(), List.of())));
        }
        return new PrometheusText(families);
    }

    public Map<String, Family> families() {
        return families;
    }

    /** The family, failing when there is none. */
    public Family family(String name) {
        Family f = families.get(name);
        if (f == null) throw new AssertionError("no family " + name + " in /metrics");
        return f;
    }

    /** Whether some family has a sample of this name (a family's own name, or a summary's {@code _count} and so on). */
    public boolean hasSampleNamed(String sample) {
        return families.values().stream().anyMatch(f -> f.name().equals(sample) || f.samples().stream().anyMatch(s -> s.name().equals(sample)))
                || families.containsKey(sample);
    }

    /**
     * The sum of the samples named {@code sample} whose labels include these ({@code "key", "value", ...}); fails
     * when none matches.
     */
    public double value(String sample, String... labels) {
        Map<String, String> wanted = new LinkedHashMap<>();
        for (int i = 0; i + 1 < labels.length; i += 2) wanted.put(labels[i], labels[i + 1]);
        List<Sample> found = families.values().stream().flatMap(f -> f.samples().stream())
                .filter(s -> s.name().equals(sample) && s.labels().entrySet().containsAll(wanted.entrySet())).toList();
        if (found.isEmpty()) throw new AssertionError("no sample " + sample + " with " + wanted + " in /metrics");
        return found.stream().mapToDouble(Sample::value).sum();
    }

    private static String family(String sample, Map<String, String> types) {
        if (types.containsKey(sample)) return sample;
        for (String suffix : List.of("_count", "_sum", "_bucket")) {
            if (!sample.endsWith(suffix)) continue;
            String base = sample.substring(0, sample.length() - suffix.length());
            if (SUFFIXED.contains(types.get(base)) && (!suffix.equals("_bucket") || types.get(base).equals("histogram"))) return base;
        }
        return null;
    }

    private static Map<String, String> labels(String text, int n, String line) {
        Map<String, String> labels = new LinkedHashMap<>();
        if (text == null || text.isEmpty()) return labels;
        Matcher m = LABEL.matcher(text);
        int at = 0;
        while (at < text.length()) {
            if (!m.find(at) || m.start() != at) throw fail(n, line, "malformed labels");
            if (labels.put(m.group(1), m.group(2).replace("\\n", "\n").replace("\\\"", "\"").replace("\\\\", "\\")) != null) {
                throw fail(n, line, "a label twice");
            }
            at = m.end();
        }
        return labels;
    }

    private static double value(String text, int n, String line) {
        return switch (text) {
            case "NaN" -> Double.NaN;
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> {
                if (!NUMBER.matcher(text).matches()) throw fail(n, line, "not a number: " + text);
                yield Double.parseDouble(text);
            }
        };
    }

    private static AssertionError fail(int n, String line, String why) {
        return new AssertionError("/metrics line " + n + ": " + why + ": " + line);
    }
}
