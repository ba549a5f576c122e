package org.civicbackbone.mail.internal;

import com.sun.mail.smtp.SMTPTransport;
import java.time.Clock;
import java.util.Date;
import java.util.Properties;
import javax.mail.Message;
import javax.mail.MessagingException;
import javax.mail.Session;
import javax.mail.URLName;
import javax.mail.internet.AddressException;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeMessage;

/**
 * Hands letters to the hosting organisation's SMTP server. The SMTP transport is made directly, not looked up by
 * JavaMail's provider files, and the mail bundle's class loader is the thread's while a letter is written and sent, so
 * that JavaMail finds its text handlers inside OSGi as it does on a plain class path.
 */
final class SmtpPostbox implements Postbox {

    private final String host;
    private final int port;
    private final String username;
    private final String password;
    private final InternetAddress from;
    private final Properties properties;
    private final Clock clock;
    /** Made at the first letter: JavaMail reads its providers then, not at the platform's start. */
    private Session session;

    /**
     * @param from             the sender, an address with an optional name ("Riverbend Reads &lt;backbone@...&gt;")
     * @param startTls         whether to upgrade the connection with STARTTLS (required then)
     * @param timeoutSeconds   how long connecting, reading and writing may each take
     * @throws AddressException when {@code from} is not an address
     */
    SmtpPostbox(String host, int port, String username, String password, String from, boolean startTls,
                int timeoutSeconds, Clock clock) throws AddressException {
        this.host = host;
        this.port = port;
        this.username = username == null || username.isBlank() ? null : username;
        this.password = this.username == null ? null : password;
        this.from = new InternetAddress(from, true);
        this.clock = clock;
        this.properties = new Properties();
        String millis = Integer.toString(timeoutSeconds * 1000);
        properties.setProperty("mail.smtp.connectiontimeout", millis);
        properties.setProperty("mail.smtp.timeout", millis);
        properties.setProperty("mail.smtp.writetimeout", millis);
        properties.setProperty("mail.smtp.auth", Boolean.toString(this.username != null));
        properties.setProperty("mail.smtp.starttls.enable", Boolean.toString(startTls));
        properties.setProperty("mail.smtp.starttls.required", Boolean.toString(startTls));
    }

    private synchronized Session session() {
        if (session == null) {
            session = Session.getInstance(properties);
        }
        return session;
    }

    /** Where letters go, for messages to people: {@code host:port}. */
    String server() {
        return host + ":" + port;
    }

    @Override
    public void send(Letter letter) throws MessagingException {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(SMTPTransport.class.getClassLoader());
        try {
            Session session = session();
            MimeMessage message = new MimeMessage(session);
            message.setFrom(from);
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(letter.to(), true));
            message.setSubject(letter.subject(), "UTF-8");
            message.setText(letter.text(), "UTF-8");
            message.setSentDate(Date.from(clock.instant()));
            for (var header : letter.headers().entrySet()) {
                message.setHeader(header.getKey(), header.getValue());
            }
            message.saveChanges();
            try (SMTPTransport transport = new SMTPTransport(session, new URLName("smtp", host, port, null, username,
                    password))) {
                transport.connect(host, port, username, password);
                transport.sendMessage(message, message.getAllRecipients());
            }
        } finally {
            thread.setContextClassLoader(before);
        }
    }
}
