package org.civicbackbone.mail.internal;

/**
 * A plain-text e-mail to one address.
 *
 * @param to      the address
 * @param subject the subject line
 * @param text    the body, lines ended by a line feed
 */
record Letter(String to, String subject, String text) {
}
