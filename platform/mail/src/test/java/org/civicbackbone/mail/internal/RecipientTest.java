package org.civicbackbone.mail.internal;

import static org.junit.Assert.assertEquals;

import java.util.List;
import java.util.Map;
import org.civicbackbone.api.initiative.Person;
import org.civicbackbone.api.login.Login;
import org.junit.Test;

/** Who gets a digest: logins with an address on some initiative's record, each address once. */
public class RecipientTest {

    @Test
    public void aLoginGetsItsDigestAtEachAddressItsRecordsHaveOnce() {
        Map<String, List<Person>> records = Map.of(
                "ann", List.of(new Person(1, "riverbend", "Ann Lee", "ann", "Ann@Riverbend.example"),
                        new Person(9, "eastside", "Ann Lee-Marsh", "ann", "ann@riverbend.example "),
                        new Person(12, "northside", "Ann Lee", "ann", "ann@home.example")),
                "ben", List.of(new Person(2, "riverbend", "Ben Okafor", "ben", null)),
                "admin", List.of());
        List<Recipient> recipients = Recipient.of(List.of(new Login("admin", true, List.of("admin")),
                new Login("ann", false, List.of()), new Login("ben", false, List.of())), records::get);
        assertEquals(List.of(new Recipient("ann", false, "Ann Lee", List.of("Ann@Riverbend.example",
                "ann@home.example"))), recipients);
    }
}
