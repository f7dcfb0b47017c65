package fr.ent.portal.view.admin.letters;

import java.io.Serializable;
import java.util.List;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.omnifaces.util.Faces;

import fr.ent.portal.activation.boundary.ActivationFigures;
import fr.ent.portal.activation.control.ClassFigures;
import fr.ent.portal.activation.control.EstablishmentRef;
import fr.ent.portal.letters.boundary.ClassRoll;
import fr.ent.portal.letters.boundary.LetterSubject;
import fr.ent.portal.letters.boundary.Letters;
import fr.ent.portal.letters.boundary.PrintedLetters;
import fr.ent.portal.view.admin.AdminContext;

/**
 * {@code /admin/letters}: with {@code ?account=} one account's letter, with {@code ?establishment=&division=} a
 * whole class (printed by {@link ClassPrintBacking}), otherwise a class chooser. One account's code is re-issued at
 * most once per view: a second click sends the same letter again. The PDF stays in this view only, never on disk.
 */
@Named
@ViewScoped
public class LettersBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    AdminContext admin;

    @EJB
    Letters letters;

    @EJB
    ActivationFigures figures;

    private Long account;
    private Long establishment;
    private String division;

    private LetterSubject subject;
    private ClassRoll roll;
    private List<EstablishmentRef> establishments = List.of();
    private List<ClassFigures> classes = List.of();
    private String establishmentName;
    /** One account's letter with its code in clear: this node's memory only, never replicated with the session. */
    private transient PrintedLetters printed;

    /** View action: what the parameters ask for, each checked against the scope (404 outside it). */
    public void load() {
        if (account != null) {
            subject = letters.subject(admin.scope(), account, admin.client());
        } else if (establishment != null && division != null && !division.isBlank()) {
            roll = letters.roll(admin.scope(), establishment, division, admin.client());
        } else {
            establishments = figures.establishments(admin.scope());
            if (establishment == null && establishments.size() == 1) {
                establishment = establishments.get(0).id();
            }
            if (establishment != null) {
                classes = figures.figures(admin.scope(), establishment, admin.client());
                establishmentName = establishments.stream().filter(e -> e.id() == establishment)
                        .map(EstablishmentRef::name).findFirst().orElse("");
            }
        }
    }

    /** One account: re-issues its code once per view and sends the letter (again, on a second click). */
    public void reissueAccount() {
        PrintedLetters letter;
        synchronized (this) {
            if (printed == null) { // a refusal (404 for a forged id, already audited) goes to PageExceptionHandler
                printed = letters.reissue(admin.scope(), account, admin.client());
            }
            letter = printed;
        }
        Faces.sendFile(letter.pdf(), letter.fileName(), true);
    }

    public LetterSubject getSubject() { return subject; }
    public ClassRoll getRoll() { return roll; }
    public List<EstablishmentRef> getEstablishments() { return establishments; }
    public List<ClassFigures> getClasses() { return classes; }
    public String getEstablishmentName() { return establishmentName; }
    public Long getAccount() { return account; }
    public void setAccount(Long account) { this.account = account; }
    public Long getEstablishment() { return establishment; }
    public void setEstablishment(Long establishment) { this.establishment = establishment; }
    public String getDivision() { return division; }
    public void setDivision(String division) { this.division = division; }
}
