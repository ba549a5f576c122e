package org.civicbackbone.mail.internal;

import javax.mail.MessagingException;

/** Where letters are handed over to be delivered. */
interface Postbox {

    /** Hands the letter over; throws when the mail server cannot be reached or refuses it. */
    void send(Letter letter) throws MessagingException;
}
