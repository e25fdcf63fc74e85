package broadsheet.api.admin;

import broadsheet.shared.Json;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reading an Admin API request: its JSON object body, the version it is based on (the body's
 * {@code version} or an {@code If-Match} header), and typed fields, each problem kept against the field's
 * name so that all of them are answered at once. A body with a member named twice is refused, and text that
 * cannot be stored is an error of its field. What the values must be is the services' business.
 */
final class AdminRequest {
    private static final ObjectReader STRICT = Json.MAPPER.reader().with(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
    private final ObjectNode body;
    private final Map<String, String> errors;

    private AdminRequest(ObjectNode body, Map<String, String> errors) {
        this.body = body;
        this.errors = errors;
    }

    /** The body as a JSON object; an empty body reads as {@code {}} when {@code emptyAllowed}. */
    static AdminRequest of(Context ctx, boolean emptyAllowed, Map<String, String> errors) {
        byte[] raw = ctx.bodyAsBytes();
        if (raw.length == 0 || new String(raw, StandardCharsets.UTF_8).isBlank()) {
            if (emptyAllowed) return new AdminRequest(Json.MAPPER.createObjectNode(), errors);
            throw AdminProblem.badRequest("Send a JSON object in the body, with Content-Type: application/json.");
        }
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
        if (!type.startsWith("application/json") && !type.matches("application/[a-z0-9.+-]+\\+json.*")) {
            throw new AdminProblem(415, "Unsupported media type", "Send the body as JSON, with Content-Type: application/json.");
        }
        JsonNode node;
        try {
            node = STRICT.readTree(raw);
        } catch (JsonProcessingException e) {
            String twice = sentTwice(e);
            if (twice != null) throw AdminProblem.badRequest("The body has \"" + twice + "\" more than once; send each member once.");
            var at = e.getLocation();
            throw AdminProblem.badRequest("The body is not valid JSON" + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")") + ".");
        } catch (IOException e) {
            throw AdminProblem.badRequest("The body could not be read.");
        }
        if (!(node instanceof ObjectNode object)) throw AdminProblem.badRequest("The body must be a JSON object.");
        object.properties().forEach(member -> unstorable(member.getKey(), member.getValue(), errors));
        return new AdminRequest(object, errors);
    }

    /**
     * The path of a member named twice in one object ({@code headline}, {@code leadImage.id}), or null when the
     * failure was another one. JSON allows the repetition, but which value a reader keeps differs from one to
     * the next, so a request that says two things at once is refused rather than guessed at.
     */
    private static String sentTwice(JsonProcessingException e) {
        if (!(e.getProcessor() instanceof JsonParser parser) || e.getOriginalMessage() == null
                || !e.getOriginalMessage().startsWith("Duplicate")) {
            return null;
        }
        List<String> names = new ArrayList<>();
        for (JsonStreamContext c = parser.getParsingContext(); c != null; c = c.getParent()) {
            if (c.inObject() && c.getCurrentName() != null) names.add(0, c.getCurrentName());
        }
        return String.join(".", names);
    }

    /**
     * Records an error for every text under {@code path} that PostgreSQL cannot store: one with the NUL
     * character, or with half of a surrogate pair ({@code "\ud800"} alone), which is not a character at all.
     */
    private static void unstorable(String path, JsonNode value, Map<String, String> errors) {
        if (value.isTextual() && !storable(value.textValue())) {
            errors.put(path, "Contains a character that cannot be stored: the NUL character (\\u0000) or half of a surrogate pair.");
        } else if (value.isArray()) {
            value.forEach(item -> unstorable(path, item, errors));
        } else if (value.isObject()) {
            value.properties().forEach(member -> unstorable(path + "." + member.getKey(), member.getValue(), errors));
        }
    }

    private static boolean storable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) return false;
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) return false;
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** Records an error for every member not in {@code known}; members in {@code ignored} (read-only ones) pass. */
    void onlyKnown(List<String> known, List<String> ignored) {
        body.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name) && !ignored.contains(name)) errors.put(name, "Unknown field; the fields are " + String.join(", ", known) + ".");
        });
    }

    ObjectNode body() {
        return body;
    }

    /** The version the client based its request on, from the body or {@code If-Match}; 428 when neither is sent. */
    int version(Context ctx) {
        Integer fromBody = null;
        JsonNode v = body.get("version");
        if (v != null && !v.isNull()) {
            if (v.canConvertToInt() && v.isIntegralNumber() && v.intValue() > 0) fromBody = v.intValue();
            else errors.put("version", "The version is a whole number from an earlier answer, such as 3.");
        }
        Integer fromHeader = null;
        String ifMatch = ctx.header("If-Match");
        if (ifMatch != null) {
            String tag = ifMatch.strip().replaceFirst("^W/", "").replace("\"", "");
            if (tag.matches("[0-9]{1,9}") && Integer.parseInt(tag) > 0) fromHeader = Integer.parseInt(tag);
            else errors.put("version", "If-Match must be the article's ETag, such as \"3\".");
        }
        if (fromBody != null && fromHeader != null && !fromBody.equals(fromHeader)) {
            errors.put("version", "The body says version " + fromBody + " but If-Match says " + fromHeader + ".");
        }
        if (!errors.isEmpty()) throw AdminProblem.invalid(errors);
        if (fromBody == null && fromHeader == null) {
            throw new AdminProblem(428, "Version required", "Send the version you based this on, as \"version\" in the body or as If-Match: \"<version>\".");
        }
        return fromBody != null ? fromBody : fromHeader;
    }

    /** A text member of {@code node}, "" when missing or null. */
    String text(JsonNode node, String name, String path) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) return "";
        if (!v.isTextual()) {
            errors.put(path, "Must be a string.");
            return "";
        }
        return v.textValue();
    }

    String text(String name) {
        return text(body, name, name);
    }

    /** A list of strings, in order; empty when missing or null. */
    List<String> texts(String name) {
        JsonNode v = body.get(name);
        if (v == null || v.isNull()) return List.of();
        List<String> out = new ArrayList<>();
        if (v.isArray()) {
            for (JsonNode item : v) {
                if (!item.isTextual()) {
                    errors.put(name, "Must be a list of names (strings).");
                    return List.of();
                }
                out.add(item.textValue());
            }
            return out;
        }
        errors.put(name, "Must be a list of names (strings).");
        return List.of();
    }

    void error(String field, String message) {
        errors.put(field, message);
    }

    Map<String, String> errors() {
        return errors;
    }
}
