package fr.ent.portal.view.login;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

/**
 * Backing bean of /login: the sign-in form. The sign-in itself (Jakarta Security) arrives with the
 * sign-in issue; until then a submitted form gets the standard failure message.
 */
@Named
@RequestScoped
public class LoginBacking {

    private String identifier;
    private String password;

    public String signIn() {
        Messages.addGlobalError(Faces.getMessageBundle().getString("login.error.failed"));
        password = null;
        return null;
    }

    public String getIdentifier() {
        return identifier;
    }

    public void setIdentifier(String identifier) {
        this.identifier = identifier;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
