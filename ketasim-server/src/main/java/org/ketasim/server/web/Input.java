package org.ketasim.server.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.ketasim.server.clinical.InvalidInput;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;

/**
 * A JSON request body, read field by field with validation. Every problem becomes {@link InvalidInput}
 * naming the field, so the client gets {@code 400 {"error": "..."}}.
 *
 * <p>Text is kept exactly as typed (it is escaped on output, and SQL only ever sees it as a bind
 * parameter), but control characters other than newline and tab are rejected.
 */
final class Input {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode node;
    private final String prefix;

    private Input(JsonNode node, String prefix) {
        this.node = node;
        this.prefix = prefix;
    }

    static Input parse(String body) {
        JsonNode n;
        try {
            n = body == null || body.isBlank() ? null : JSON.readTree(body);
        } catch (Exception e) {
            throw new InvalidInput("request body is not valid JSON");
        }
        if (n == null || !n.isObject()) {
            throw new InvalidInput("request body must be a JSON object");
        }
        return new Input(n, "");
    }

    private JsonNode get(String name) {
        JsonNode v = node.get(name);
        return v == null ? NullNode.getInstance() : v;
    }

    boolean has(String name) {
        return !get(name).isNull();
    }

    private String n(String name) {
        return prefix + name;
    }

    Input object(String name) {
        JsonNode v = get(name);
        if (!v.isObject()) {
            throw new InvalidInput(n(name) + " is required (an object)");
        }
        return new Input(v, n(name) + ".");
    }

    String text(String name, int maxLength) {
        String s = optText(name, maxLength);
        if (s == null || s.isBlank()) {
            throw new InvalidInput(n(name) + " is required");
        }
        return s;
    }

    String optText(String name, int maxLength) {
        JsonNode v = get(name);
        if (v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new InvalidInput(n(name) + " must be text");
        }
        return checkText(n(name), v.asText(), maxLength);
    }

    static String checkText(String field, String s, int maxLength) {
        if (s.length() > maxLength) {
            throw new InvalidInput(field + " is longer than " + maxLength + " characters");
        }
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (Character.isISOControl(ch) && ch != '\n' && ch != '\t' && ch != '\r') {
                throw new InvalidInput(field + " contains a control character");
            }
        }
        return s.strip();
    }

    String matching(String name, String regex, String what) {
        String s = text(name, 200);
        if (!s.matches(regex)) {
            throw new InvalidInput(n(name) + " must be " + what);
        }
        return s;
    }

    int integer(String name, int lo, int hi) {
        Integer v = optInteger(name, lo, hi);
        if (v == null) {
            throw new InvalidInput(n(name) + " is required (a whole number " + lo + "-" + hi + ")");
        }
        return v;
    }

    Integer optInteger(String name, int lo, int hi) {
        JsonNode v = get(name);
        if (v.isNull()) {
            return null;
        }
        if (!v.isIntegralNumber() && !(v.isNumber() && v.asDouble() == Math.rint(v.asDouble()))) {
            throw new InvalidInput(n(name) + " must be a whole number " + lo + "-" + hi);
        }
        long x = v.asLong();
        if (x < lo || x > hi) {
            throw new InvalidInput(n(name) + " must be between " + lo + " and " + hi + ", got " + x);
        }
        return (int) x;
    }

    long id(String name) {
        JsonNode v = get(name);
        if (!v.isIntegralNumber() || v.asLong() <= 0) {
            throw new InvalidInput(n(name) + " is required (a record id)");
        }
        return v.asLong();
    }

    Long optId(String name) {
        return has(name) ? id(name) : null;
    }

    double number(String name, double lo, double hi) {
        Double v = optNumber(name, lo, hi);
        if (v == null) {
            throw new InvalidInput(n(name) + " is required (a number " + fmt(lo) + "-" + fmt(hi) + ")");
        }
        return v;
    }

    Double optNumber(String name, double lo, double hi) {
        JsonNode v = get(name);
        if (v.isNull()) {
            return null;
        }
        if (!v.isNumber()) {
            throw new InvalidInput(n(name) + " must be a number");
        }
        double x = v.asDouble();
        if (!Double.isFinite(x) || x < lo || x > hi) {
            throw new InvalidInput(n(name) + " must be between " + fmt(lo) + " and " + fmt(hi) + ", got " + fmt(x));
        }
        return x;
    }

    boolean bool(String name) {
        JsonNode v = get(name);
        if (v.isNull()) {
            return false;
        }
        if (!v.isBoolean()) {
            throw new InvalidInput(n(name) + " must be true or false");
        }
        return v.asBoolean();
    }

    LocalDate date(String name) {
        String s = text(name, 10);
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw new InvalidInput(n(name) + " must be a date YYYY-MM-DD");
        }
    }

    Instant optInstant(String name) {
        String s = optText(name, 40);
        if (s == null) {
            return null;
        }
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            throw new InvalidInput(n(name) + " must be a UTC time like 2026-01-31T09:30:00Z");
        }
    }

    /** A list of texts, each at most {@code maxLength} characters. */
    List<String> texts(String name, int maxItems, int maxLength) {
        List<String> out = new ArrayList<>();
        for (JsonNode e : array(name, maxItems)) {
            if (!e.isTextual()) {
                throw new InvalidInput(n(name) + " must be a list of texts");
            }
            String s = checkText(n(name), e.asText(), maxLength);
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }

    /** Integers that may be null (a missing answer); non-integers are rejected with their position. */
    List<Integer> integersOrNull(String name, int maxItems) {
        List<Integer> out = new ArrayList<>();
        int i = 0;
        for (JsonNode e : array(name, maxItems)) {
            i++;
            if (e.isNull() || (e.isTextual() && e.asText().isBlank())) {
                out.add(null);
            } else if (e.isIntegralNumber() || (e.isTextual() && e.asText().trim().matches("-?\\d{1,3}"))) {
                out.add(e.isTextual() ? Integer.parseInt(e.asText().trim()) : (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, e.asLong())));
            } else {
                throw new InvalidInput(n(name) + ": item " + i + " must be a whole number");
            }
        }
        return out;
    }

    List<Input> objects(String name, int maxItems) {
        List<Input> out = new ArrayList<>();
        int i = 0;
        for (JsonNode e : array(name, maxItems)) {
            if (!e.isObject()) {
                throw new InvalidInput(n(name) + "[" + i + "] must be an object");
            }
            out.add(new Input(e, n(name) + "[" + i + "]."));
            i++;
        }
        return out;
    }

    private List<JsonNode> array(String name, int maxItems) {
        JsonNode v = get(name);
        if (v.isNull()) {
            return List.of();
        }
        if (!v.isArray()) {
            throw new InvalidInput(n(name) + " must be a list");
        }
        if (v.size() > maxItems) {
            throw new InvalidInput(n(name) + " has more than " + maxItems + " entries");
        }
        List<JsonNode> out = new ArrayList<>();
        v.forEach(out::add);
        return out;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e12 ? Long.toString((long) v) : Double.toString(v);
    }
}
