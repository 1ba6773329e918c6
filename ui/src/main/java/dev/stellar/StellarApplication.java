package dev.stellar;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import dev.stellar.workers.evaluation.EvaluationCommand;
import java.io.PrintWriter;
import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import dev.stellar.ui.WebEdge;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/**
 * Stellar in one process: web edge and worker by default ({@code STELLAR_ROLES}). The core
 * (workers, connectors) is always there; the web edge only in the web role.
 */
@SpringBootApplication(scanBasePackages = {"dev.stellar.workers", "dev.stellar.connectors"})
@Import(WebEdge.class)
@Push
public class StellarApplication implements AppShellConfigurator {

    /** {@code java -jar stellar.jar} runs the product; {@code java -jar stellar.jar eval FOLDER ...} the evaluation harness. */
    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("eval")) {
            System.exit(EvaluationCommand.execute(Arrays.copyOfRange(args, 1, args.length),
                    new PrintWriter(System.out), new PrintWriter(System.err)));
        }
        SpringApplication.run(StellarApplication.class, args);
    }
}
