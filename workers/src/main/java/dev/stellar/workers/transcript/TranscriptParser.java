package dev.stellar.workers.transcript;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the transcript formats meeting platforms and Stellar's predecessor write, detecting the format
 * from the content. Anything it cannot read is rejected with the line that broke it; it never returns
 * half a transcript.
 */
@org.springframework.stereotype.Component
public final class TranscriptParser {

    public static final String UNKNOWN_SPEAKER = "Unknown speaker";

    private static final Pattern TIMING = Pattern.compile(
            "^\\s*(?<start>(?:\\d+:)?\\d{1,2}:\\d{1,2}[.,]\\d{1,3})\\s+-->\\s+(?<end>(?:\\d+:)?\\d{1,2}:\\d{1,2}[.,]\\d{1,3})(?:\\s.*)?$");
    private static final Pattern VOICE_TAG = Pattern.compile("<v(?:\\.[^\\s>]+)*\\s+(?<name>[^>]+)>");
    private static final Pattern ANY_TAG = Pattern.compile("</?[^>]+>");
    private static final String SPEAKER = "(?<speaker>[\\p{L}\\p{N}][\\p{L}\\p{N} .'’()_@-]{0,59}?)";
    private static final Pattern SPEAKER_LINE = Pattern.compile("^" + SPEAKER + "\\s*:\\s+(?<text>\\S.*)$");
    private static final Pattern TIMESTAMP_PREFIX = Pattern.compile("^\\[[\\d:.]+]");
    private static final Pattern TIMESTAMPED_LINE = Pattern.compile(
            "^\\[(?<ts>\\d{1,2}:\\d{2}(?::\\d{2})?(?:\\.\\d{1,3})?)]\\s*" + SPEAKER + "\\s*:\\s*(?<text>.*)$");
    private static final Pattern DIGITS = Pattern.compile("^\\d+$");

    public Transcript parse(byte[] content) {
        List<String> lines = decode(content).lines().toList();
        int first = firstContentLine(lines);
        if (first < 0) {
            throw new TranscriptFormatException(0, "the file is empty");
        }
        String head = lines.get(first).strip();
        Transcript transcript;
        if (head.startsWith("WEBVTT")) {
            transcript = new Transcript(TranscriptFormat.WEBVTT, parseCues(lines, first + 1, false));
        } else if (DIGITS.matcher(head).matches() && nextContentLineHasTiming(lines, first)) {
            transcript = new Transcript(TranscriptFormat.SRT, parseCues(lines, first, true));
        } else if (head.contains("-->")) {
            throw new TranscriptFormatException(first + 1, "cue timing without a WEBVTT header or SRT cue number");
        } else if (TIMESTAMP_PREFIX.matcher(head).find()) {
            transcript = new Transcript(TranscriptFormat.TIMESTAMPED_TEXT, parseTimestamped(lines));
        } else {
            transcript = new Transcript(TranscriptFormat.SPEAKER_TEXT, parseSpeakerLines(lines));
        }
        if (transcript.utterances().isEmpty()) {
            throw new TranscriptFormatException(0, "no utterances found in the " + transcript.format() + " file");
        }
        return transcript;
    }

    // --- WebVTT and SRT: blocks separated by blank lines ---

    private List<Utterance> parseCues(List<String> lines, int from, boolean srt) {
        List<Utterance> utterances = new ArrayList<>();
        int i = from;
        if (!srt) {
            i = skipBlock(lines, i); // rest of the WEBVTT header block
        }
        while (i < lines.size()) {
            if (lines.get(i).isBlank()) {
                i++;
                continue;
            }
            String line = lines.get(i).strip();
            if (!srt && (line.startsWith("NOTE") || line.startsWith("STYLE") || line.startsWith("REGION"))) {
                i = skipBlock(lines, i);
                continue;
            }
            int timingLine = i;
            if (!line.contains("-->")) {
                if (srt && !DIGITS.matcher(line).matches()) {
                    throw new TranscriptFormatException(i + 1, "expected an SRT cue number, found '" + abbreviate(line) + "'");
                }
                timingLine = i + 1; // cue identifier, then the timing
            }
            if (timingLine >= lines.size() || lines.get(timingLine).isBlank()) {
                throw new TranscriptFormatException(timingLine + 1, "expected a cue timing 'hh:mm:ss.mmm --> hh:mm:ss.mmm'");
            }
            Matcher timing = TIMING.matcher(lines.get(timingLine));
            if (!timing.matches()) {
                throw new TranscriptFormatException(timingLine + 1, "invalid cue timing '"
                        + abbreviate(lines.get(timingLine).strip()) + "', expected 'hh:mm:ss.mmm --> hh:mm:ss.mmm'");
            }
            long start = clockMillis(timing.group("start"));
            long end = clockMillis(timing.group("end"));
            if (end < start) {
                throw new TranscriptFormatException(timingLine + 1, "cue ends before it starts");
            }
            StringBuilder text = new StringBuilder();
            i = timingLine + 1;
            while (i < lines.size() && !lines.get(i).isBlank()) {
                if (!text.isEmpty()) {
                    text.append(' ');
                }
                text.append(lines.get(i).strip());
                i++;
            }
            addCue(utterances, text.toString(), start, end);
        }
        return utterances;
    }

