package dev.stellar.workers.transcript;

public enum TranscriptFormat {
    /** WebVTT: Zoom writes {@code Name: text} cues, Teams writes {@code <v Name>text</v>}. */
    WEBVTT,
    /** SubRip: numbered cues with {@code 00:00:01,000 --> 00:00:02,000} timings. */
    SRT,
    /** {@code [hh:mm:ss] Speaker: text} lines, as Stellar's predecessor wrote them. */
    TIMESTAMPED_TEXT,
    /** {@code Speaker: text} lines without times. */
    SPEAKER_TEXT
}
