package dev.stellar.workers.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The offline extractor against the labelled calls in {@code eval/}, through the same command users run. The tuned
 * set is what the rules were developed on; the held-out set was never looked at while writing them, so its floor is
 * the honest one. Raise the floors as the extractor improves; docs/benchmarks.md has the measured numbers.
 */
class LabelledSetAccuracyTest {

    private static final Path EVAL = Path.of(System.getProperty("stellar.eval-dir", "../eval"));

    @Test
    void tunedSetMeetsTheTargets() {
        assertPasses("tuned", "--min-accuracy", "0.95", "--min-f1", "objections=0.9", "--min-evidence-validity", "1");
    }

    @Test
    void heldOutSetStaysAboveItsFloor() {
        assertPasses("held-out", "--min-accuracy", "0.63", "--min-evidence-validity", "1");
    }

    private static void assertPasses(String folder, String... thresholds) {
        Path labelled = EVAL.resolve(folder);
        assertThat(labelled).as("labelled calls").isDirectory();
        assertThat(labelled.toFile().list((dir, name) -> name.endsWith(LabelledFolder.LABEL_SUFFIX))).hasSizeGreaterThanOrEqualTo(14);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] args = new String[thresholds.length + 1];
        args[0] = labelled.toString();
        System.arraycopy(thresholds, 0, args, 1, thresholds.length);

        int code = EvaluationCommand.execute(args, new PrintWriter(out), new PrintWriter(err));

        assertThat(code).as(out + "\n" + err).isZero();
        assertThat(Files.exists(labelled)).isTrue();
    }
}
