package org.civicbackbone.mail.internal;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.civicbackbone.api.store.BackboneStore;

/**
 * The links in each letter that stop a person's digest without signing in: signed with a key of the platform's, made
 * once and kept in the database (so every node signs alike), so that only the letter's reader can use them. One goes
 * to the console's page that asks before it stops anything; the other is the letter's {@code List-Unsubscribe}
 * address, which a mail program posts to when its reader asks it to stop (RFC 8058). Made on a store with
 * MailSchema's tables.
 */
final class StopLinks {

    private final BackboneStore store;
    private final byte[] key;

    StopLinks(BackboneStore store) {
        this.store = store;
        this.key = HexFormat.of().parseHex(secret());
    }

    /** The platform's key, made at the first start under a lock of every node, so that two nodes make one. */
    private String secret() {
        String kept = store.read(c -> store.mapper(c, DigestRecords.class).secret());
        if (kept != null) {
            return kept;
        }
        return store.exclusively("mail:secret", () -> store.inTransaction(c -> {
            DigestRecords records = store.mapper(c, DigestRecords.class);
            String again = records.secret();
            if (again != null) {
                return again;
            }
            byte[] made = new byte[32];
            new SecureRandom().nextBytes(made);
            String secret = HexFormat.of().formatHex(made);
            records.insertSecret(secret);
            return secret;
        }));
    }

    /** The login's token: the same in every letter, and no other login's. */
    String token(String login) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    mac.doFinal(("stop-digest:" + login).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** Whether the token is the login's, compared in constant time. */
    boolean verifies(String login, String token) {
        return login != null && token != null && MessageDigest.isEqual(
                token(login).getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
    }

    /** The console's page that asks before it stops the login's digest. */
    String page(URI console, String login) {
        return console + "#/stop-mail/" + encoded(login) + "/" + token(login);
    }

    /** The address a mail program posts to, to stop the login's digest at once (beside the console, under the API). */
    String oneClick(URI console, String login) {
        return console.resolve("../api/v1/mail/stop?login=" + encoded(login) + "&token=" + token(login)).toString();
    }

    private static String encoded(String login) {
        return URLEncoder.encode(login, StandardCharsets.UTF_8);
    }
}
