package dev.stellar.workers.extraction.offline;

import dev.stellar.playbooks.schema.FieldDefinition;
import dev.stellar.workers.extraction.offline.CallText.Sentence;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A business buyer's discovery answers: the company, who decides, the need, the timeline, the competition. */
final class Discovery {

    private static final String PROPER = "\\p{Lu}[\\p{L}\\p{N}&'’.-]*";
    private static final String COMPANY_NAME = "(?<company>" + PROPER + "(?:\\s+(?:" + PROPER + "|&|of))*"
            + "(?:,?\\s+(?:Inc|LLC|Ltd|GmbH|Corp|Co)\\.?)?)";
    private static final List<Pattern> COMPANY = List.of(
            Pattern.compile("(?i:\\b(?:i'm|i am|this is|my name is|it's)\\s+)\\p{L}+(?:\\s+\\p{Lu}\\p{L}+)?(?i:,?\\s+(?:from|with|at|over at)\\s+)" + COMPANY_NAME),
            Pattern.compile("(?i:\\b(?:i|we)\\s+(?:work|works|am|are)\\s+(?:at|for|with)\\s+)" + COMPANY_NAME),
            Pattern.compile("(?i:\\b(?:our|my)\\s+(?:company|business|firm|team)(?:\\s+is called|\\s+is|,)\\s+)" + COMPANY_NAME),
            Pattern.compile("(?i:\\b(?:here at|we at|over at|at)\\s+)" + COMPANY_NAME + "(?i:,?\\s+(?:we|we're|we've|our|i|everyone))"),
            Pattern.compile("(?i:\\bhere at\\s+)" + COMPANY_NAME));
    private static final Pattern NOT_A_COMPANY = Pattern.compile("(?i)^(?:the|i|we|here|sure|glad|happy|sorry|the moment"
            + "|this point|least|first|some point|one point|end|scale|the end|monday|tuesday|wednesday|thursday|friday"
            + "|zoom|teams|google|salesforce|hubspot|q[1-4])$");

    private static final String TITLE = "(?:chief \\w+ officer|ceo|cfo|coo|cro|cto|cio|cmo|vp(?: of)? [a-z]+(?: [a-z]+)?"
            + "|vice president(?: of)? [a-z]+|head of [a-z]+(?: [a-z]+)?|director of [a-z]+(?: [a-z]+)?|general manager"
            + "|managing director|founder|co-founder|owner|president|controller|board|procurement|gm)";
    private static final String PERSON = "\\p{Lu}\\p{L}+(?:\\s+\\p{Lu}\\p{L}+)?";
    private static final Pattern DECIDES = Pattern.compile(
            "(?i:signs? off|sign-off|has (?:the )?final (?:say|word|call|sign-off)|makes? the (?:final )?(?:call|decision)"
                    + "|is the (?:final )?decision[- ]maker|decides|approves?|owns the budget|holds the purse|has to approve"
                    + "|needs to approve|will approve|has to sign|needs to sign|signs the (?:contract|check|cheque|po)"
                    + "|has veto|is the economic buyer|gets the final|final decision|ultimately decides|controls the budget)");
    private static final Pattern DECISION_WITH = Pattern.compile(
            "(?i:(?:final (?:say|decision|call|sign-off|approval)|decision|sign-off|approval|budget)\\s+(?:is|sits|rests|lies|will be)"
                    + "\\s+with\\s+)(?:(?i:our|the|my)\\s+)?(?<who>(?i:" + TITLE + ")(?:,?\\s+" + PERSON + ")?|" + PERSON + ")");
    private static final Pattern WHO_DECIDES = Pattern.compile(
            "(?<who>(?i:(?:our|the|my)\\s+)" + "(?i:" + TITLE + ")(?:,?\\s+" + PERSON + ")?|" + PERSON + ")(?:,\\s+(?i:our|the)\\s+[\\w\\s]+?,)?\\s+"
                    + "(?i:(?:is the one who|is who|will|would|has to|needs to|ultimately|actually|usually|always|then)\\s+)?" + DECIDES.pattern());
    private static final Pattern SELF_DECIDES = Lexicon.of("i'm the decision maker|i am the decision maker|i make the (?:final )?call"
            + "|it's my call|it's my decision|i sign off|i have the final say|i own the budget|i'm the one who signs|i decide");
    private static final Pattern NOT_A_PERSON = Pattern.compile("(?i)^(?:i|we|they|he|she|it|that|this|who|which|someone|nobody"
            + "|everyone|legal|finance|procurement|so|and|but|then|also|the|our|my)$");

