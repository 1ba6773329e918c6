package dev.stellar.workers.extraction.offline;

import dev.stellar.workers.extraction.offline.CallText.Sentence;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The buyer's company. Every run of capitalised words is a candidate, scored by what makes a name a business:
 * a business word at its end ("Group", "Foods", "Credit Union"), a legal form ("Pty Ltd", ", Inc."), an ampersand
 * ("Baptiste & Moreau"), a buyer's family name followed by more words ("Tanaka Precision ..."), how it is said
 * ("we're X", "at X, our ...", "the X board"), and being said again, in full or as a short form ("Kessler", "KPT").
 * On a tie the fuller name wins, as a correction ("Halvorsen Freight Lines" over "Halvorsen Freight"), then the one said most.
 * The seller's own company (said in "here at X", "welcome to X"), people's names and a lone business word at the start
 * of a sentence ("Clinic ran over", "Works for me") are never the answer.
 */
final class Companies {

    private static final String WORD = "(?:(?:St|Mt|Ft|Inc|Co|Corp|Ltd)\\.|\\p{Lu}[\\p{L}\\p{N}'’.-]*\\p{L}|\\p{Lu}|\\d+)";
    private static final Pattern RUN = Pattern.compile("(?<![\\p{L}'’])" + WORD + "(?:\\s+(?:&\\s+|of\\s+)?" + WORD + ")*");
    private static final Set<String> LEADING_WORDS = Set.of("so", "and", "but", "well", "yes", "yeah", "okay", "ok", "oh", "um",
            "uh", "at", "for", "from", "with", "the", "our", "we", "i", "this", "that", "now", "here", "across", "then", "just",
            "like", "customer", "hi", "hey", "thanks", "right", "sure", "also", "because", "which", "all", "dr.", "mr.", "mrs.", "ms.");
    private static final Pattern BUSINESS_WORD = Pattern.compile("(?i)\\b(?:group|holdings|partners|associates|agency|union|bank"
            + "|trust|foods?|textiles|biotech|bio|pharma|therapeutics|labs?|laboratories|architects|engineering|components"
            + "|manufacturing|industries|logistics|freight|lines|transport|trucking|health|healthcare|hospitals?|clinics?|medical"
            + "|dental|care|academy|schools?|college|university|foundation|institute|insurance|financial|capital|properties"
            + "|property|realty|homes|construction|builders|systems|solutions|technologies|software|media|studios?|hospitality"
            + "|hotels|resorts|restaurants|outdoor|apparel|retail|stores|supply|distribution|wholesale|motors|energy|services"
            + "|consulting|law|llp|inc|llc|ltd|gmbh|corp|co|company|corporation|enterprises|international|global|brands|farms"
            + "|brewing|precision|credit|mutual|markets?|pharmacy|ventures|works|fabrication|metals|plastics|packaging"
            + "|electric|utilities|council|district|county|city|ministries|church|division|authority|payments|tooling"
            + "|machining|outfitters)\\.?$");
    private static final String LEGAL_FORM = "(?:Pty|Inc|LLC|Ltd|Limited|GmbH|AG|S\\.A|SA|PLC|plc|B\\.V|BV|N\\.V|Corp)\\b\\.?";
    /** A legal form ending the name ("Harbour Lights Hotel Group Pty Ltd") or said just after it ("Quillon Payments, S.A."). */
    private static final Pattern LEGAL_FORM_IN_NAME = Pattern.compile("(?:,?\\s+" + LEGAL_FORM + ")+$");
    private static final Pattern LEGAL_FORM_AFTER = Pattern.compile("^,?\\s+" + LEGAL_FORM);
    private static final Pattern SAID_AS_OURS = Pattern.compile("(?i)(?:\\bwe're|\\bwe are|\\bat|\\bfor|\\bof|\\bcustomer,|\\bhere at"
            + "|\\bi'm with|\\bwork (?:at|for))\\s*$");
    /** "X, we're ...", "X, two hospitals, ...", "the X board": said as an organisation. */
    private static final Pattern SAID_AS_ORGANISATION = Pattern.compile("(?i)^(?:,\\s*(?:we|we're|we've|our|i|a|an|about|mostly"
            + "|\\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty)\\b|\\s+(?:board|team"
            + "|agreement|account|contract|side|staff|office))");
    private static final Pattern SELLER_INTRO = Pattern.compile("(?i)(?:here at|welcome to|we at|(?:i'm|it's|this is)\\s+\\p{L}+,?\\s+(?:from|with))\\s+$");
    private static final Pattern NOT_A_COMPANY = Pattern.compile("(?i)^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday"
            + "|january|february|march|april|may|june|july|august|september|october|november|december|q[1-4]|i|i'm|i'll|i've"
            + "|i'd|ok|okay)$");

    private static final int MIN_SCORE = 3;

    private Companies() {
    }

