package dev.stellar.workers.drafts;

import java.util.List;

/**
 * A drafted message.
 *
 * @param recipients who it is for, as the call names them (the addresses are the approval's: {@code InboxItem.to})
 * @param subject    for an email, else {@code null}
 * @param grounding  every fact the body states, with the words it rests on
 * @param draftedBy  {@code offline} or the language model that wrote it
 */
public record Draft(Kind kind, List<String> recipients, String subject, String body, List<Grounding> grounding,
                    String draftedBy) {

    public enum Kind { EMAIL, SOCIAL }

    /** A fact a draft states: the field it comes from, its value as written, and the call's words for it. */
    public record Grounding(String field, String value, String quote, Integer seq) {
    }
}
