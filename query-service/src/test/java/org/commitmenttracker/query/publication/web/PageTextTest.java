package org.commitmenttracker.query.publication.web;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class PageTextTest {

    @Test
    void theSwitchWinsThenTheBrowsersLanguageThenEnglish() {
        assertThat(PageText.choose("es", "en-US,en").lang()).isEqualTo("es");
        assertThat(PageText.choose("en", "es-MX,es;q=0.9").lang()).isEqualTo("en");
        assertThat(PageText.choose(null, "es-MX,es;q=0.9,en;q=0.5").lang()).isEqualTo("es");
        assertThat(PageText.choose(null, "fr-FR,es;q=0.5").lang()).isEqualTo("es");
        assertThat(PageText.choose("de", "de-DE").lang()).isEqualTo("en");
        assertThat(PageText.choose(null, ";;;not a header").lang()).isEqualTo("en");
        assertThat(PageText.choose(null, null).lang()).isEqualTo("en");
    }

    @Test
    void amountsAndDatesAreWrittenTheWayEachLanguageReadsThem() {
        PageText english = PageText.choose("en", null);
        PageText spanish = PageText.choose("es", null);

        assertThat(english.money(new BigDecimal("7250000.5"), "USD")).isEqualTo("USD 7,250,000.50");
        assertThat(spanish.money(new BigDecimal("7250000.5"), "USD")).isEqualTo("7.250.000,50 USD");
        assertThat(english.date(LocalDate.of(2021, 6, 8))).isEqualTo("June 8, 2021");
        assertThat(spanish.date(LocalDate.of(2021, 6, 8))).isEqualTo("8 de junio de 2021");
        assertThat(spanish.get("list.heading")).isEqualTo("Las promesas y cómo avanzan");
    }

    /** Both languages are complete: every English text has its Spanish one, and nothing else. */
    @Test
    void everyTextExistsInBothLanguages() throws Exception {
        Properties english = new Properties();
        Properties spanish = new Properties();
        try (var en = getClass().getResourceAsStream("/i18n/public.properties");
             var es = getClass().getResourceAsStream("/i18n/public_es.properties")) {
            english.load(new java.io.InputStreamReader(en, java.nio.charset.StandardCharsets.UTF_8));
            spanish.load(new java.io.InputStreamReader(es, java.nio.charset.StandardCharsets.UTF_8));
        }

        assertThat(spanish.stringPropertyNames()).isEqualTo(english.stringPropertyNames());
        for (Class<?> type : org.commitmenttracker.events.EventTypes.ALL) {
            assertThat(english.getProperty("event." + type.getSimpleName())).as("the timeline's label of " + type)
                    .isNotBlank();
        }
        for (String key : english.stringPropertyNames()) {
            if (!key.equals("site.name") && !key.startsWith("lang.switch")) {
                assertThat(spanish.getProperty(key)).as(key).isNotBlank();
            }
        }
    }
}
