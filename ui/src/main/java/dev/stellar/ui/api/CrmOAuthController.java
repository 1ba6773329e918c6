package dev.stellar.ui.api;

import dev.stellar.connectors.crm.CrmException;
import dev.stellar.ui.security.CurrentCaller;
import dev.stellar.workers.connection.Connection;
import dev.stellar.workers.crm.CrmAuthorization;
import jakarta.servlet.http.HttpSession;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * A CRM app's OAuth consent in the browser of a signed-in ADMIN or OPS: off to the CRM, and back with a code. The random
 * {@code state} lives in the person's session, so a code can only complete the consent of whoever asked for it.
 */
@Controller
public class CrmOAuthController {

    static final String CALLBACK = "/oauth/crm/callback";
    private static final String STATE = CrmOAuthController.class.getName() + ".state";
    private static final String CONNECTION = CrmOAuthController.class.getName() + ".connection";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final CrmAuthorization authorization;
    private final CurrentCaller currentCaller;

    public CrmOAuthController(CrmAuthorization authorization, CurrentCaller currentCaller) {
        this.authorization = authorization;
        this.currentCaller = currentCaller;
    }

    @GetMapping("/oauth/crm/{connectionId}/start")
    public String start(@PathVariable UUID connectionId, HttpSession session) {
        byte[] random = new byte[24];
        RANDOM.nextBytes(random);
        String state = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        session.setAttribute(STATE, state);
        session.setAttribute(CONNECTION, connectionId);
        return "redirect:" + authorization.authorizeUrl(currentCaller.require(), connectionId, redirectUri(), state);
    }

    /** The CRM's return: with a code, or with the reason the person or the CRM said no. */
    @GetMapping(CALLBACK)
    public String callback(@RequestParam(required = false) String code, @RequestParam(required = false) String state,
                           @RequestParam(required = false) String error,
                           @RequestParam(name = "error_description", required = false) String description,
                           HttpSession session) {
        Object expected = session.getAttribute(STATE);
        UUID connectionId = (UUID) session.getAttribute(CONNECTION);
        session.removeAttribute(STATE);
        session.removeAttribute(CONNECTION);
        if (expected == null || connectionId == null || !expected.equals(state)) {
            return back("error", "This authorization was not started here, or it was already used; start it again");
        }
        if (error != null || code == null) {
            return back("error", "The CRM did not authorize Stellar: " + (description != null ? description : error));
        }
        try {
            Connection connection = authorization.complete(currentCaller.require(), connectionId, redirectUri(), code);
            return back("authorized", connection.name());
        } catch (CrmException e) {
            return back("error", e.getMessage());
        }
    }

    private static String redirectUri() {
        // as the person reached Stellar: the address the app registered (X-Forwarded-* honoured behind a proxy)
        return ServletUriComponentsBuilder.fromCurrentContextPath().path(CALLBACK).toUriString();
    }

    private static String back(String key, String value) {
        return "redirect:/connections?" + key + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
