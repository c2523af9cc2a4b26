package org.commitmenttracker.events.value;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoneyTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void isWrittenWithTwoFractionDigitsAsAString() throws Exception {
        assertThat(json.writeValueAsString(Money.of("130000000", "USD")))
                .isEqualTo("{\"value\":\"130000000.00\",\"currency\":\"USD\"}");
    }

    @Test
    void readsAStringOrANumber() throws Exception {
        assertThat(json.readValue("{\"value\": \"1250000.5\", \"currency\": \"USD\"}", Money.class))
                .isEqualTo(Money.of("1250000.50", "USD"));
        assertThat(json.readValue("{\"value\": 1250000.50, \"currency\": \"MXN\"}", Money.class).value())
                .isEqualByComparingTo(new BigDecimal("1250000.50"));
    }

    @Test
    void refusesMoreThanTwoFractionDigits() {
        assertThatThrownBy(() -> Money.of("1.001", "USD")).hasMessageContaining("two fraction digits");
    }

    @Test
    void refusesAnythingButAnIsoCurrencyCode() {
        assertThatThrownBy(() -> Money.of("1", "usd")).hasMessageContaining("ISO 4217");
        assertThatThrownBy(() -> Money.of("1", "XYZ")).hasMessageContaining("ISO 4217");
    }

    @Test
    void comparesAndAddsOnlyInOneCurrency() {
        assertThat(Money.of("0.01", "USD").plus(Money.of("999999.99", "USD"))).isEqualTo(Money.of("1000000", "USD"));
        assertThat(Money.of("1000000.01", "USD").exceeds(Money.of("1000000", "USD"))).isTrue();
        assertThatThrownBy(() -> Money.of("1", "USD").plus(Money.of("1", "MXN"))).isInstanceOf(IllegalArgumentException.class);
    }
}