    private static final Pattern NEED = Pattern.compile(
            "\\b(?:the (?:real |main |biggest |core )?(?:problem|issue|challenge|pain) (?:is|is that|we have is|for us is)"
                    + "|our (?:biggest |main |real |core )?(?:problem|issue|challenge|pain(?: point)?) (?:is|is that|right now is)"
                    + "|what we (?:really )?need is|we (?:really )?need (?:a way )?to|we need (?:something|a tool|a system|a way) (?:that|to)"
                    + "|we're struggling (?:with|to)|we struggle (?:with|to)|we're looking for (?:a way |something )?to"
                    + "|the main thing is|the goal is to|we want to|i want (?:us )?to|we're trying to|trying to figure out how to"
                    + "|the reason we're (?:here|talking|looking) is|we can't|we have no way to|we don't have (?:a way|any way) to"
                    + "|we're losing|we lose|we're spending|we spend|it takes (?:us )?)(?<need>.+)$");
    private static final Pattern TIMELINE = Pattern.compile(
            "\\b(?<when>(?:by|before|in|within|for|around|at|until|no later than)\\s+(?:the\\s+)?(?:end of\\s+(?:the\\s+)?)?"
                    + "(?:q[1-4](?:\\s+\\d{4})?|(?:first|second|third|fourth|next|this) (?:quarter|half)|quarter[- ]end|year[- ]end"
                    + "|fiscal year(?: end)?|(?:next |this )?(?:quarter|month|year)|(?:early |mid-?|late |end of )?(?:january|february"
                    + "|march|april|may|june|july|august|september|october|november|december)(?:\\s+\\d{1,2}(?:st|nd|rd|th)?)?"
                    + "|\\d+\\s+(?:days|weeks|months)|(?:a|one|two|three|four|six)\\s+(?:weeks|months)|(?:the\\s+)?(?:\\w+\\s+){0,2}"
                    + "(?:board meeting|renewal|kickoff|kick-off|launch|conference|busy season|holidays|audit|sko|offsite))"
                    + "(?:\\s+(?:at the latest|latest|ideally))?)");
    private static final Pattern TIMELINE_CONTEXT = Lexicon.of("live|go-live|go live|decide|decision|rolled out|roll out|rollout"
            + "|launch|up and running|implemented|implementation|in place|signed|sign|start|started|deployed|deploy|switch"
            + "|onboard|onboarded|ready|have (?:this|it|something)|need (?:this|it|something)|timeline|timeframe|deadline|by when|choose"
            + "|pick|purchase|buy|contract|wrap");
    private static final Pattern COMPETITOR_CUE = Pattern.compile(
            "(?i:\\b(?:looking at|evaluating|talking to|talked to|talking with|considering|trialing|trialling|piloting|comparing"
                    + "|we (?:currently |also )?use|we're (?:currently |also )?using|we've been using|we used|we tried|using|compared to|versus|vs\\.?"
                    + "|switch(?:ing)? (?:away )?from|moving off|replace|replacing|demo(?:ed)? with|got a demo from|a quote from|quote from"
                    + "|had a call with|shortlist(?:ed)?|also have|looked at|on the shortlist is|up against)\\s+)"
                    + "(?<names>(?:" + PROPER + "(?:\\s" + PROPER + ")?)(?:(?:,\\s*|,?\\s+(?i:and|or)\\s+)(?:" + PROPER + "(?:\\s" + PROPER + ")?))*)");
    private static final Pattern NOT_A_COMPETITOR = Pattern.compile("(?i)^(?:i|we|the|a|an|it|that|this|excel|spreadsheets?"
            + "|google sheets|sheets|email|outlook|gmail|slack|zoom|teams|microsoft teams|google meet|word|notion|salesforce"
            + "|hubspot|sfdc|crm|our|my|their|stellar|q[1-4]|monday|tuesday|wednesday|thursday|friday|linkedin|jira|confluence)$");

    private Discovery() {
    }

    static Optional<Finding> company(CallText call, FieldDefinition field) {
        for (boolean customersOnly : new boolean[] {true, false}) {
            for (Sentence s : call.sentences()) {
                if (customersOnly != s.customer()) {
                    continue;
                }
                for (Pattern pattern : customersOnly ? COMPANY : COMPANY.subList(3, 4)) {
                    Matcher m = pattern.matcher(s.text());
                    if (m.find()) {
                        String company = m.group("company").replaceAll("[.,]+$", "").strip();
                        if (!company.isEmpty() && !NOT_A_COMPANY.matcher(company).matches()) {
                            return Optional.of(new Finding(company, customersOnly ? 0.8 : 0.6, s));
                        }
                    }
                }
            }
        }
        return Optional.empty();
    }

