package org.civicbackbone.http.refusals;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.Test;

public class ProblemBodyTest {

    @Test
    public void namesTheStatusAndNothingOfTheServer() {
        for (int status : new int[] {400, 404, 405, 413, 414, 431, 500, 501, 505, 418, 599}) {
            String body = new String(ProblemBody.of(status), StandardCharsets.UTF_8);
            assertTrue(body, body.startsWith("{\"type\":\"about:blank\",\"title\":\""));
            assertTrue(body, body.contains("\"status\":" + status + ","));
            assertTrue(body, body.endsWith(",\"violations\":[]}"));
            assertFalse(body, body.toLowerCase().contains("jetty") || body.contains("java") || body.contains("<"));
        }
        assertEquals("Bad Request", ProblemBody.title(400));
        assertEquals("Request Refused", ProblemBody.title(418));
    }

    @Test
    public void theBodyIsValidJsonWithEscapedBackslashes() {
        String body = new String(ProblemBody.of(400), StandardCharsets.UTF_8);
        // the detail mentions a backslash: in JSON it is written as two
        assertTrue(body, body.contains("'\\\\'"));
        assertEquals(body.chars().filter(c -> c == '"').count() % 2, 0);
    }
}
