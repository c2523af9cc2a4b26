package org.commitmenttracker.query.funding;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.math.BigDecimal;
import org.commitmenttracker.events.value.Money;

/**
 * A sum of amounts in one currency, written as {@link Money} is ({@code {"value": "...", "currency": "..."}}).
 * Unlike {@code Money} it has no upper limit: each amount is below a quadrillion, but a total of
 * many need not be, and a read model must never fail on adding them (PostgreSQL keeps them as
 * {@code NUMERIC} without precision).
 */
public record Total(@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal value, String currency) {

    public static Total zero(String currency) {
        return new Total(BigDecimal.ZERO.setScale(2), currency);
    }

    public Total plus(Money amount) {
        return new Total(value.add(amount.value()), currency);
    }

    public Total minus(Money amount) {
        return new Total(value.subtract(amount.value()), currency);
    }

    public Total minus(Total other) {
        return new Total(value.subtract(other.value), currency);
    }

    @JsonIgnore
    public boolean isPositive() {
        return value.signum() > 0;
    }

    @Override
    public String toString() {
        return currency + " " + value.toPlainString();
    }
}
