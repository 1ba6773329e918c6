package dev.stellar.ui.views;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.textfield.TextFieldBase;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import dev.stellar.workers.account.AccountService;
import dev.stellar.workers.account.EmailAlreadyRegisteredException;
import dev.stellar.workers.account.InvalidSignupException;
import dev.stellar.workers.account.PasswordPolicy;
import dev.stellar.workers.account.SignupRequest;
import java.util.Map;

@Route("signup")
@PageTitle("Create an organisation · Stellar")
@AnonymousAllowed
public class SignupView extends VerticalLayout {

    private final TextField organization = new TextField("Organisation");
    private final TextField name = new TextField("Your name");
    private final EmailField email = new EmailField("Work e-mail");
    private final PasswordField password = new PasswordField("Password");

    public SignupView(AccountService accounts) {
        setAlignItems(Alignment.CENTER);
        password.setHelperText("At least " + PasswordPolicy.MIN_LENGTH + " characters");
        Button create = new Button("Create organisation", e -> submit(accounts));
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FormLayout form = new FormLayout(organization, name, email, password);
        form.setMaxWidth("28em");
        add(new H2("Create your Stellar organisation"), form, create, new RouterLink("Already have an account? Sign in", LoginView.class));
    }

    private void submit(AccountService accounts) {
        Map<String, TextFieldBase<?, String>> fields = Map.of("organization", organization, "name", name,
                "email", email, "password", password);
        fields.values().forEach(f -> f.setInvalid(false));
        try {
            accounts.signup(new SignupRequest(organization.getValue(), name.getValue(), email.getValue(), password.getValue()));
            Notification.show("Organisation created. Sign in to start.", 4000, Notification.Position.TOP_CENTER)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            getUI().ifPresent(ui -> ui.navigate(LoginView.class));
        } catch (InvalidSignupException e) {
            TextFieldBase<?, String> field = fields.getOrDefault(e.field(), organization);
            field.setErrorMessage(e.getMessage());
            field.setInvalid(true);
        } catch (EmailAlreadyRegisteredException e) {
            email.setErrorMessage("This e-mail already has an account");
            email.setInvalid(true);
        }
    }
}
