package org.civicbackbone.api.console;

import static org.junit.Assert.assertEquals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/** One initiative's items are read as one of several: the module's single read, asked for it alone. */
public class WorkItemsReadTogetherTest {

    private static final WorkItem REPORT_DUE = new WorkItem(WorkItem.Kind.COMING_UP, LocalDate.of(2026, 12, 31),
            "Report due", false, "funding");

    private final List<Collection<String>> reads = new ArrayList<>();
    private final WorkItemsReadTogether funding = new WorkItemsReadTogether() {
        @Override
        public String functionId() {
            return "resources";
        }

        @Override
        public Map<String, List<WorkItem>> ofEach(Collection<String> initiativeIds) {
            reads.add(List.copyOf(initiativeIds));
            return initiativeIds.contains("riverbend") ? Map.of("riverbend", List.of(REPORT_DUE)) : Map.of();
        }
    };

    @Test
    public void oneInitiativeIsReadAsOneOfOne() {
        assertEquals(List.of(REPORT_DUE), funding.of("riverbend"));
        assertEquals("an initiative the read left out has no items", List.of(), funding.of("eastside"));
        assertEquals(List.of(List.of("riverbend"), List.of("eastside")), reads);
    }
}
