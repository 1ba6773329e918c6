package dev.stellar.workers.transcript;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who in the call sells and who buys. A speaker is a rep when their name matches one of the
 * organisation's people (full name, or first name); when nobody matches, the speaker who opens the
 * call is taken as the host.
 */
public record SpeakerRoles(Set<String> reps, List<String> customers, Map<String, Long> wordsBySpeaker) {

    /**
     * @param utterances the transcript
     * @param repNames   names of the organisation's people
     */
    public static SpeakerRoles of(List<Utterance> utterances, Set<String> repNames) {
        Set<String> people = repNames.stream().map(n -> n.strip().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        Map<String, Long> words = new LinkedHashMap<>();
        for (Utterance u : utterances) {
            words.merge(u.speaker(), (long) u.text().split("\\s+").length, Long::sum);
        }
        Set<String> reps = new LinkedHashSet<>();
        for (String speaker : words.keySet()) {
            if (isRep(speaker, people)) {
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

    public boolean isCustomer(String speaker) {
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