    static Optional<Finding> company(CallText call) {
        Set<String> sellerNames = sellerNames(call);
        Set<String> familyNames = call.roles().customers().stream().filter(n -> n.contains(" "))
                .map(n -> n.substring(n.lastIndexOf(' ') + 1).toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        Set<String> people = call.utterances().stream().map(u -> u.speaker().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        Map<String, Integer> scores = new LinkedHashMap<>();
        Map<String, Set<Integer>> saidIn = new LinkedHashMap<>();
        Map<String, Sentence> evidence = new LinkedHashMap<>();
        Set<String> runsSaid = new HashSet<>();
        for (Sentence s : call.sentences()) {
            for (Matcher m = RUN.matcher(s.text()); m.find(); ) {
                String name = trimmed(m.group());
                runsSaid.add(name);
                Matcher legalForm = LEGAL_FORM_IN_NAME.matcher(name);
                boolean legal = legalForm.find();
                if (legal) {
                    name = name.substring(0, legalForm.start());
                }
                if (name.isEmpty() || people.contains(name.toLowerCase(Locale.ROOT)) || sellerNames.contains(firstWord(name))
                        || NOT_A_COMPANY.matcher(name).matches() || loneBusinessWord(name)) {
                    continue;
                }
                int start = s.text().indexOf(name, m.start());
                String after = s.text().substring(start + name.length());
                legal |= LEGAL_FORM_AFTER.matcher(after).find();
                int score = score(name, familyNames) + (legal ? 2 : 0);
                if (score <= 0) {
                    continue;
                }
                if (SAID_AS_OURS.matcher(s.text().substring(0, start)).find()) {
                    score += 1;
                }
                if (SAID_AS_ORGANISATION.matcher(after).find()) {
                    score += 1;
                }
                if (s.customer()) {
                    score += 1;
                }
                scores.merge(name, score, Math::max);
                saidIn.computeIfAbsent(name, n -> new HashSet<>()).add(s.index());
                evidence.putIfAbsent(name, s);
            }
        }
        scores.replaceAll((name, score) -> score + (saidIn.get(name).size() > 1 || saidShort(name, runsSaid) ? 1 : 0));
        Comparator<String> byScoreThenFullerThenMentions = Comparator.<String>comparingInt(scores::get)
                .thenComparing(name -> extendsAnother(name, scores.keySet()))
                .thenComparingInt(name -> saidIn.get(name).size());
        return scores.keySet().stream().max(byScoreThenFullerThenMentions)
                .filter(best -> scores.get(best) >= MIN_SCORE)
                .map(best -> new Finding(best, 0.5 + 0.05 * Math.min(scores.get(best), 6), evidence.get(best)));
    }

    /** What the name itself says: a business word, an ampersand, a family name leading other words. */
    private static int score(String name, Set<String> familyNames) {
        String[] words = name.split("\\s+");
        int score = 0;
        if (BUSINESS_WORD.matcher(name).find()) {
            score += 2;
        }
        if (name.contains(" & ")) {
            score += 2;
        }
        if (words.length > 1 && familyNames.contains(words[0].toLowerCase(Locale.ROOT).replaceAll("['’]s$", ""))) {
            score += 1;
        }
        return score;
    }

    /** "Dunmore Freight Lines" is the fuller name, and so the correction, of "Dunmore Freight". */
    private static boolean extendsAnother(String name, Set<String> names) {
        return names.stream().anyMatch(other -> name.startsWith(other + " "));
    }

    /** "Clinic", "Hotels", "Works": a business word, not yet a business. */
    private static boolean loneBusinessWord(String name) {
        return !name.contains(" ") && BUSINESS_WORD.matcher(name).find();
    }

    /** People shorten their own company: "Kessler" or "KPT" for "Kessler Precision Tooling". */
    private static boolean saidShort(String name, Set<String> runsSaid) {
        String[] words = name.split("\\s+");
        if (words.length < 2) {
            return false;
        }
        String initials = Arrays.stream(words).map(w -> w.substring(0, 1)).collect(Collectors.joining());
        return runsSaid.contains(words[0]) || runsSaid.contains(initials.toUpperCase(Locale.ROOT));
    }

    /** The seller's company, from their introductions: "I'm Aisha, here at Routewise", "it's Nadia from Tandem". */
    private static Set<String> sellerNames(CallText call) {
        return call.sentences().stream().filter(s -> !s.customer())
                .flatMap(s -> {
                    List<String> names = new ArrayList<>();
                    for (Matcher m = RUN.matcher(s.text()); m.find(); ) {
                        if (SELLER_INTRO.matcher(s.text().substring(0, m.start())).find()) {
                            names.add(firstWord(trimmed(m.group())));
                        }
                    }
                    return names.stream();
                })
                .collect(Collectors.toSet());
    }

    /** The run without the sentence words that start it: "So Kessler Freight Lines" is "Kessler Freight Lines". */
    private static String trimmed(String run) {
        String name = run.strip();
        while (name.contains(" ") && LEADING_WORDS.contains(firstWord(name))) {
            name = name.substring(name.indexOf(' ') + 1).strip();
        }
        if (LEADING_WORDS.contains(firstWord(name))) {
            return "";
        }
        return name.replaceAll("['’]s$", "").replaceAll("[.]$", "");
    }

    private static String firstWord(String name) {
        return name.split("\\s+")[0].toLowerCase(Locale.ROOT);
    }
}
