package org.commitmenttracker.events.value;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnore;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount in an ISO 4217 currency. The value has at most two fraction digits and is always
 * written as a string ("1250000.00"), so no reader ever sees a binary floating point.
 */
public record Money(@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal value, String currency) {

    /** No public commitment comes near a quadrillion; a larger figure is a typing error. */
    private static final BigDecimal LIMIT = BigDecimal.TEN.pow(15);

    public Money {
        Objects.requireNonNull(value, "value is required");
        Objects.requireNonNull(currency, "currency is required");
        if (value.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException("value has more than two fraction digits");
        }
        if (value.abs().compareTo(LIMIT) >= 0) {
            throw new IllegalArgumentException("value must be below 1,000,000,000,000,000");
        }
        if (!isIsoCurrency(currency)) {
            throw new IllegalArgumentException("currency is not an ISO 4217 code");
        }
        value = value.setScale(2, RoundingMode.UNNECESSARY);
    }

    public static Money of(String value, String currency) {
        return new Money(new BigDecimal(value), currency);
    }

    public static Money zero(String currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    public static boolean isIsoCurrency(String code) {
        if (code == null || !code.matches("[A-Z]{3}")) {
            return false;
        }
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(value.add(other.value), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(value.subtract(other.value), currency);
    }

    @JsonIgnore
    public boolean isPositive() {
        return value.signum() > 0;
    }

    public boolean exceeds(Money other) {
        requireSameCurrency(other);
        return value.compareTo(other.value) > 0;
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("cannot combine " + currency + " with " + other.currency);
        }
    }

    @Override
    public String toString() {
        return currency + " " + value.toPlainString();
    }
}
