package ticketdesk.admin.dashboard;

import java.time.Duration;
import java.util.List;

/** The median of durations; null when there are none. */
final class Medians {

    private Medians() {
    }

    static Duration of(List<Duration> durations) {
        if (durations.isEmpty()) {
            return null;
        }
        List<Duration> sorted = durations.stream().sorted().toList();
        int mid = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(mid) : sorted.get(mid - 1).plus(sorted.get(mid)).dividedBy(2);
    }
}
