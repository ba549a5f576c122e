package org.civicbackbone.mail.internal;

import java.util.Map;

/**
 * A plain-text e-mail to one address.
 *
 * @param to      the address
 * @param subject the subject line
 * @param text    the body, lines ended by a line feed
 * @param headers headers of its own, such as {@code List-Unsubscribe}
 */
record Letter(String to, String subject, String text, Map<String, String> headers) {

    Letter {
        headers = Map.copyOf(headers);
    }

    /** A letter with no headers of its own. */
    Letter(String to, String subject, String text) {
        this(to, subject, text, Map.of());
    }
}
