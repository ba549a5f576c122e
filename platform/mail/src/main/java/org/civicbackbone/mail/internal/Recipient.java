package org.civicbackbone.mail.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.civicbackbone.api.initiative.Person;
import org.civicbackbone.api.login.Login;

/**
 * A login whose work a digest tells, and where it goes.
 *
 * @param login         what the person signs in with
 * @param platformAdmin whether the login is a platform admin's (who sees every initiative)
 * @param name          their name as an initiative's record has it
 * @param addresses     the e-mail addresses on their records, each once
 */
record Recipient(String login, boolean platformAdmin, String name, List<String> addresses) {

    Recipient {
        addresses = List.copyOf(addresses);
    }

    /**
     * Of these logins, those with an e-mail address on an initiative's record, each address once (however spelt in
     * capitals), named as their first record names them.
     *
     * @param records every initiative's record of the person with a login
     */
    static List<Recipient> of(List<Login> logins, Function<String, List<Person>> records) {
        List<Recipient> recipients = new ArrayList<>();
        for (Login login : logins) {
            List<Person> theirs = records.apply(login.name());
            Map<String, String> addresses = new LinkedHashMap<>(); // each once, as first spelt
            theirs.stream().map(Person::email).filter(e -> e != null && !e.isBlank())
                    .forEach(e -> addresses.putIfAbsent(e.strip().toLowerCase(Locale.ROOT), e.strip()));
            if (!addresses.isEmpty()) {
                recipients.add(new Recipient(login.name(), login.platformAdmin(), theirs.get(0).name(),
                        List.copyOf(addresses.values())));
            }
        }
        return recipients;
    }
}
