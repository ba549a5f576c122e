package org.civicbackbone.rest.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.io.ByteArrayInputStream;
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

    /** The place of a fault inside a list of objects, and the bounds' messages without their expression language. */
    @Test
    public void namesTheElementOfAListAndTheBoundItMissed() {
        record Line(@jakarta.validation.constraints.DecimalMin("0") java.math.BigDecimal amount,
                    @jakarta.validation.constraints.DecimalMax(value = "100", inclusive = false) java.math.BigDecimal share) {
        }
        record Lines(List<@jakarta.validation.Valid Line> lines, List<@jakarta.validation.constraints.NotBlank String> tags) {
        }
        assertEquals(List.of(
                new Violation("lines[1].amount", "must be greater than or equal to 0"),
                new Violation("lines[1].share", "must be less than 100"),
                new Violation("tags[2]", "must not be blank")),
                refuse("{\"lines\":[{\"amount\":1,\"share\":1},{\"amount\":-1,\"share\":100}],"
                        + "\"tags\":[\"a\",\"b\",\" \"]}", Lines.class));
    }
}