    static Optional<Finding> authority(CallText call, FieldDefinition field) {
        Finding found = null;
        for (Sentence s : call.sentences()) {
            if (!s.customer()) {
                continue;
            }
            Matcher with = DECISION_WITH.matcher(s.text());
            if (with.find()) {
                found = person(with.group("who"), s).orElse(found);
                continue;
            }
            Matcher who = WHO_DECIDES.matcher(s.text());
            if (who.find()) {
                Optional<Finding> person = person(who.group("who"), s);
                if (person.isPresent()) {
                    found = person.get();
                    continue;
                }
            }
            if (Lexicon.has(SELF_DECIDES, s.lower())) {
                found = new Finding(s.speaker(), 0.7, s);
            }
        }
        return Optional.ofNullable(found);
    }

    private static Optional<Finding> person(String who, Sentence s) {
        String cleaned = who.replaceFirst("(?i)^(?:our|the|my)\\s+", "").strip();
        Matcher named = Pattern.compile("(?i:" + TITLE + "),?\\s+(?<name>" + PERSON + ")$").matcher(cleaned);
        if (named.find()) {
            cleaned = named.group("name");
        }
        if (cleaned.isEmpty() || NOT_A_PERSON.matcher(cleaned.split("\\s+")[0]).matches()) {
            return Optional.empty();
        }
        boolean title = cleaned.equals(cleaned.toLowerCase(Locale.ROOT)) || cleaned.matches("(?i)" + TITLE);
        return Optional.of(new Finding(title ? cleaned.toUpperCase(Locale.ROOT).length() <= 4 ? cleaned.toUpperCase(Locale.ROOT) : cleaned : cleaned,
                title ? 0.6 : 0.75, s));
    }

    static Optional<Finding> need(CallText call, FieldDefinition field) {
        for (Sentence s : call.sentences()) {
            if (!s.customer() || call.position(s) > 0.7 || s.isQuestion()) {
                continue;
            }
            Matcher m = NEED.matcher(s.lower());
            if (m.find()) {
                String need = s.text().substring(m.start("need")).replaceAll("^[\\s,:-]+|[.!?,;\\s]+$", "");
                String[] words = need.split("\\s+");
                if (words.length < 3) {
                    continue;
                }
                if (words.length > 16) {
                    need = String.join(" ", java.util.Arrays.copyOf(words, 16));
                }
                return Optional.of(new Finding(need, 0.55, s));
            }
        }
        return Optional.empty();
    }

    static Optional<Finding> timeline(CallText call, FieldDefinition field) {
        Finding found = null;
        for (Sentence s : call.sentences()) {
            if (!s.customer() || s.isQuestion()) {
                continue;
            }
            boolean context = Lexicon.has(TIMELINE_CONTEXT, s.lower()) || call.previousTurn(s).stream()
                    .anyMatch(p -> p.isQuestion() && Lexicon.has(TIMELINE_CONTEXT, p.lower()));
            if (!context) {
                continue;
            }
            Matcher m = TIMELINE.matcher(s.lower());
            if (m.find()) {
                String when = s.text().substring(m.start("when"), m.end("when"));
                if (found == null) {
                    found = new Finding(when, 0.6, s);
                }
            }
        }
        return Optional.ofNullable(found);
    }

    static Optional<Finding> competitors(CallText call, FieldDefinition field) {
        List<String> names = new ArrayList<>();
        Sentence first = null;
        for (Sentence s : call.sentences()) {
            if (!s.customer()) {
                continue;
            }
            Matcher m = COMPETITOR_CUE.matcher(s.text());
            while (m.find()) {
                for (String name : m.group("names").split(",\\s*|,?\\s+(?i:and|or)\\s+")) {
                    String clean = name.strip().replaceAll("[.,]+$", "");
                    if (clean.isEmpty() || NOT_A_COMPETITOR.matcher(clean).matches()
                            || names.stream().anyMatch(n -> n.equalsIgnoreCase(clean))) {
                        continue;
                    }
                    names.add(clean);
                    if (first == null) {
                        first = s;
                    }
                }
            }
        }
        return first == null ? Optional.empty() : Optional.of(new Finding(List.copyOf(names), 0.65, first));
    }
}
