package ticketdesk.admin.web;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** How the panel writes times and durations. All times are UTC. */
public final class Formats {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final String RESPONDER = "responder_id";

    private Formats() {
    }

    public static String time(LocalDateTime time) {
        return time == null ? "" : TIME.format(time);
    }

    /** A file's size for people: "812 bytes", "14.2 kB", "3.1 MB". */
    public static String bytes(long size) {
        if (size < 1000) {
            return size + " bytes";
        }
        return size < 1_000_000 ? String.format(java.util.Locale.ROOT, "%.1f kB", size / 1000.0)
                : String.format(java.util.Locale.ROOT, "%.1f MB", size / 1_000_000.0);
    }

    public static String duration(Duration duration) {
        if (duration == null) {
            return "–";
        }
        long minutes = duration.toMinutes();
        if (minutes < 1) {
            return duration.toSeconds() + " s";
        }
        if (minutes < 120) {
            return minutes + " min";
        }
        long hours = duration.toHours();
        if (hours < 48) {
            return hours + " h " + (minutes % 60) + " min";
        }
        return duration.toDays() + " d " + (hours % 24) + " h";
    }

    public static String label(String dbValue) {
        return dbValue == null ? "" : dbValue.replace('_', ' ');
    }

    /** An event's change as a reader sees it: "field: old → new", "field: value", or "" when nothing changed. */
    public static String change(String field, String oldValue, String newValue) {
        if (oldValue == null && newValue == null) {
            return "";
        }
        String prefix = field == null ? "" : label(field) + ": ";
        if (oldValue != null && newValue != null) {
            return prefix + oldValue + " → " + newValue;
        }
        return prefix + (newValue != null ? newValue : oldValue);
    }

    /**
     * An event's change with people named: a {@code responder_id} change reads "held by Alice; now Bob" (or the
     * reason the ticket went back, when core wrote one instead of a new holder), or "now held by Bob" for a ticket
     * assigned from the pool; other fields read as
     * {@link #change(String, String, String)}.
     */
    public static String change(String field, String oldValue, String newValue, Map<Long, String> names) {
        if (!RESPONDER.equals(field) || (oldValue == null && newValue == null)) {
            return change(field, oldValue, newValue);
        }
        if (oldValue == null) {
            return "now held by " + person(newValue, names);
        }
        String held = "held by " + person(oldValue, names);
        if (newValue == null) {
            return held;
        }
        return held + "; " + (userId(newValue) == null ? newValue : "now " + person(newValue, names));
    }

    /** The user ids an event's change mentions, to look their names up before calling the four-argument change. */
    public static Set<Long> peopleIn(String field, String oldValue, String newValue) {
        return RESPONDER.equals(field)
                ? Stream.of(userId(oldValue), userId(newValue)).filter(Objects::nonNull).collect(Collectors.toSet())
                : Set.of();
    }

    private static String person(String id, Map<Long, String> names) {
        Long parsed = userId(id);
        return parsed == null ? String.valueOf(id) : names.getOrDefault(parsed, "#" + parsed);
    }

    private static Long userId(String value) {
        try {
            return value == null ? null : Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
