package org.civicbackbone.resources.internal;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * Amounts of money as the members who vote on a proposal and the staff who read a warning write them: 50000.00 as
 * "50,000", 1500.5 as "1,500.50". The API's figures stay numbers; this is for the sentences built around them.
 */
final class Amounts {

    private Amounts() {
    }

    static String written(BigDecimal amount) {
        boolean whole = amount.stripTrailingZeros().scale() <= 0;
        return new DecimalFormat(whole ? "#,##0" : "#,##0.00", DecimalFormatSymbols.getInstance(Locale.ENGLISH))
                .format(amount);
    }
}
