package dev.stellar.workers.extraction;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stellar.playbooks.signal.Objection;
import dev.stellar.playbooks.signal.Outcome;
import dev.stellar.playbooks.signal.PhraseSet;
import dev.stellar.workers.transcript.SpeakerRoles;
import dev.stellar.workers.transcript.TranscriptParser;
import dev.stellar.workers.transcript.Utterance;
import dev.stellar.workflows.meeting.MeetingActivities.ExtractedField;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The offline extractor: phrase lists and patterns over the transcript. Every field it returns names
 * the utterance it rests on, so a person can check it in one click.
 */
@org.springframework.stereotype.Component
public class RuleBasedInsightExtractor implements InsightExtractor {

    private static final int MAX_QUOTE = 280;

    private static final String COMPANY_NAME =
            "(?<company>\\p{Lu}[\\p{L}\\p{N}&'.-]*(?:\\s+(?:\\p{Lu}[\\p{L}\\p{N}&'.-]*|&|of))*(?:,?\\s+(?:Inc|LLC|Ltd|GmbH|Corp|Co)\\.?)?)";
    private static final List<Pattern> COMPANY_PATTERNS = List.of(
            Pattern.compile("(?i:\\b(?:i'm|i am|this is|my name is|it's)\\s+)\\p{L}+(?:\\s+\\p{Lu}\\p{L}+)?(?i:\\s+(?:from|with|at)\\s+)" + COMPANY_NAME),
            Pattern.compile("(?i:\\b(?:i|we)\\s+(?:work|works|am|are)\\s+(?:at|for|with)\\s+)" + COMPANY_NAME),
            Pattern.compile("(?i:\\b(?:our|my)\\s+(?:company|business|firm)(?:\\s+is called|\\s+is|,)\\s+)" + COMPANY_NAME),
            Pattern.compile("(?i:\\b(?:here at|we at)\\s+)" + COMPANY_NAME));
    private static final Pattern SELF_INTRODUCTION = Pattern.compile(
            "(?i:\\b(?:my name is|my name's|i'm|i am)\\s+)(?<name>\\p{Lu}\\p{L}+(?:\\s+\\p{Lu}\\p{L}+)?)"
                    + "|(?i:\\bthis is\\s+)(?<introduced>\\p{Lu}\\p{L}+(?:\\s+\\p{Lu}\\p{L}+)?)(?i:\\s+(?:from|with|at|here)\\b)");

    private static final Pattern MONEY_SYMBOL = Pattern.compile(
            "(?<symbol>[$€£])\\s?(?<number>\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.(?<decimals>\\d{1,2}))?(?:\\s?(?<multiplier>k|thousand|million|m)\\b)?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern MONEY_WORD = Pattern.compile(
            "\\b(?<number>\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.(?<decimals>\\d{1,2}))?\\s?(?<multiplier>k|thousand|million)?\\s+(?<currency>dollars|usd|bucks|euros?|eur|pounds|gbp)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final PhraseSet PRICE_CONTEXT = PhraseSet.of("price", "pricing", "cost", "costs", "total", "investment",
            "package", "fee", "fees", "deal", "budget", "pay", "payment", "quote", "proposal", "contract", "charge",
            "comes to", "invoice", "all in", "per year", "a year", "per month", "a month", "annually", "license", "licence",
            "plan", "renewal", "subscription");

    private static final Pattern TODAY_DATE = Pattern.compile(
            "(?i:\\btoday(?:'s| is)?(?:\\s+the)?\\s+)(?:(?<iso>\\d{4}-\\d{2}-\\d{2})|(?<month>jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?\\s+(?<day>\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(?<year>\\d{4}))?)",
            Pattern.CASE_INSENSITIVE);

    private static final PhraseSet NEXT_STEP = PhraseSet.of("next step", "next steps", "i'll send", "i will send",
            "we'll send", "i'll email", "send you", "send over", "schedule", "set up a", "follow up",
            "book a", "let's meet", "meet again", "i'll call", "we'll call", "by friday", "by monday", "by tuesday",
            "by wednesday", "by thursday", "next week", "tomorrow", "calendar invite");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+");

    private final ObjectMapper json;

