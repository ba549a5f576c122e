package org.civicbackbone.rest.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.civicbackbone.api.initiative.InitiativeSpec;
import org.civicbackbone.api.initiative.MembershipSpec;
import org.civicbackbone.api.problem.ProblemException;
import org.civicbackbone.api.problem.Violation;
import org.junit.Test;

public class JsonBindingTest {

    private final JsonBinding json = new JsonBinding();

    private List<Violation> refuse(String body, Class<?> type) {
        ProblemException e = assertThrows(ProblemException.class,
                () -> json.read(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), type));
        assertEquals(400, e.problem().status());
        return e.problem().violations();
    }

    @Test
    public void readsAValidBody() {
        InitiativeSpec spec = json.read(new ByteArrayInputStream(("{\"name\":\"Riverbend Reads\","
                + "\"structureModelId\":\"nested\",\"enabledFunctionIds\":[\"shared-measurement\"]}")
                .getBytes(StandardCharsets.UTF_8)), InitiativeSpec.class);
        assertEquals("Riverbend Reads", spec.name());
    }

    @Test
    public void namesEveryConstraintViolationByField() {
        assertEquals(List.of(
                new Violation("enabledFunctionIds[1]", "must be a function id"),
                new Violation("name", "must not be blank"),
                new Violation("structureModelId", "must not be blank")),
                refuse("{\"name\":\"\",\"structureModelId\":\"\",\"enabledFunctionIds\":[\"policy\",\"Bad Id\"]}",
                        InitiativeSpec.class).stream()
                        .filter(v -> !v.message().startsWith("must be a structure")).toList());
    }

    @Test
    public void unknownFieldsAreRefusedWithTheKnownOnes() {
        assertEquals(List.of(new Violation("colour", "unknown field; expected one of "
                + "[enabledFunctionIds, id, name, problemStatement, structureModelId, vision]")),
                refuse("{\"name\":\"x\",\"structureModelId\":\"nested\",\"enabledFunctionIds\":[],\"colour\":1}",
                        InitiativeSpec.class));
    }

    @Test
    public void wrongTypesAndEnumsAreNamed() {
        assertEquals(List.of(new Violation("enabledFunctionIds", "must be a list")),
                refuse("{\"name\":\"x\",\"structureModelId\":\"nested\",\"enabledFunctionIds\":7}", InitiativeSpec.class));
        assertEquals("sector", refuse("{\"organisation\":\"o\",\"role\":\"r\",\"sector\":\"PIRATES\"}",
                MembershipSpec.class).get(0).field());
        assertEquals(List.of(new Violation("name", "must be a string")),
                refuse("{\"name\":12,\"structureModelId\":\"nested\",\"enabledFunctionIds\":[]}", InitiativeSpec.class));
    }

    @Test
    public void malformedAndEmptyBodies() {
        assertEquals("(body)", refuse("{\"name\": ", InitiativeSpec.class).get(0).field());
        assertEquals(List.of(new Violation("(body)", "a JSON body is required")), refuse("  ", InitiativeSpec.class));
        assertEquals("(body)", refuse("{} {}", InitiativeSpec.class).get(0).field());
    }

    /** A tiny body must not cost minutes of CPU: huge exponents and endless digits are refused before binding. */
    @Test
    public void refusesNumbersNoFieldCouldHoldBeforeBindingThem() {
        record Amount(java.math.BigDecimal value, List<java.math.BigDecimal> more) {
        }
        assertEquals(List.of(new Violation("value", "is out of range: at most 40 characters and an exponent of at most 30")),
                refuse("{\"value\":1e10000000}", Amount.class));
        assertEquals("more[1]", refuse("{\"value\":1,\"more\":[1,1" + "0".repeat(60) + "]}", Amount.class).get(0).field());
        assertEquals(new java.math.BigDecimal("12.5"), json.read(new ByteArrayInputStream("{\"value\":12.5,\"more\":[]}"
                .getBytes(StandardCharsets.UTF_8)), Amount.class).value());
    }

    /**
     * Text with a control character is refused by field (PostgreSQL cannot store NUL; none shows on a page); a tab
     * and a line break are text's own.
     */
    @Test
    public void refusesControlCharactersInTextButKeepsLinesAndTabs() {
        record Minutes(String title, List<String> notes) {
        }
        assertEquals(List.of(new Violation("title", "must not contain control characters: U+0000 at character 4")),
                refuse("{\"title\":\"Nul\\u0000\"}", Minutes.class));
        assertEquals(List.of(new Violation("notes[1]", "must not contain control characters: U+0007 at character 1")),
                refuse("{\"title\":\"t\",\"notes\":[\"a\",\"\\u0007\"]}", Minutes.class));
        assertEquals("title", refuse("{\"title\":\"del\u007f\"}", Minutes.class).get(0).field());
        assertEquals("one\n\ttwo\r\n", json.read(new ByteArrayInputStream("{\"title\":\"one\\n\\ttwo\\r\\n\"}"
                .getBytes(StandardCharsets.UTF_8)), Minutes.class).title());
    }

    /** The place of a fault inside a list of objects, and each bound in plain words without expression language. */
    @Test
    public void namesTheElementOfAListAndTheBoundItMissedInPlainWords() {
        record Line(@DecimalMin("0") @Digits(integer = 5, fraction = 2) BigDecimal amount,
                    @DecimalMax(value = "100", inclusive = false) BigDecimal share,
                    @Size(max = 5) String code, @Size(min = 2, max = 3) List<String> tags,
                    @Size(min = 2, max = 2) String state, @Size(min = 3, message = "needs three letters") String short_) {
        }
        record Lines(List<@Valid Line> lines, List<@NotBlank String> tags) {
        }
        assertEquals(List.of(
                new Violation("lines[1].amount", "must be greater than or equal to 0"),
                new Violation("lines[1].amount", "must have at most 5 digits before the decimal point and 2 after it"),
                new Violation("lines[1].code", "must be at most 5 characters"),
                new Violation("lines[1].share", "must be less than 100"),
                new Violation("lines[1].short_", "needs three letters"),
                new Violation("lines[1].state", "must be exactly 2 characters"),
                new Violation("lines[1].tags", "must be between 2 and 3 entries"),
                new Violation("tags[2]", "must not be blank")),
                refuse("{\"lines\":[{\"amount\":1,\"share\":1},{\"amount\":-1.125,\"share\":100,"
                        + "\"code\":\"toolong\",\"tags\":[\"a\"],\"state\":\"abc\",\"short_\":\"ab\"}],"
                        + "\"tags\":[\"a\",\"b\",\" \"]}", Lines.class));
    }

    /** A moment is ISO-8601 text with its offset; a number is not read as seconds since 1970. */
    @Test
    public void momentsAreReadOnlyAsTextWithTheirOffset() {
        record Meeting(java.time.Instant heldAt) {
        }
        String expected = "moment (YYYY-MM-DDTHH:MM:SSZ, or with an offset such as +02:00)";
        assertEquals(java.time.Instant.parse("2026-12-20T08:00:00Z"), json.read(new ByteArrayInputStream(
                "{\"heldAt\":\"2026-12-20T10:00:00+02:00\"}".getBytes(StandardCharsets.UTF_8)), Meeting.class).heldAt());
        assertEquals(java.time.Instant.parse("2026-12-20T10:00:00.250Z"), json.read(new ByteArrayInputStream(
                "{\"heldAt\":\"2026-12-20T10:00:00.250Z\"}".getBytes(StandardCharsets.UTF_8)), Meeting.class).heldAt());
        assertEquals(List.of(new Violation("heldAt", "must be a " + expected)), refuse("{\"heldAt\":12345}", Meeting.class));
        assertEquals(List.of(new Violation("heldAt", "'12345' is not a valid " + expected)),
                refuse("{\"heldAt\":\"12345\"}", Meeting.class));
        assertEquals(List.of(new Violation("heldAt", "'2026-13-01T10:00:00Z' is not a valid " + expected)),
                refuse("{\"heldAt\":\"2026-13-01T10:00:00Z\"}", Meeting.class));
        assertEquals("no offset: which 10 o'clock is unknown", List.of(new Violation("heldAt",
                "'2026-12-20T10:00' is not a valid " + expected)), refuse("{\"heldAt\":\"2026-12-20T10:00\"}", Meeting.class));
    }
}
