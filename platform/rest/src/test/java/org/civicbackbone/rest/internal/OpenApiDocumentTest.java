package org.civicbackbone.rest.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.Test;

/** The OpenAPI description read from resource declarations: addresses, methods, parameters, bodies, audiences. */
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
        assertEquals(Map.of("type", "object", "properties", Map.of("user", Map.of("type", "string"),
                "password", Map.of("type", "string"))), schemas.get("SessionResource.SignIn"));
        Map<String, Object> who = map(map(map(map(map(map(paths.get("/api/v1/session")).get("get")).get("responses"))
                .get("200")).get("content")).get("application/json"));
        assertEquals(Map.of("$ref", "#/components/schemas/SessionResource.SignedIn"), who.get("schema"));
        Map<String, Object> list = map(map(map(map(map(map(paths.get("/api/v1/modules")).get("get")).get("responses"))
                .get("200")).get("content")).get("application/json"));
        assertEquals("array", map(list.get("schema")).get("type"));
        assertTrue(schemas.containsKey("ModuleStatus"));
        assertTrue(schemas.containsKey("Problem"));
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
