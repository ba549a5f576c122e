package ${package};

import java.time.Instant;

/** One note kept by the function for an initiative. */
public record Note(long id, String initiativeId, String title, String text, String author, Instant writtenAt) {
}
