package org.commitmenttracker.query.publication.web;

import java.math.BigDecimal;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The words, numbers and dates of the progress page in one language (English or Spanish),
 * chosen by {@code ?lang=} and else by {@code Accept-Language}.
 */
public final class PageText {

    static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.forLanguageTag("es"));

    private final Locale locale;
    private final ResourceBundle bundle;

    PageText(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle("i18n/public", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** The page's language: a valid {@code lang} wins, then the best of {@code Accept-Language}, then English. */
    static PageText choose(String lang, String acceptLanguage) {
        if (lang != null) {
            for (Locale language : LANGUAGES) {
                if (language.getLanguage().equalsIgnoreCase(lang.trim())) {
                    return new PageText(language);
                }
            }
        }
        if (acceptLanguage != null && !acceptLanguage.isBlank()) {
            try {
                Locale best = Locale.lookup(Locale.LanguageRange.parse(acceptLanguage),
                        LANGUAGES.stream().toList());
                if (best != null) {
                    return new PageText(best);
                }
                for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                    for (Locale language : LANGUAGES) {
                        if (range.getRange().startsWith(language.getLanguage())) {
                            return new PageText(language);
                        }
                    }
                }
            } catch (IllegalArgumentException malformed) {
                // a malformed header is ignored, as if absent
            }
        }
        return new PageText(Locale.ENGLISH);
    }

    public String lang() {
        return locale.getLanguage();
    }

    public String get(String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
    }

    public String format(String key, Object... arguments) {
        return new MessageFormat(get(key), locale).format(arguments);
    }

    /** An amount with its currency code, in the language's digits: USD 7,250,000.50 or 7.250.000,50 USD. */
    public String money(BigDecimal value, String currency) {
        if (value == null) {
            return "–";
        }
        NumberFormat number = NumberFormat.getNumberInstance(locale);
        number.setMinimumFractionDigits(2);
        number.setMaximumFractionDigits(2);
        String digits = number.format(value);
        return currency == null ? digits : locale.getLanguage().equals("es") ? digits + " " + currency
                : currency + " " + digits;
    }

    public String number(BigDecimal value) {
        if (value == null) {
            return "–";
        }
        NumberFormat number = NumberFormat.getNumberInstance(locale);
        number.setMaximumFractionDigits(4);
        return number.format(value);
    }

    public String date(LocalDate date) {
        return date == null ? "–" : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(date);
    }
}