    private static void addCue(List<Utterance> utterances, String raw, long start, long end) {
        String speaker = null;
        Matcher voice = VOICE_TAG.matcher(raw);
        if (voice.find()) {
            speaker = voice.group("name").strip();
        }
        String text = ANY_TAG.matcher(raw).replaceAll("").strip();
        if (speaker == null) {
            Matcher named = SPEAKER_LINE.matcher(text);
            if (named.matches()) {
                speaker = named.group("speaker").strip();
                text = named.group("text").strip();
            }
        }
        if (!text.isEmpty()) {
            utterances.add(new Utterance(utterances.size(), speaker == null ? UNKNOWN_SPEAKER : speaker, start, end, text));
        }
    }

    // --- [hh:mm:ss] Speaker: text ---

    private List<Utterance> parseTimestamped(List<String> lines) {
        List<Draft> drafts = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("[")) {
                Matcher m = TIMESTAMPED_LINE.matcher(line);
                if (!m.matches()) {
                    throw new TranscriptFormatException(i + 1, "expected '[hh:mm:ss] Speaker: text', found '" + abbreviate(line) + "'");
                }
                drafts.add(new Draft(m.group("speaker").strip(), clockMillis(m.group("ts")), m.group("text").strip()));
            } else if (drafts.isEmpty()) {
                throw new TranscriptFormatException(i + 1, "expected '[hh:mm:ss] Speaker: text', found '" + abbreviate(line) + "'");
            } else {
                drafts.get(drafts.size() - 1).append(line);
            }
        }
        List<Utterance> utterances = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            Draft d = drafts.get(i);
            Long end = i + 1 < drafts.size() ? Math.max(d.start, drafts.get(i + 1).start) : null;
            if (!d.text.isEmpty()) {
                utterances.add(new Utterance(utterances.size(), d.speaker, d.start, end, d.text.toString()));
            }
        }
        return utterances;
    }

    // --- Speaker: text ---

    private List<Utterance> parseSpeakerLines(List<String> lines) {
        List<Draft> drafts = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            Matcher m = SPEAKER_LINE.matcher(line);
            if (m.matches()) {
                drafts.add(new Draft(m.group("speaker").strip(), null, m.group("text").strip()));
            } else if (drafts.isEmpty()) {
                throw new TranscriptFormatException(i + 1, "expected 'Speaker: text' (or a WebVTT, SRT or "
                        + "'[hh:mm:ss] Speaker: text' transcript), found '" + abbreviate(line) + "'");
            } else {
                drafts.get(drafts.size() - 1).append(line);
            }
        }
        List<Utterance> utterances = new ArrayList<>();
        for (Draft d : drafts) {
            utterances.add(new Utterance(utterances.size(), d.speaker, null, null, d.text.toString()));
        }
        return utterances;
    }

    private static final class Draft {
        final String speaker;
        final Long start;
        final StringBuilder text;

        Draft(String speaker, Long start, String text) {
            this.speaker = speaker;
            this.start = start;
            this.text = new StringBuilder(text);
        }

        void append(String more) {
            if (!text.isEmpty()) {
                text.append(' ');
            }
            text.append(more);
        }
    }

    // --- helpers ---

    /** Strict UTF-8 (a leading BOM dropped); an undecodable byte is reported with its line. */
    private static String decode(byte[] content) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(content);
        CharBuffer out = CharBuffer.allocate(content.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int offset = in.position();
            int line = 1;
            for (int i = 0; i < offset; i++) {
                if (content[i] == '\n') {
                    line++;
                }
            }
            throw new TranscriptFormatException(line, "not UTF-8 text (byte " + offset + "); upload a text transcript");
        }
        decoder.flush(out);
        out.flip();
        String text = out.toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** {@code h:mm:ss.mmm}, {@code mm:ss.mmm}, {@code hh:mm:ss,mmm} or {@code mm:ss} to milliseconds. */
    static long clockMillis(String clock) {
        String[] fraction = clock.split("[.,]");
        String[] parts = fraction[0].split(":");
        long seconds = 0;
        for (String part : parts) {
            seconds = seconds * 60 + Long.parseLong(part);
        }
        long millis = 0;
        if (fraction.length > 1) {
            String digits = (fraction[1] + "00").substring(0, 3);
            millis = Long.parseLong(digits);
        }
        return seconds * 1000 + millis;
    }

    private static int firstContentLine(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                return i;
            }
        }
        return -1;
    }

    private static boolean nextContentLineHasTiming(List<String> lines, int from) {
        return from + 1 < lines.size() && lines.get(from + 1).contains("-->");
    }

    private static int skipBlock(List<String> lines, int from) {
        int i = from;
        while (i < lines.size() && !lines.get(i).isBlank()) {
            i++;
        }
        return i;
    }

    private static String abbreviate(String line) {
        return line.length() <= 60 ? line : line.substring(0, 57) + "...";
    }
}
