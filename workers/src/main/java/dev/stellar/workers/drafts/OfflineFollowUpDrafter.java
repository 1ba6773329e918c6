package dev.stellar.workers.drafts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stellar.playbooks.schema.BuiltInSchemas;
import dev.stellar.playbooks.schema.FieldType;
import dev.stellar.workers.drafts.Draft.Grounding;
import dev.stellar.workflows.meeting.MeetingActivities.ExtractedField;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Drafts from templates whose every fact is an extracted field, so nothing is claimed that the call did not say.
 * A sentence whose field is empty is left out, not filled with a guess. The social post names no one and no amount.
 */
@Component
public class OfflineFollowUpDrafter implements FollowUpDrafter {

    private static final Map<String, String> OBJECTION_WORDS = Map.of(
            "price", "the cost",
            "timing", "the timing",
            "need_spouse_approval", "talking it over with your partner",
            "trust_in_provider", "knowing who you are working with",
            "already_have_plan", "the plan you already have",
            "complexity", "how much there is to take in",
            "thinking_it_over", "taking time to think it over");
    static final String OFFLINE = "offline";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE, MMMM d", Locale.ENGLISH);

    private final ObjectMapper json;

    public OfflineFollowUpDrafter(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public List<Draft> draft(DraftingContext context) {
        Facts facts = new Facts(context.fields());
        return List.of(email(context, facts), socialPost(context, facts));
    }

    private Draft email(DraftingContext context, Facts facts) {
        List<Grounding> grounding = new ArrayList<>();
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add("Hi " + greetingName(context, facts, grounding) + ",");
        StringBuilder opening = new StringBuilder("Thank you for taking the time to talk today.");
        facts.text("need", grounding).ifPresent(need -> opening.append(" You told us the main challenge is ").append(need)
                .append('.'));
        facts.text("product", grounding).ifPresent(product -> {
            opening.append(" We talked through the ").append(words(product));
            facts.money("deal_amount", grounding).ifPresent(price -> opening.append(" at ").append(price));
            opening.append('.');
        });
        if (facts.isTrue("payment_processed", grounding)) {
            opening.append(" Thank you for going ahead; your payment has been processed.");
        }
        paragraphs.add(opening.toString());
        List<String> objections = facts.list("objections", grounding);
        if (!objections.isEmpty()) {
            paragraphs.add("You mentioned " + join(objections.stream().map(o -> OBJECTION_WORDS.getOrDefault(o, words(o))).toList())
                    + "; I am happy to go through any of it again.");
        }
        StringBuilder plan = new StringBuilder();
        List<String> steps = facts.list("next_steps", grounding);
        if (!steps.isEmpty()) {
            plan.append("As agreed, the next steps:");
            steps.forEach(step -> plan.append("\n- ").append(capitalised(step)));
        }
        meetingDay(context, facts, grounding).ifPresent(day -> plan.append(plan.length() == 0 ? "" : "\n\n")
                .append("We are set to speak again on ").append(day.format(DAY)).append('.'));
        if (plan.length() > 0) {
            paragraphs.add(plan.toString());
        }
        paragraphs.add("Best regards," + (context.repName() == null ? "" : "\n" + context.repName()));
        String subject = facts.text("company", grounding).map(company -> "Next steps for " + company)
                .orElse(estatePlanning(context) ? "Your estate plan: next steps" : "Following up: " + context.meetingTitle());
        return new Draft(Draft.Kind.EMAIL, context.customers(), subject, String.join("\n\n", paragraphs), grounding,
                OFFLINE);
    }

    private Draft socialPost(DraftingContext context, Facts facts) {
        List<Grounding> grounding = new ArrayList<>();
        StringBuilder post = new StringBuilder();
        if (estatePlanning(context)) {
            post.append("Today I sat down with a family planning their estate.");
            List<String> objections = facts.list("objections", grounding);
            if (!objections.isEmpty()) {
                post.append(" We talked about ").append(join(objections.stream()
                        .map(o -> OBJECTION_WORDS.getOrDefault(o, words(o)).replace("your ", "their ").replace("you are", "they are"))
                        .toList())).append(": questions worth asking before any plan.");
            }
            facts.text("product", grounding).ifPresent(product -> post.append(" A ").append(words(product))
                    .append(" came up as the right fit for them."));
            post.append("\n\nIf you have been putting off your own plan, it is worth a conversation. #EstatePlanning");
        } else {
            post.append("Good conversation today with a team");
            facts.text("need", grounding).ifPresent(need -> post.append(" working on a real problem: ").append(need));
            post.append(".\n\nThe best discovery calls are the ones where the customer does most of the talking. #Sales");
        }
        return new Draft(Draft.Kind.SOCIAL, List.of(), null, post.toString(), grounding, OFFLINE);
    }

    private static boolean estatePlanning(DraftingContext context) {
        return context.schema().key().equals(BuiltInSchemas.ESTATE_PLANNING);
    }

    /** The next meeting's day, from the schema's date field for it; a field of another type says no day. */
    private static Optional<LocalDate> meetingDay(DraftingContext context, Facts facts, List<Grounding> grounding) {
        for (String key : List.of("follow_up_date", "next_meeting")) {
            boolean isDate = context.schema().field(key).map(f -> f.type() == FieldType.DATE).orElse(false);
            if (isDate && facts.has(key)) {
                try {
                    LocalDate day = LocalDate.parse(facts.text(key, grounding).orElseThrow());
                    return Optional.of(day);
                } catch (DateTimeParseException | NoSuchElementException notADay) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    private static String greetingName(DraftingContext context, Facts facts, List<Grounding> grounding) {
        return facts.text("client_name", grounding)
                .or(() -> context.customers().stream().findFirst())
                .map(name -> name.strip().split("\\s+")[0])
                .orElse("there");
    }

    private static String words(String key) {
        return key.replace('_', ' ');
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static String join(List<String> items) {
        if (items.size() <= 1) {
            return String.join("", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }

    /** The extracted fields, read as values; every read records the grounding of what it returns. */
    private final class Facts {

        private final Map<String, ExtractedField> byKey = new LinkedHashMap<>();

        Facts(List<ExtractedField> fields) {
            fields.forEach(field -> byKey.put(field.key(), field));
        }

        boolean has(String key) {
            return byKey.containsKey(key);
        }

        Optional<String> text(String key, List<Grounding> grounding) {
            JsonNode value = value(key);
            if (value == null || !value.isValueNode() || value.asText().isBlank()) {
                return Optional.empty();
            }
            ground(key, value.asText(), grounding);
            return Optional.of(value.asText());
        }

        Optional<String> money(String key, List<Grounding> grounding) {
            JsonNode value = value(key);
            if (value == null || !value.has("amount")) {
                return Optional.empty();
            }
            BigDecimal amount = value.get("amount").decimalValue();
            NumberFormat format = NumberFormat.getCurrencyInstance(Locale.US);
            try {
                format.setCurrency(Currency.getInstance(value.path("currency").asText("USD")));
            } catch (IllegalArgumentException unknownCurrency) {
                // keep dollars' format; the code follows below
            }
            format.setMaximumFractionDigits(amount.scale() > 0 ? 2 : 0);
            String text = format.format(amount);
            ground(key, text, grounding);
            return Optional.of(text);
        }

        boolean isTrue(String key, List<Grounding> grounding) {
            JsonNode value = value(key);
            if (value != null && value.isBoolean() && value.asBoolean()) {
                ground(key, "true", grounding);
                return true;
            }
            return false;
        }

        List<String> list(String key, List<Grounding> grounding) {
            JsonNode value = value(key);
            if (value == null || !value.isArray() || value.isEmpty()) {
                return List.of();
            }
            List<String> items = new ArrayList<>();
            value.forEach(item -> items.add(item.asText()));
            ground(key, String.join("; ", items), grounding);
            return items;
        }

        private JsonNode value(String key) {
            ExtractedField field = byKey.get(key);
            if (field == null) {
                return null;
            }
            try {
                return json.readTree(field.valueJson());
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("field " + key + " is not JSON", e);
            }
        }

        private void ground(String key, String value, List<Grounding> grounding) {
            ExtractedField field = byKey.get(key);
            if (grounding.stream().noneMatch(g -> g.field().equals(key))) {
                grounding.add(new Grounding(key, value, field.evidenceQuote(), field.evidenceSeq()));
            }
        }
    }
}
