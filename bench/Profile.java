import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a server's CPU went during a flight recording, for {@code bench/run --profile}: each execution sample is given
 * to the part of the program it ran in, found from the innermost frame that belongs to a known part (a sample in
 * {@code java.util.HashMap} called by JDBI is JDBI's), and Broadsheet's own methods are listed by the share of samples
 * they are on the stack of. Prints one Markdown line of parts and one of methods for each recording, with a line
 * {@code --} between two recordings' lines (one JVM reads them all: starting one for each costs a second or more).
 *
 * <pre>java bench/Profile.java RECORDING.jfr...</pre>
 */
public final class Profile {
    /** The parts, by the start of a frame's class name; the first that matches wins. */
    private static final Map<String, String> PARTS = new LinkedHashMap<>();

    static {
        PARTS.put("java.util.zip.", "gzip");
        PARTS.put("io.javalin.compression.", "gzip");
        PARTS.put("org.postgresql.", "JDBC driver and pool");
        PARTS.put("com.zaxxer.hikari.", "JDBC driver and pool");
        PARTS.put("org.jdbi.", "JDBI");
        PARTS.put("gg.jte.", "templates (jte)");
        PARTS.put("com.fasterxml.jackson.", "JSON (Jackson)");
        PARTS.put("org.apache.lucene.", "search (Lucene)");
        PARTS.put("org.jsoup.", "HTML (jsoup, commonmark)");
        PARTS.put("org.commonmark.", "HTML (jsoup, commonmark)");
        PARTS.put("io.micrometer.", "metrics (Micrometer)");
        PARTS.put("ch.qos.logback.", "logging");
        PARTS.put("org.slf4j.", "logging");
        PARTS.put("org.eclipse.jetty.", "HTTP (Jetty, Javalin)");
        PARTS.put("io.javalin.", "HTTP (Jetty, Javalin)");
        PARTS.put("jakarta.servlet.", "HTTP (Jetty, Javalin)");
        PARTS.put("broadsheet.", "Broadsheet's own code");
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            System.err.println("usage: java bench/Profile.java RECORDING.jfr...");
            System.exit(2);
        }
        for (int i = 0; i < args.length; i++) {
            if (i > 0) System.out.println("--");
            try {
                profile(Path.of(args[i]));
            } catch (Exception e) {
                System.out.println("could not read " + args[i] + ": " + e);
            }
        }
    }

    /** Prints one recording's lines. */
    private static void profile(Path recording) throws java.io.IOException {
        Map<String, Integer> parts = new HashMap<>();
        Map<String, Integer> ours = new HashMap<>();
        int samples = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(recording)) {
            if (!e.getEventType().getName().equals("jdk.ExecutionSample") || e.getStackTrace() == null) continue;
            List<RecordedFrame> frames = e.getStackTrace().getFrames();
            samples++;
            String part = null;
            Set<String> seen = new HashSet<>();
            for (RecordedFrame f : frames) {
                if (!f.isJavaFrame()) continue;
                String type = f.getMethod().getType().getName();
                if (part == null) part = partOf(type);
                if (type.startsWith("broadsheet.")) {
                    String method = type.substring("broadsheet.".length()) + "." + f.getMethod().getName();
                    if (seen.add(method)) ours.merge(method, 1, Integer::sum);
                }
            }
            parts.merge(part == null ? "the JVM and the JDK" : part, 1, Integer::sum);
        }
        if (samples == 0) {
            System.out.println("no samples");
            return;
        }
        System.out.println("parts: " + shares(parts, samples, 12));
        System.out.println("Broadsheet methods on the stack: " + shares(withoutWrappers(ours), samples, 8));
    }

    private static String partOf(String type) {
        for (var p : PARTS.entrySet()) if (type.startsWith(p.getKey())) return p.getValue();
        return null;
    }

    /** The request's outermost wrappers (the body limit, the route table) are on nearly every stack and say nothing. */
    private static Map<String, Integer> withoutWrappers(Map<String, Integer> methods) {
        Map<String, Integer> out = new HashMap<>(methods);
        out.keySet().removeIf(m -> m.startsWith("web.BodyLimits.") || m.startsWith("Routes.") || m.startsWith("Server.")
                || m.contains("lambda$") || m.contains("$$Lambda"));
        return out;
    }

    private static String shares(Map<String, Integer> counts, int total, int most) {
        List<Map.Entry<String, Integer>> sorted = new ArrayList<>(counts.entrySet());
        sorted.sort(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        List<String> out = new ArrayList<>();
        for (var e : sorted.subList(0, Math.min(most, sorted.size()))) {
            out.add(e.getKey() + " " + Math.round(100.0 * e.getValue() / total) + " %");
        }
        return String.join(", ", out) + " (" + total + " samples)";
    }
}
