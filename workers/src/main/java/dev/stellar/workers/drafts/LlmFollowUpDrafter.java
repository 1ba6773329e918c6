package dev.stellar.workers.drafts;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import dev.stellar.workers.drafts.Draft.Grounding;
import dev.stellar.workers.llm.LlmAnswerException;
import dev.stellar.workers.llm.StructuredChat;
import dev.stellar.workflows.meeting.MeetingActivities.ExtractedField;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The drafting agents with a language model. The model gets only the extracted facts, and its drafts are checked
 * before they are kept: every number in them must be one of the facts' (an invented amount or date is refused), and
 * the public post may name no customer. A refused draft is an error; the caller falls back to the templates.
 */
public class LlmFollowUpDrafter implements FollowUpDrafter {

    private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.,]\\d+)*");

    private final StructuredChat chat;
    private final String label;

    public LlmFollowUpDrafter(StructuredChat chat, String label) {
        this.chat = chat;
        this.label = label;
    }

    @Override
    public List<Draft> draft(DraftingContext context) {
        JsonNode answer = chat.ask("draft-follow-ups.md", "draft-follow-ups-user.md", Map.of(
                "schemaName", context.schema().name(),
                "title", context.meetingTitle(),
                "meetingDate", String.valueOf(context.meetingDate()),
                "customers", String.join(", ", context.customers()),
                "rep", context.repName() == null ? "(not given)" : context.repName(),
                "facts", context.fields().stream().map(f -> "- " + f.key() + ": " + f.valueJson() + " — \"" + f.evidenceQuote() + "\"")
                        .collect(Collectors.joining("\n"))), ANSWER);
        String subject = answer.path("email").path("subject").asText("").strip();
        String body = answer.path("email").path("body").asText("").strip();
        String post = answer.path("social_post").asText("").strip();
        if (subject.isEmpty() || body.isEmpty() || post.isEmpty()) {
            throw new LlmAnswerException("the drafts are incomplete", null);
        }
        Set<String> known = numbersIn(context.fields().stream().map(ExtractedField::valueJson).collect(Collectors.joining(" "))
                + " " + context.meetingDate());
        for (String text : List.of(subject, body, post)) {
            for (String number : numbersIn(text)) {
                if (!known.contains(number)) {
                    throw new LlmAnswerException("a draft states " + number + ", which is not among the call's facts", null);
                }
            }
        }
        for (String customer : context.customers()) {
            for (String name : customer.split("\\s+")) {
                if (name.length() > 2 && post.toLowerCase(Locale.ROOT).contains(name.toLowerCase(Locale.ROOT))) {
                    throw new LlmAnswerException("the public post names a customer", null);
                }
            }
        }
        List<Grounding> grounding = new ArrayList<>();
        answer.path("facts_used").forEach(key -> context.fields().stream().filter(f -> f.key().equals(key.asText()))
                .findFirst().ifPresent(f -> grounding.add(new Grounding(f.key(), f.valueJson(), f.evidenceQuote(), f.evidenceSeq()))));
        return List.of(new Draft(Draft.Kind.EMAIL, context.customers(), subject, body, grounding, label),
                new Draft(Draft.Kind.SOCIAL, List.of(), null, post, grounding, label));
    }

    /** Numbers as digits without separators, so "$4,500" and 4500 are the same fact. */
    private static Set<String> numbersIn(String text) {
        Set<String> numbers = new HashSet<>();
        Matcher m = NUMBER.matcher(text);
        while (m.find()) {
            String digits = m.group().replace(",", "").replaceFirst("\\.0+$", "");
            numbers.add(digits);
            numbers.add(digits.replaceFirst("^0+(?=\\d)", "")); // "03" in a date is 3 in a sentence
        }
        return numbers;
    }

    private static final JsonSchema ANSWER = JsonSchema.builder().name("follow_ups").rootElement(JsonObjectSchema.builder()
            .addProperty("email", JsonObjectSchema.builder().addStringProperty("subject").addStringProperty("body")
                    .required("subject", "body").additionalProperties(false).build())
            .addProperty("social_post", new JsonStringSchema())
            .addProperty("facts_used", JsonArraySchema.builder().items(new JsonStringSchema()).build())
            .required("email", "social_post", "facts_used")
            .additionalProperties(false)
            .build()).build();
}
