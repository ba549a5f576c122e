package org.civicbackbone.mail.internal;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.civicbackbone.api.store.BackboneStore;
import org.civicbackbone.mail.internal.DigestChoice.Frequency;

/** How often each person wants the digest: daily until they choose otherwise (on a store with MailSchema's tables). */
final class DigestChoices {

    private final BackboneStore store;
    private final Clock clock;

    DigestChoices(BackboneStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Every choice made, by login. */
    Map<String, Frequency> all() {
        Map<String, Frequency> all = new LinkedHashMap<>();
        store.read(c -> store.mapper(c, DigestRecords.class).choices())
                .forEach(choice -> all.put(choice.login(), choice.frequency()));
        return all;
    }

    /** The login's choice, daily until it chooses. */
    Frequency of(String login) {
        DigestChoice choice = store.read(c -> store.mapper(c, DigestRecords.class).choice(login));
        return choice == null ? Frequency.DAILY : choice.frequency();
    }

    /** Records the login's choice, replacing the one before; two at once for one login are taken in turn. */
    void choose(String login, Frequency frequency) {
        store.inTransaction(c -> {
            store.holdUntilCommit(c, "mail:choice:" + login);
            DigestRecords records = store.mapper(c, DigestRecords.class);
            DigestChoice choice = new DigestChoice(login, frequency, clock.instant());
            if (records.updateChoice(choice) == 0) {
                records.insertChoice(choice);
            }
            return null;
        });
    }
}
