package broadsheet.webhook;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an admin typed for an endpoint, and what is wrong with it, field by field: the address ({@link EndpointUrl}),
 * a description of at most {@link #MAX_DESCRIPTION} characters, at least one known event, on or off.
 */
public record EndpointInput(String url, String description, List<String> events, boolean enabled) {
    public static final int MAX_DESCRIPTION = 200;

    public EndpointInput {
        url = url == null ? "" : url.strip();
        description = description == null ? "" : description.strip();
        events = events == null ? List.of() : List.copyOf(events);
    }

    /** The problems by field name ({@code url}, {@code description}, {@code events}); empty when it can be saved. */
    public Map<String, String> problems() {
        Map<String, String> out = new LinkedHashMap<>();
        EndpointUrl.problem(url).ifPresent(p -> out.put("url", p));
        if (description.length() > MAX_DESCRIPTION) {
            out.put("description", "Use at most " + MAX_DESCRIPTION + " characters (this has " + description.length() + ").");
        } else if (description.chars().anyMatch(c -> c < ' ')) {
            out.put("description", "Write the description on one line.");
        }
        if (events.isEmpty()) out.put("events", "Choose at least one event to send.");
        else if (events.stream().anyMatch(e -> EventType.fromWord(e).isEmpty())) out.put("events", "Choose events from the list.");
        return out;
    }

    /** The chosen events, known ones only, in the list's order. */
    public List<EventType> eventTypes() {
        List<EventType> out = new ArrayList<>();
        for (EventType t : EventType.values()) if (events.contains(t.word())) out.add(t);
        return out;
    }
}
