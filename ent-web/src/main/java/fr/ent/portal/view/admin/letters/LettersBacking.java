package fr.ent.portal.view.admin.letters;

import java.io.Serializable;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.persistence.OptimisticLockException;

import org.omnifaces.util.Faces;

import fr.ent.portal.activation.boundary.ActivationFigures;
import fr.ent.portal.activation.control.ClassFigures;
import fr.ent.portal.activation.control.EstablishmentRef;
import fr.ent.portal.letters.boundary.ClassRoll;
import fr.ent.portal.letters.boundary.LetterSubject;
import fr.ent.portal.letters.boundary.Letters;
import fr.ent.portal.letters.boundary.PrintedLetters;
import fr.ent.portal.letters.control.Audience;
import fr.ent.portal.platform.BusinessException;
import fr.ent.portal.platform.NotFoundException;
import fr.ent.portal.view.Texts;
import fr.ent.portal.view.admin.AdminContext;

/**
 * {@code /admin/letters}: with {@code ?account=} one account's letter, with {@code ?establishment=&division=} a
 * whole class (printed in the background with a progress bar), otherwise a class chooser. A print runs at most once
 * per view: a double click, or a second click, downloads the same PDF again instead of re-issuing the codes twice.
 * The PDF (with the codes in clear) stays in this view only, never on disk, and goes with the view.
 */
@Named
@ViewScoped
public class LettersBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(LettersBacking.class.getName());

    @Inject
    AdminContext admin;

    @EJB
    Letters letters;

    @EJB
    ActivationFigures figures;

    private Long account;
    private Long establishment;
    private String division;
    private Audience audience = Audience.PUPILS;

    private LetterSubject subject;
    private ClassRoll roll;
    private List<EstablishmentRef> establishments = List.of();
    private List<ClassFigures> classes = List.of();
    private String establishmentName;

    private LetterRun run;
    private transient Future<PrintedLetters> running;
    /** The PDF with its codes in clear: kept in this node's memory only, never copied to the data grid with the
     * session (after a fail-over the page offers to print again, which re-issues the codes). */
    private transient PrintedLetters printed;
    private String failure;

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
            if (printed == null) {
                try {
                    printed = letters.reissue(admin.scope(), account, admin.client());
                } catch (NotFoundException outOfScope) {
                    throw outOfScope; // 404 (a forged id), already audited
                } catch (BusinessException refused) {
                    Texts.show(refused, "letter");
                    return;
                }
            }
            letter = printed;
        }
        Faces.sendFile(letter.pdf(), letter.fileName(), true);
    }

    /** A class: starts the print in the background, once per view. */
    public void startClass() {
        synchronized (this) {
            if (run != null) {
                return;
            }
            // the audience is checked now (404, audited), not only in the background: a principal teacher prints pupils
            letters.requirePrint(admin.scope(), roll.establishmentId(), roll.division(), audience, admin.client());
            run = new LetterRun();
            running = letters.reissueDivisionInBackground(admin.scope(), roll.establishmentId(), roll.division(),
                    audience, admin.client(), run);
        }
    }

    /** The progress bar's value: 100 once the print is over (done or failed). */
    public int getPercent() {
        if (run == null) {
            return 0;
        }
        return printed != null || failure != null || running != null && running.isDone() ? 100 : run.percent();
    }

    /** The progress bar reached 100: takes the result (or the reason it failed). */
    public void finish() {
        synchronized (this) {
            if (printed != null || failure != null || running == null) {
                return;
            }
            try {
                printed = running.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = "admin.letters.class.failed";
            } catch (ExecutionException e) {
                failure = reason(e.getCause());
            }
        }
    }

    /** Sends the class's PDF (as often as asked while the view lives). */
    public void download() {
        PrintedLetters done = printed;
        if (done == null || done.nothing()) {
            return;
        }
        Faces.sendFile(done.pdf(), done.fileName(), true);
    }

    private static String reason(Throwable cause) {
        Throwable t = cause;
        while (t != null) {
            if (t instanceof BusinessException business) {
                return business.key();
            }
            if (t instanceof OptimisticLockException) {
                return "admin.letters.class.changed";
            }
            t = t instanceof EJBException ejb && ejb.getCausedByException() != null ? ejb.getCausedByException()
                    : t.getCause();
        }
        LOG.log(Level.WARNING, "Class print failed", cause);
        return "admin.letters.class.failed";
    }

    // ---- page state ---------------------------------------------------------------------------------------

    public boolean isStarted() {
        return run != null;
    }

    public boolean isFinished() {
        return printed != null || failure != null;
    }

    public PrintedLetters getPrinted() {
        return printed;
    }

    public String getFailure() {
        return failure;
    }

    public String getSkipped() {
        return printed == null ? "" : String.join(", ", printed.skipped());
    }

    public Audience[] getAudiences() {
        return Audience.values();
    }

    /** Whether the legal representatives' letters are offered here (false for a principal teacher). */
    public boolean isRepresentativesPrintable() {
        return mayPrint(Audience.REPRESENTATIVES);
    }

    /** Whether this audience is offered (a principal teacher prints the pupils only; the server checks it too). */
    public boolean mayPrint(Audience candidate) {
        return roll != null && (!candidate.representatives()
                || letters.mayPrintRepresentatives(admin.scope(), roll.establishmentId()));
    }

    public LetterSubject getSubject() {
        return subject;
    }

    public ClassRoll getRoll() {
        return roll;
    }

    public List<EstablishmentRef> getEstablishments() {
        return establishments;
    }

    public List<ClassFigures> getClasses() {
        return classes;
    }

    public String getEstablishmentName() {
        return establishmentName;
    }

    public Long getAccount() {
        return account;
    }

    public void setAccount(Long account) {
        this.account = account;
    }

    public Long getEstablishment() {
        return establishment;
    }

    public void setEstablishment(Long establishment) {
        this.establishment = establishment;
    }

    public String getDivision() {
        return division;
    }

    public void setDivision(String division) {
        this.division = division;
    }

    public Audience getAudience() {
        return audience;
    }

    public void setAudience(Audience audience) {
        this.audience = audience == null ? Audience.PUPILS : audience;
    }
}
