package fr.ent.portal.view.admin.letters;

import java.io.Serializable;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.omnifaces.util.Faces;

import fr.ent.portal.admin.control.AccountReach;
import fr.ent.portal.letters.boundary.ClassRoll;
import fr.ent.portal.letters.boundary.Letters;
import fr.ent.portal.letters.boundary.PrintedLetters;
import fr.ent.portal.letters.control.Audience;
import fr.ent.portal.view.BackgroundWork;
import fr.ent.portal.view.admin.AdminContext;
import fr.ent.portal.view.error.PageFailure;

/**
 * The class print of {@code /admin/letters?establishment=&division=} ({@link LettersBacking} reads the class): runs
 * in the background with a progress bar, at most once per view: a double click, or a second click, downloads the
 * same PDF again instead of re-issuing the codes twice. The PDF (with the codes in clear) stays in this node's
 * memory only, never on disk nor in the data grid with the session (after a fail-over the page offers to print again,
 * which re-issues the codes).
 */
@Named
@ViewScoped
public class ClassPrintBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(ClassPrintBacking.class.getName());

    @Inject
    AdminContext admin;

    @Inject
    LettersBacking page;

    @EJB
    Letters letters;

    private Audience audience = Audience.PUPILS;
    private transient BackgroundWork<PrintedLetters> work;
    private transient PrintedLetters printed;
    private String failure;

    /** Starts the print in the background, once per view. */
    public synchronized void start() {
        if (work != null) {
            return;
        }
        ClassRoll roll = page.getRoll();
        // the audience is checked now (404, audited), not only in the background: a principal teacher prints pupils
        letters.requirePrint(admin.scope(), roll.establishmentId(), roll.division(), audience, admin.client());
        LetterRun run = new LetterRun();
        work = BackgroundWork.of(letters.reissueDivisionInBackground(admin.scope(), roll.establishmentId(),
                roll.division(), audience, admin.client(), run), run::percent);
    }

    /** The progress bar's value: 100 once the print is over (done or failed). */
    public int getPercent() {
        return work == null ? 0 : work.percent();
    }

    /** The progress bar reached 100: takes the result, or the reason it failed. */
    public synchronized void finish() {
        if (work == null || printed != null || failure != null) {
            return;
        }
        BackgroundWork.Outcome<PrintedLetters> outcome = work.outcome();
        if (outcome instanceof BackgroundWork.Done<PrintedLetters> done) {
            printed = done.result();
        } else if (outcome instanceof BackgroundWork.Failed<PrintedLetters> failed) {
            failure = reason(failed.failure());
        }
    }

    /** Sends the class's PDF (as often as asked while the view lives). */
    public void download() {
        PrintedLetters done = printed;
        if (done != null && !done.nothing()) {
            Faces.sendFile(done.pdf(), done.fileName(), true);
        }
    }

    /** The message key shown in place of the result (the page shows it without parameters, as before). */
    static String reason(PageFailure failure) {
        if (failure instanceof PageFailure.NotFound notFound) {
            return notFound.key();
        } else if (failure instanceof PageFailure.Fields) {
            return "input.invalid";
        } else if (failure instanceof PageFailure.Message message) {
            return message.key();
        } else if (failure instanceof PageFailure.ChangedMeanwhile) {
            return "admin.letters.class.changed";
        }
        LOG.log(Level.WARNING, "Class print failed", ((PageFailure.Unexpected) failure).cause());
        return "admin.letters.class.failed";
    }

    /** False again after a fail-over (the work stays on the node that started it): the page offers to print. */
    public boolean isStarted() { return work != null; }
    public boolean isFinished() { return printed != null || failure != null; }
    public PrintedLetters getPrinted() { return printed; }
    public String getFailure() { return failure; }
    public String getSkipped() { return printed == null ? "" : String.join(", ", printed.skipped()); }
    public Audience[] getAudiences() { return Audience.values(); }
    public Audience getAudience() { return audience; }
    public void setAudience(Audience audience) { this.audience = audience == null ? Audience.PUPILS : audience; }

    /** Whether the legal representatives' letters are offered here (false for a principal teacher). */
    public boolean isRepresentativesPrintable() {
        return mayPrint(Audience.REPRESENTATIVES);
    }

    /** Whether this audience is offered (a principal teacher prints the pupils only; the server checks it too). */
    public boolean mayPrint(Audience candidate) {
        ClassRoll roll = page.getRoll();
        return roll != null && (!candidate.representatives()
                || AccountReach.mayPrintRepresentatives(admin.scope(), roll.establishmentId()));
    }
}
