package fr.ent.portal.view.login;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import org.omnifaces.util.Faces;

import fr.ent.portal.view.Texts;

/**
 * Backing bean of /login: identifier and password (or provisional code) in; home, second step or first connection
 * out. A filled-in form is answered before the page by {@link SignInPostFilter}; the page shows its refusals here.
 */
@Named
@RequestScoped
public class LoginBacking {

    @Inject
    SignInSubmission submission;

    private String identifier;
    private String password;
    private boolean remember;

    public String signIn() throws java.io.IOException {
        HttpServletRequest request = Faces.getRequest();
        String secret = password;
        password = null;
        Object refusal = request.getAttribute(SignInPostFilter.REFUSAL);
        SignInSubmission.Answer answer = refusal instanceof String key ? new SignInSubmission.Answer(key)
                : submission.submit(request, Faces.getResponse(), identifier, secret, remember); // the filter did not run
        if (answer.answered()) {
            Faces.responseComplete();
        } else {
            Texts.globalError(answer.refusal());
        }
        return null;
    }

    public boolean isRemember() { return remember; }
    public void setRemember(boolean remember) { this.remember = remember; }
    public String getIdentifier() { return identifier; }
    public void setIdentifier(String identifier) { this.identifier = identifier; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
}
