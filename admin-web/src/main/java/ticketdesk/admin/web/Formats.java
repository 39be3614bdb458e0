package ticketdesk.admin.web;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** How the panel writes times and durations. All times are UTC. */
public final class Formats {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private Formats() {
    }

    public static String time(LocalDateTime time) {
        return time == null ? "" : TIME.format(time);
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
}
