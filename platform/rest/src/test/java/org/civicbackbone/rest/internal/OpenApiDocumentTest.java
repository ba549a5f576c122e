package org.civicbackbone.rest.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import org.junit.Test;

/** The OpenAPI description read from resource declarations: addresses, methods, parameters, bodies and their limits, audiences. */
public class OpenApiDocumentTest {

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @Test
    public void everyResourceMethodWithItsParametersBodyAnswerAndAudience() {
        Map<String, Object> document = OpenApiDocument.of(List.of(SessionResource.class, ModulesResource.class), "1.0");
        assertEquals("3.0.3", document.get("openapi"));
        Map<String, Object> paths = map(document.get("paths"));
        assertEquals(List.of("/api/v1/modules", "/api/v1/modules/{id}", "/api/v1/session", "/api/v1/session/password"),
                List.copyOf(paths.keySet()));

        Map<String, Object> module = map(paths.get("/api/v1/modules/{id}"));
        assertEquals(List.of("delete", "get", "put"), List.copyOf(module.keySet()));
        Map<String, Object> install = map(module.get("put"));
        assertEquals("PLATFORM_ADMINS", install.get("x-audience"));
        assertEquals(List.of(Map.of("name", "id", "in", "path", "required", true, "schema", Map.of("type", "string"))),
                install.get("parameters"));

        Map<String, Object> signIn = map(map(paths.get("/api/v1/session")).get("post"));
        assertEquals("PUBLIC", signIn.get("x-audience"));
        assertEquals("a public method needs no credentials", List.of(), signIn.get("security"));
        Map<String, Object> body = map(map(map(signIn.get("requestBody")).get("content")).get("application/json"));
        assertEquals(Map.of("$ref", "#/components/schemas/SessionResource.SignIn"), body.get("schema"));

        Map<String, Object> schemas = map(map(document.get("components")).get("schemas"));
        Map<String, Object> blankRefused = Map.of("type", "string", "minLength", 1, "pattern", "\\S");
        assertEquals(Map.of("type", "object", "properties", Map.of("user", blankRefused, "password", blankRefused),
                "required", List.of("user", "password")), schemas.get("SessionResource.SignIn"));
        Map<String, Object> who = map(map(map(map(map(map(paths.get("/api/v1/session")).get("get")).get("responses"))
                .get("200")).get("content")).get("application/json"));
        assertEquals(Map.of("$ref", "#/components/schemas/SessionResource.SignedIn"), who.get("schema"));
        Map<String, Object> list = map(map(map(map(map(map(paths.get("/api/v1/modules")).get("get")).get("responses"))
                .get("200")).get("content")).get("application/json"));
        assertEquals("array", map(list.get("schema")).get("type"));
        assertTrue(schemas.containsKey("ModuleStatus"));
        assertTrue(schemas.containsKey("Problem"));
    }

    /** A body with every kind of limit the platform's records use. */
    public record Pledge(@NotBlank @Size(max = 200) String partner,
                         @Pattern(regexp = "[a-z]{2,8}", message = "must be 2-8 lower-case letters") String code,
                         @Email String contact,
                         @NotNull @DecimalMin("0.01") @Digits(integer = 15, fraction = 2) BigDecimal amount,
                         @Min(1) @Max(90) Integer days,
                         @NotEmpty @Size(max = 5) List<@NotBlank @Size(max = 50) String> tags,
                         @Positive Long count,
                         String note) {
    }

    @Path("/api/v1/pledges")
    public static class PledgesResource {
        @POST
        public Pledge pledge(Pledge pledge) {
            return pledge;
        }
    }

    @Test
    public void theLimitsThatRefuseABodyAreInItsSchema() {
        Map<String, Object> document = OpenApiDocument.of(List.of(PledgesResource.class), "1.0");
        Map<String, Object> pledge = map(map(map(document.get("components")).get("schemas"))
                .get("OpenApiDocumentTest.Pledge"));
        assertEquals("fields that may not be missing, null or blank", List.of("partner", "amount", "tags"),
                pledge.get("required"));
        Map<String, Object> fields = map(pledge.get("properties"));
        assertEquals(Map.of("type", "string", "minLength", 1, "pattern", "\\S", "maxLength", 200),
                fields.get("partner"));
        assertEquals(Map.of("type", "string", "pattern", "^(?:[a-z]{2,8})$", "description",
                "must be 2-8 lower-case letters"), fields.get("code"));
        assertEquals(Map.of("type", "string", "format", "email"), fields.get("contact"));
        Map<String, Object> amount = map(fields.get("amount"));
        assertEquals(0, new BigDecimal("0.01").compareTo((BigDecimal) amount.get("minimum")));
        assertEquals("a stricter minimum stands beside the digits", null, amount.get("exclusiveMinimum"));
        assertEquals(0, new BigDecimal("1E15").compareTo((BigDecimal) amount.get("maximum")));
        assertEquals(true, amount.get("exclusiveMaximum"));
        assertEquals(0, new BigDecimal("0.01").compareTo((BigDecimal) amount.get("multipleOf")));
        assertEquals(Map.of("type", "integer", "format", "int32", "minimum", 1L, "maximum", 90L), fields.get("days"));
        assertEquals(Map.of("type", "array", "minItems", 1, "maxItems", 5, "items",
                Map.of("type", "string", "minLength", 1, "pattern", "\\S", "maxLength", 50)), fields.get("tags"));
        assertEquals(Map.of("type", "integer", "format", "int64", "minimum", 0, "exclusiveMinimum", true),
                fields.get("count"));
        assertEquals(Map.of("type", "string"), fields.get("note"));
    }

    @Test
    public void pathsJoinWithOneSlashAndTemplatesLoseTheirPatterns() {
        assertEquals("/api/v1/initiatives/{initiativeId}/policy",
                OpenApiDocument.named(AddressOffer.joined("/api/v1/initiatives/{initiativeId}/", "policy")));
        assertEquals("/api/v1/initiatives/{initiativeId}/policy",
                OpenApiDocument.named(AddressOffer.joined("/api/v1/initiatives/{initiativeId}/policy", "")));
        assertEquals("/api/v1/x/{id}", OpenApiDocument.named(AddressOffer.joined("/api/v1/x", "/{id: [0-9]+}")));
    }
}
