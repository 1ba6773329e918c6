package dev.stellar.ui.views;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;

/** How values read on screen: field names, values, times. */
final class Formats {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
            .withLocale(Locale.ENGLISH);

    private Formats() {
    }

    /** {@code deal_amount} → "Deal amount". */
    static String label(String key) {
        String words = key.replace('_', ' ');
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    static String value(JsonNode value) {
        if (value == null || value.isNull()) {
            return "—";
        }
        if (value.isObject() && value.has("amount")) {
            return money(value.get("amount").decimalValue(), value.path("currency").asText("USD"));
        }
        if (value.isArray()) {
            if (value.isEmpty()) {
                return "None";
            }
            List<String> items = new ArrayList<>();
            value.forEach(item -> items.add(item(item)));
            return String.join(", ", items);
        }
        if (value.isBoolean()) {
            return value.asBoolean() ? "Yes" : "No";
        }
        String text = value.asText();
        return text.matches("[a-z]+(?:_[a-z]+)+") ? label(text) : text; // an enumeration key such as revocable_living_trust
    }

    /** One element of a list value: a person with their role, an enumeration key as words, or a sentence. */
    static String item(JsonNode item) {
        if (item.isObject() && item.has("name")) {
            return item.get("name").asText() + (item.has("role") ? " (" + item.get("role").asText() + ")" : "");
        }
        String text = item.asText();
        return text.matches("[a-z_]+") ? label(text) : text;
    }

    static String money(BigDecimal amount, String currencyCode) {
        NumberFormat format = NumberFormat.getCurrencyInstance(Locale.US);
        try {
            format.setCurrency(Currency.getInstance(currencyCode));
        } catch (IllegalArgumentException unknown) {
            return amount.toPlainString() + " " + currencyCode;
        }
        format.setMaximumFractionDigits(amount.scale() > 0 ? 2 : 0);
        return format.format(amount) + " " + currencyCode;
    }

    /** 83_000 → "01:23"; 3_723_000 → "1:02:03". */
    static String clock(Long millis) {
        if (millis == null) {
            return "";
        }
        Duration d = Duration.ofMillis(millis);
        return d.toHours() > 0
                ? String.format("%d:%02d:%02d", d.toHours(), d.toMinutesPart(), d.toSecondsPart())
                : String.format("%02d:%02d", d.toMinutes(), d.toSecondsPart());
    }

    static String dateTime(Instant instant, ZoneId zone) {
        return instant == null ? "" : DATE_TIME.format(instant.atZone(zone));
    }

    static String percent(double confidence) {
        return Math.round(confidence * 100) + "%";
    }
}
