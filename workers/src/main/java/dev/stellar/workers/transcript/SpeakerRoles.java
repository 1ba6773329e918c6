package dev.stellar.workers.transcript;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who in the call sells and who buys. A speaker is a rep when their name is the full name of one of
 * the organisation's people, or has the first name of the meeting's owner (platforms often show
 * only that); when nobody matches, the speaker who opens the call is taken as the host.
 */
public record SpeakerRoles(Set<String> reps, List<String> customers, Map<String, Long> wordsBySpeaker) {

    /**
     * @param utterances         the transcript
     * @param organisationPeople display names of the organisation's people
     * @param owner              display name of the meeting's owner, or {@code null}
     */
    public static SpeakerRoles of(List<Utterance> utterances, Set<String> organisationPeople, String owner) {
        Set<String> people = organisationPeople.stream().map(SpeakerRoles::normal).collect(Collectors.toSet());
        String ownerFirstName = owner == null || owner.isBlank() ? null : normal(owner).split("\\s+")[0];
        Map<String, Long> words = new LinkedHashMap<>();
        for (Utterance u : utterances) {
            words.merge(u.speaker(), (long) u.words(), Long::sum);
        }
        Set<String> reps = new LinkedHashSet<>();
        for (String speaker : words.keySet()) {
            if (isRep(speaker, people, ownerFirstName)) {
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

    private static boolean isRep(String speaker, Set<String> people, String ownerFirstName) {
        String name = normal(speaker);
        return people.contains(name) || (ownerFirstName != null && ownerFirstName.length() > 1
                && name.split("\\s+")[0].equals(ownerFirstName));
    }

    private static String normal(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }
}
