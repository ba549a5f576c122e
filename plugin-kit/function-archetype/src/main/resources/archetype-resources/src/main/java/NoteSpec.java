package ${package};

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A note to write: validated before your code runs, bad input answers 400 naming the field. */
public record NoteSpec(@NotBlank @Size(max = 200) String title, @Size(max = 4000) String text) {
}
