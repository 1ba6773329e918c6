package dev.stellar.workers.extraction.offline;

import dev.stellar.playbooks.schema.FieldDefinition;
import dev.stellar.workers.extraction.offline.CallText.Sentence;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Commitments made towards the end of the call, each as the clause that states it. */
final class NextSteps {

    private static final String ACTION = "send|email|e-mail|schedule|book|set up|call|fill out|fill in|sign|bring|review"
            + "|get|forward|draft|prepare|meet|follow up|loop in|share|look over|talk to|talk with|discuss|check|confirm"
            + "|put together|mail|upload|gather|pull together|introduce|invite|text|ping|circle back|reach out|run|order"
            + "|write up|finalize|finalise|start|kick off|look into|dig up|find|compile|collect|update|walk|go over|pull|grab";
    private static final Pattern COMMITMENT = Pattern.compile(
            "\\b(?:i'll|i will|we'll|we will|you'll|you will|i'm going to|we're going to|i'm gonna|we're gonna|let's|let me"
                    + "|i can|we can|can you|could you|please|you're going to|he'll|she'll|they'll|i need to|we need to"
                    + "|you need to|just need to|next step is to|next step is|plan is to|make sure to|i should|we should)"
                    + "\\s+(?:(?:also|just|go ahead and|then|quickly|both|definitely|probably|get to|try to|actually|first)\\s+)*"
                    + "(?<action>(?:" + ACTION + ")\\b.*)$");
    private static final Pattern NOT_A_STEP = Lexicon.of("think about it|sleep on it|get back to you|hang on|one sec|one second"
            + "|let me see|let me check my|let me pull up|let me share|let me show|let me ask|let me explain|let me just"
            + "|let me know|can you hear|can you see|could you repeat|talk about|call you back in|happy to|i can see|i can hear"
            + "|get started|i can tell|we can talk|get into");

    private NextSteps() {
    }

    static Optional<Finding> nextSteps(CallText call, FieldDefinition field) {
        List<String> steps = new ArrayList<>();
        Sentence first = null;
        for (Sentence s : call.sentences()) {
            if (call.position(s) < 0.55 || s.isQuestion() && !s.lower().startsWith("can you") && !s.lower().startsWith("could you")) {
                continue;
            }
            Matcher m = COMMITMENT.matcher(s.lower());
            if (!m.find() || Lexicon.has(NOT_A_STEP, s.lower())) {
                continue;
            }
            String clause = s.text().substring(m.start("action")).replaceAll("[.!?,;\\s]+$", "").strip();
            if (clause.split("\\s+").length < 2 || steps.stream().anyMatch(known -> similar(known, clause))) {
                continue;
            }
            steps.add(clause);
            if (first == null) {
                first = s;
            }
            if (steps.size() == 6) {
                break;
            }
        }
        return first == null ? Optional.empty() : Optional.of(new Finding(List.copyOf(steps), 0.65, first));
    }

    private static boolean similar(String a, String b) {
        return a.equalsIgnoreCase(b) || a.toLowerCase().contains(b.toLowerCase()) || b.toLowerCase().contains(a.toLowerCase());
    }
}
