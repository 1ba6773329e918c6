package dev.stellar.workers.extraction;

import dev.stellar.workers.transcript.Utterance;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Who in the call sells and who buys. A speaker is a rep when their name matches one of the
 * organisation's people (full name, or first name); when nobody matches, the speaker who opens the
 * call is taken as the host.
 */
record SpeakerRoles(Set<String> reps, List<String> customers, Map<String, Long> wordsBySpeaker) {

    static SpeakerRoles of(ExtractionContext context) {
        Map<String, Long> words = new LinkedHashMap<>();
        for (Utterance u : context.utterances()) {
            words.merge(u.speaker(), (long) u.text().split("\\s+").length, Long::sum);
        }
        Set<String> reps = new java.util.LinkedHashSet<>();
        for (String speaker : words.keySet()) {
            if (isRep(speaker, context.repNames())) {
                reps.add(speaker);
            }
        }
        if (reps.isEmpty() && words.size() > 1) {
            reps.add(words.keySet().iterator().next());
        }
        List<String> customers = words.keySet().stream()
                .filter(s -> !reps.contains(s))
                .sorted((a, b) -> Long.compare(words.get(b), words.get(a)))
                .toList();
        return new SpeakerRoles(Set.copyOf(reps), customers, words);
    }

    boolean isCustomer(String speaker) {
        return !reps.contains(speaker);
    }

    private static boolean isRep(String speaker, Set<String> repNames) {
        String name = speaker.strip().toLowerCase(Locale.ROOT);
        if (repNames.contains(name)) {
            return true;
        }
        String first = name.split("\\s+")[0];
        return repNames.stream().anyMatch(rep -> rep.split("\\s+")[0].equals(first) && first.length() > 1);
    }
}
