package dev.stellar.workers.evaluation;

import java.nio.file.Path;

/** A labelled folder that cannot be evaluated, naming the file and what is wrong with it. */
public class LabelledFolderException extends RuntimeException {

    public LabelledFolderException(Path file, String problem) {
        super(file + ": " + problem);
    }

    public LabelledFolderException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
    }
}