    public RuleBasedInsightExtractor(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public List<ExtractedField> extract(ExtractionContext context) {
        SpeakerRoles roles = SpeakerRoles.of(context.utterances(), context.organisationPeople(), context.owner());
        List<ExtractedField> fields = new ArrayList<>(); // in the order a person reads them
        clientName(context, roles).ifPresent(fields::add);
        company(context, roles).ifPresent(fields::add);
        fields.add(outcome(context, roles));
        dealAmount(context).ifPresent(fields::add);
        nextSteps(context).ifPresent(fields::add);
        fields.add(objections(context, roles));
        fields.add(meetingDate(context));
        fields.add(participants(roles));
        return fields;
    }

    private ExtractedField participants(SpeakerRoles roles) {
        List<Map<String, Object>> people = new ArrayList<>();
        roles.wordsBySpeaker().forEach((speaker, words) -> {
            Map<String, Object> person = new LinkedHashMap<>();
            person.put("name", speaker);
            person.put("role", roles.reps().contains(speaker) ? "rep" : "customer");
            person.put("words", words);
            people.add(person);
        });
        boolean namedByPlatform = roles.wordsBySpeaker().keySet().stream()
                .noneMatch(TranscriptParser.UNKNOWN_SPEAKER::equals);
        return field(FieldKeys.PARTICIPANTS, people, namedByPlatform ? 0.95 : 0.6, null);
    }

    private Optional<ExtractedField> clientName(ExtractionContext context, SpeakerRoles roles) {
        for (Utterance u : context.utterances()) {
            if (roles.isCustomer(u.speaker())) {
                Matcher m = SELF_INTRODUCTION.matcher(u.text());
                String name = !m.find() ? null : m.group("name") != null ? m.group("name") : m.group("introduced");
                if (name != null && !isCompanyWord(name)) {
                    return Optional.of(field(FieldKeys.CLIENT_NAME, name, 0.85, u));
                }
            }
        }
        return roles.customers().stream()
                .filter(name -> !TranscriptParser.UNKNOWN_SPEAKER.equals(name))
                .findFirst()
                .flatMap(name -> context.utterances().stream().filter(u -> u.speaker().equals(name)).findFirst()
                        .map(first -> field(FieldKeys.CLIENT_NAME, name, 0.75, first)));
    }

    private Optional<ExtractedField> company(ExtractionContext context, SpeakerRoles roles) {
        for (Utterance u : context.utterances()) {
            if (!roles.isCustomer(u.speaker())) {
                continue;
            }
            for (Pattern pattern : COMPANY_PATTERNS) {
                Matcher m = pattern.matcher(u.text());
                if (m.find()) {
                    String company = m.group("company").replaceAll("[.,]+$", "").strip();
                    if (!company.isEmpty() && !isCompanyWord(company)) {
                        return Optional.of(field(FieldKeys.COMPANY, company, 0.8, u));
                    }
                }
            }
        }
        return Optional.empty();
    }

    private Optional<ExtractedField> dealAmount(ExtractionContext context) {
        MoneyMention best = null;
        for (Utterance u : context.utterances()) {
            for (MoneyMention mention : moneyMentions(u)) {
                if (best == null || mention.score >= best.score) {
                    best = mention; // ties go to the later mention: the last number discussed is usually the deal
                }
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("amount", best.amount);
        value.put("currency", best.currency);
        return Optional.of(field(FieldKeys.DEAL_AMOUNT, value, Math.min(0.9, best.score), best.utterance));
    }

    private record MoneyMention(BigDecimal amount, String currency, double score, Utterance utterance) {
    }

    private static List<MoneyMention> moneyMentions(Utterance u) {
        List<MoneyMention> mentions = new ArrayList<>();
        boolean priceTalk = PRICE_CONTEXT.matches(u.text());
        for (Pattern pattern : List.of(MONEY_SYMBOL, MONEY_WORD)) {
            Matcher m = pattern.matcher(u.text());
            while (m.find()) {
                BigDecimal amount = new BigDecimal(m.group("number").replace(",", "")
                        + (m.group("decimals") != null ? "." + m.group("decimals") : ""));
                String multiplier = m.group("multiplier");
                if (multiplier != null) {
                    amount = amount.multiply(switch (multiplier.toLowerCase(Locale.ROOT)) {
                        case "k", "thousand" -> BigDecimal.valueOf(1_000);
                        default -> BigDecimal.valueOf(1_000_000);
                    });
                }
                if (amount.signum() <= 0 || (!priceTalk && amount.compareTo(BigDecimal.valueOf(100)) < 0)) {
                    continue;
                }
                String currency = pattern == MONEY_SYMBOL ? currencyOfSymbol(m.group("symbol")) : currencyOfWord(m.group("currency"));
                mentions.add(new MoneyMention(new BigDecimal(amount.stripTrailingZeros().toPlainString()), currency,
                        priceTalk ? 0.8 : 0.55, u));
            }
        }
        return mentions;
    }

    private ExtractedField meetingDate(ExtractionContext context) {
        if (context.meetingDate() != null) {
            return field(FieldKeys.MEETING_DATE, context.meetingDate().toString(), 0.95, null);
        }
        for (Utterance u : context.utterances()) {
            Matcher m = TODAY_DATE.matcher(u.text());
            if (m.find()) {
                Optional<LocalDate> date = dateOf(m, context.receivedOn());
                if (date.isPresent()) {
                    return field(FieldKeys.MEETING_DATE, date.get().toString(), 0.8, u);
                }
            }
        }
        return field(FieldKeys.MEETING_DATE, context.receivedOn().toString(), 0.4, null);
    }

    private ExtractedField outcome(ExtractionContext context, SpeakerRoles roles) {
        Outcome found = null;
        Utterance evidence = null;
        double confidence = 0.4;
        for (Utterance u : context.utterances()) {
            boolean customer = roles.isCustomer(u.speaker());
            for (Outcome outcome : List.of(Outcome.LOST, Outcome.WON, Outcome.PENDING)) {
                if (outcome.signals().matches(u.text())) {
                    // a later signal overrides an earlier one: calls turn around
                    found = outcome;
                    evidence = u;
                    confidence = outcome == Outcome.PENDING ? 0.65 : customer ? 0.85 : 0.7;
                    break;
                }
            }
        }
        if (found == null) {
            return field(FieldKeys.OUTCOME, Outcome.PENDING.label(), confidence, null);
        }
        return field(FieldKeys.OUTCOME, found.label(), confidence, evidence);
    }

    private Optional<ExtractedField> nextSteps(ExtractionContext context) {
        List<Utterance> utterances = context.utterances();
        int closingFrom = utterances.size() * 2 / 5; // commitments are made towards the end
        LinkedHashSet<String> steps = new LinkedHashSet<>();
        Utterance evidence = null;
        for (int pass = 0; pass < 2 && steps.isEmpty(); pass++) {
            for (int i = pass == 0 ? closingFrom : 0; i < utterances.size() && steps.size() < 4; i++) {
                Utterance u = utterances.get(i);
                for (String sentence : SENTENCE_END.split(u.text())) {
                    if (NEXT_STEP.matches(sentence) && sentence.split("\\s+").length >= 4 && steps.size() < 4) {
                        if (steps.add(sentence.strip()) && evidence == null) {
                            evidence = u;
                        }
                    }
                }
            }
        }
        if (steps.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(field(FieldKeys.NEXT_STEPS, List.copyOf(steps), 0.7, evidence));
    }

    private ExtractedField objections(ExtractionContext context, SpeakerRoles roles) {
        boolean anyCustomer = !roles.customers().isEmpty();
        LinkedHashSet<String> raised = new LinkedHashSet<>();
        Utterance evidence = null;
        for (Utterance u : context.utterances()) {
            if (anyCustomer && !roles.isCustomer(u.speaker())) {
                continue;
            }
            for (Objection objection : Objection.values()) {
                if (objection.phrases().matches(u.text()) && raised.add(objection.key()) && evidence == null) {
                    evidence = u;
                }
            }
        }
        return field(FieldKeys.OBJECTIONS, List.copyOf(raised), raised.isEmpty() ? 0.6 : 0.75, evidence);
    }

    // --- helpers ---

    private ExtractedField field(String key, Object value, double confidence, Utterance evidence) {
        try {
            return new ExtractedField(key, json.writeValueAsString(value), confidence,
                    evidence == null ? null : quote(evidence.text()), evidence == null ? null : evidence.startMs(),
                    evidence == null ? null : evidence.seq());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write field " + key, e);
        }
    }

    private static String quote(String text) {
        return text.length() <= MAX_QUOTE ? text : text.substring(0, MAX_QUOTE - 1) + "…";
    }

    private static boolean isCompanyWord(String candidate) {
        String lower = candidate.toLowerCase(Locale.ROOT);
        return lower.equals("the") || lower.equals("i") || lower.equals("we") || lower.equals("here")
                || lower.equals("sure") || lower.equals("glad") || lower.equals("happy") || lower.equals("sorry");
    }

    private static String currencyOfSymbol(String symbol) {
        return switch (symbol) {
            case "€" -> "EUR";
            case "£" -> "GBP";
            default -> "USD";
        };
    }

    private static String currencyOfWord(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        if (lower.startsWith("eur")) {
            return "EUR";
        }
        if (lower.startsWith("pound") || lower.equals("gbp")) {
            return "GBP";
        }
        return "USD";
    }

    private static Optional<LocalDate> dateOf(Matcher m, LocalDate reference) {
        try {
            if (m.group("iso") != null) {
                return Optional.of(LocalDate.parse(m.group("iso")));
            }
            String abbreviation = m.group("month").toLowerCase(Locale.ROOT).substring(0, 3);
            for (Month month : Month.values()) {
                if (month.getDisplayName(TextStyle.SHORT, Locale.ENGLISH).toLowerCase(Locale.ROOT).equals(abbreviation)) {
                    int year = m.group("year") != null ? Integer.parseInt(m.group("year")) : reference.getYear();
                    return Optional.of(LocalDate.of(year, month, Integer.parseInt(m.group("day"))));
                }
            }
        } catch (RuntimeException invalid) {
            // "today is February 31st": not a date; fall through
        }
        return Optional.empty();
    }
}
