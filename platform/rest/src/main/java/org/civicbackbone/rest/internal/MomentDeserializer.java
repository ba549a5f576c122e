package org.civicbackbone.rest.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Reads a moment in time only as ISO-8601 text with its offset ({@code 2026-12-20T10:00:00Z} or {@code ...+02:00}).
 * Jackson's own reader also takes a number, or digits in a string, as seconds since 1970, so a form that sent
 * {@code 12345} scheduled a meeting in January 1970; here either is a 400 naming the field, like any wrong type.
 */
final class MomentDeserializer extends StdScalarDeserializer<Instant> {

    /** How the problem names what it expected. */
    static final String EXPECTED = "moment (YYYY-MM-DDTHH:MM:SSZ, or with an offset such as +02:00)";

    MomentDeserializer() {
        super(Instant.class);
    }

    @Override
    public Instant deserialize(JsonParser p, DeserializationContext context) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            return (Instant) context.handleUnexpectedToken(Instant.class, p);
        }
        String text = p.getText().strip();
        try {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(text, OffsetDateTime::from).toInstant();
        } catch (DateTimeParseException e) {
            return (Instant) context.handleWeirdStringValue(Instant.class, text, "not an ISO-8601 moment");
        }
    }
}
