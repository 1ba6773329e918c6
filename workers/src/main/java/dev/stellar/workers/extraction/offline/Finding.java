package dev.stellar.workers.extraction.offline;

import dev.stellar.workers.extraction.offline.CallText.Sentence;

/**
 * A value a rule found, with the sentence it rests on. A rule that cannot point at a sentence finds nothing:
 * values without verbatim evidence are never emitted.
 *
 * @param value      what the field's JSON becomes (String, Number, Boolean, List or Map)
 * @param confidence 0..1
 * @param evidence   the sentence that says it
 * @param note       why the confidence is lowered, or {@code null}
 */
record Finding(Object value, double confidence, Sentence evidence, String note) {

    Finding(Object value, double confidence, Sentence evidence) {
        this(value, confidence, evidence, null);
    }

    Finding doubted(double factor, String why) {
        return new Finding(value, confidence * factor, evidence, note == null ? why : note + "; " + why);
    }
}
