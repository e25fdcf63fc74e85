package broadsheet.reader;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * "Download my data": everything the site keeps about one reader, as a JSON-ready map. The account and its
 * sessions are this package's; other features (subscriptions, gifts, comments) add their own {@link Section}s,
 * handed over by the composition root, without this package knowing them.
 */
public final class ReaderData {
    /** One feature's part of a reader's data. */
    public interface Section {
        /** The key of the part in the download, such as {@code "subscriptions"}. */
        String name();

        /** The reader's data in this part: maps, lists, strings, numbers (anything Jackson writes). */
        Object of(long readerId);

        /** A part named {@code name} whose data {@code data} gives. */
        static Section of(String name, LongFunction<Object> data) {
            return new Section() {
                @Override
                public String name() {
                    return name;
                }

                @Override
                public Object of(long readerId) {
                    return data.apply(readerId);
                }
            };
        }
    }

    private final ReaderSessions sessions;
    private final List<Section> sections;

    public ReaderData(ReaderSessions sessions, List<Section> sections) {
        this.sessions = sessions;
        this.sections = List.copyOf(sections);
    }

    public Map<String, Object> of(ReaderAccount reader, String currentSession) {
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, Object> account = new LinkedHashMap<>();
        account.put("email", reader.email());
        account.put("name", reader.name());
        account.put("hasPassword", reader.hasPassword());
        account.put("emailConfirmedAt", reader.emailVerifiedAt() == null ? null : reader.emailVerifiedAt().toString());
        account.put("createdAt", reader.createdAt().toString());
        out.put("account", account);
        out.put("sessions", sessions.list(reader.id(), currentSession).stream().map(s -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("startedAt", s.createdAt().toString());
            m.put("lastSeenAt", s.lastSeenAt().toString());
            m.put("ip", s.ip());
            m.put("browser", s.userAgent());
            m.put("thisBrowser", s.current());
            return m;
        }).toList());
        for (Section s : sections) out.put(s.name(), s.of(reader.id()));
        return out;
    }
}
