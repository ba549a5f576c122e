package ${package};

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** What {@code GET /api/v1/initiatives/{id}/${functionId}} answers: counts, the latest, what needs attention. */
public record Overview(String initiativeId, int notes, Instant lastWritten, List<String> needsAttention) {

    /** The overview of these notes. */
    public static Overview of(String initiativeId, List<Note> notes) {
        List<String> attention = new ArrayList<>();
        if (notes.isEmpty()) {
            attention.add("no notes yet");
        }
        notes.stream().filter(n -> n.text() == null || n.text().isBlank())
                .forEach(n -> attention.add("note without text: " + n.title()));
        Instant last = notes.stream().map(Note::writtenAt).max(Comparator.naturalOrder()).orElse(null);
        return new Overview(initiativeId, notes.size(), last, List.copyOf(attention));
    }
}
