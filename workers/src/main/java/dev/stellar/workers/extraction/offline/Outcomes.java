package dev.stellar.workers.extraction.offline;

import dev.stellar.playbooks.schema.FieldDefinition;
import dev.stellar.workers.extraction.offline.CallText.Sentence;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How a consultation ended: payment taken, and Won, Lost or Pending. */
final class Outcomes {

    private static final Pattern PAYMENT_TAKEN = Lexicon.of("payment (?:went|has gone|is) through|card went through"
            + "|went through|payment (?:is |has been )?processed|processed (?:the|your) payment|charge went through|approved"
            + "|you're all paid|all paid|paid in full|receipt|got the payment|payment is complete|payment's complete"
            + "|deposit is paid|deposit went through|charged your card|card is charged|card's been charged|transaction"
            + " (?:went through|is complete|completed)|confirmation number"
            + "|(?:\\$?\\d[\\d,.]*|that's|it's|payment|deposit|retainer),? received");
    private static final Pattern PAYMENT_NOT_TAKEN = Lexicon.of("declined|didn't go through|did not go through"
            + "|won't charge|not charging|not going to charge|no payment|nothing today|don't need (?:a|any) payment"
            + "|invoice you|send you an invoice|pay later|pay at (?:the )?signing|hold off on payment");
    static final Pattern WON = Lexicon.of("let's do it|let's go ahead|we'll go ahead|let's go with|we'll go with"
            + "|decided to go with (?:you|your)"
            + "|sign me up|sign us up|where do i sign|we'll take it|i'll take it|you have a deal|it's a deal|deal\\."
            + "|ready to move forward|let's move forward|we want to move forward|we'd like to move forward|we're in(?=[.!,]|$)"
            + "|let's get (?:it )?started on|go ahead and (?:run|charge|process|book|start)|run the card"
            + "|put it on (?:my|the) card|here's my card|card number|i'm ready to sign|we're ready to sign|count us in"
            + "|let's book it|let's schedule the signing|yes, let's|welcome aboard|we'll sign|signed the|sent the signed");
    static final Pattern LOST = Lexicon.of("not interested|we'll pass|going to pass|gonna pass|i'll pass"
            + "|decided to go with (?!you\\b|your\\b|it\\b|that\\b|this\\b)"
            + "|going with (?:another|a different|someone else|the other|legalzoom|our)|went with|not a fit|not a good fit"
            + "|no longer interested|don't want to move forward|not going to move forward|won't be moving forward"
            + "|won't go ahead|will not go ahead|not going ahead|we're going to hold off indefinitely|not for us|not for me"
            + "|no thank you|no thanks|we're out|going to do it ourselves|do it ourselves|diy|not going to work for us"
            + "|we're not going to|i'm not going to (?:do|buy|sign|go)|decided against|we'll stick with|stick with what we have"
            + "|not moving forward|take a pass|we'll be going with|stay with (?:the (?:one|1)|what) (?:we|i) have|keep what (?:we|i) have"
            + "|(?:go|going) with (?:\\w+'s|my|his|her|a local|the local|someone|another|a different)\\b"
            + "|(?:do|use|go with) (?:the|an?) online|do it online|(?:do|use) (?:it|one) myself"
            + "|(?:i'm|we're|i am|we are) (?:\\w+ )?(?:okay|ok|fine|good|all set) for now|sorry to (?:take up|waste) your time");
    /** "We'll probably go with Sal": someone the adviser never named is another provider. */
    private static final Pattern GOING_WITH_SOMEONE = Pattern.compile(
            "\\b(?i:go|going|went|stick|stay|use|using) with (?<name>\\p{Lu}\\p{L}+)\\b(?!\\s+\\p{Lu})");

    private Outcomes() {
    }

    static Optional<Finding> paymentProcessed(CallText call, FieldDefinition field) {
        Finding found = null;
        for (Sentence s : call.sentences()) {
            String lower = s.lower();
            if (Lexicon.has(PAYMENT_NOT_TAKEN, lower)) {
                found = null;
            } else if (Lexicon.has(PAYMENT_TAKEN, lower) && (lower.contains("pay") || lower.contains("card")
                    || lower.contains("charge") || lower.contains("through") || lower.contains("receipt")
                    || lower.contains("deposit") || lower.contains("transaction") || lower.contains("confirmation")
                    || lower.contains("received"))) {
                found = new Finding(true, 0.85, s);
            }
        }
        return Optional.ofNullable(found);
    }

    static Optional<Finding> outcome(CallText call, FieldDefinition field) {
        Optional<Finding> paid = paymentProcessed(call, field);
        Finding won = null;
        Finding lost = null;
        Sentence last = null;
        for (Sentence s : call.sentences()) {
            last = s;
            String lower = s.lower();
            if (s.customer() && (Lexicon.has(LOST, lower) || goesWithSomeoneElse(call, s))) {
                lost = new Finding("Lost", 0.8, s);
                won = null;
            } else if (s.customer() && Lexicon.has(WON, lower)) {
                won = new Finding("Won", 0.75, s);
                lost = null;
            }
        }
        if (paid.isPresent() && lost == null) {
            return Optional.of(new Finding("Won", 0.9, paid.get().evidence()));
        }
        if (lost != null) {
            return Optional.of(lost);
        }
        if (won != null) {
            return Optional.of(won);
        }
        return last == null ? Optional.empty() : Optional.of(new Finding("Pending", 0.6, last));
    }

    private static boolean goesWithSomeoneElse(CallText call, Sentence said) {
        Matcher m = GOING_WITH_SOMEONE.matcher(said.text());
        if (!m.find()) {
            return false;
        }
        Pattern name = Pattern.compile("\\b" + Pattern.quote(m.group("name")) + "\\b");
        return call.sentences().stream().noneMatch(s -> !s.customer() && s.index() < said.index() && name.matcher(s.text()).find());
    }
}
