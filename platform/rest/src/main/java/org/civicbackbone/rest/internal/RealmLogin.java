package org.civicbackbone.rest.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.security.auth.Subject;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;
import org.apache.karaf.jaas.boot.ProxyLoginModule;

/** A password checked against a Karaf JAAS realm, and the credentials of a Basic header. */
final class RealmLogin {

    private RealmLogin() {
    }

    /** The user and password of a Basic header, or null when it cannot be read. */
    static String[] basicCredentials(String encoded) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            return null;
        }
        return new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
    }

    /**
     * Checks the password against the realm; a refusal while the realm's users file was being rewritten (Karaf
     * encrypts plain passwords in place, engines save whole copies, and a read in the middle comes up short) is
     * checked again once the file has settled.
     */
    static Subject login(String realm, String name, String password, RealmFiles files) {
        long before = files.current();
        Subject subject = login(realm, name, password.toCharArray());
        if (subject == null && (files.current() != before || files.writtenWithinMillis(2_000))) {
            try {
                Thread.sleep(150);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
            subject = login(realm, name, password.toCharArray());
        }
        return subject;
    }

    static Subject login(String realm, String name, char[] password) {
        Subject subject = new Subject();
        // JAAS loads the login module through the context class loader: point it at Karaf's boot class path.
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(ProxyLoginModule.class.getClassLoader());
        try {
            LoginContext context = new LoginContext(realm, subject, callbacks -> {
                for (var callback : callbacks) {
                    if (callback instanceof NameCallback n) {
                        n.setName(name);
                    } else if (callback instanceof PasswordCallback p) {
                        p.setPassword(password);
                    } else {
                        throw new UnsupportedCallbackException(callback);
                    }
                }
            });
            context.login();
            return subject;
        } catch (LoginException e) {
            return null;
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
