package fr.ent.portal.view.admin.letters;

import java.io.Serializable;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.omnifaces.util.Faces;

import fr.ent.portal.letters.boundary.ClassRoll;
import fr.ent.portal.letters.boundary.Letters;
import fr.ent.portal.letters.boundary.PrintedLetters;
import fr.ent.portal.letters.control.Audience;
import fr.ent.portal.view.BackgroundWork;
import fr.ent.portal.view.admin.AdminContext;

/**
 * The class print of {@code /admin/letters?establishment=&division=} ({@link LettersBacking} reads the class), in the
 * background with a progress bar, once per view: a second click downloads the same PDF, never re-issues the codes.
 * The PDF (codes in clear) stays in this node's memory only, never on disk nor replicated with the session.
 */
@Named
@ViewScoped
public class ClassPrintBacking implements Serializable {

    private static final long serialVersionUID = 1L;

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
    public int getPercent() { return work == null ? 0 : work.percent(); }

    /** The progress bar reached 100: takes the result, or the reason it failed. */
    public synchronized void finish() {
        if (work == null || printed != null || failure != null) {
            return;
        }
        BackgroundWork.Outcome<PrintedLetters> outcome = work.outcome();
        if (outcome instanceof BackgroundWork.Done<PrintedLetters> done) {
            printed = done.result();
        } else if (outcome instanceof BackgroundWork.Failed<PrintedLetters> failed) {
            failure = failed.failure().key("admin.letters.class.changed", "admin.letters.class.failed");
        }
    }

    /** Sends the class's PDF (as often as asked while the view lives). */
    public void download() {
        PrintedLetters done = printed;
        if (done != null && !done.nothing()) {
            Faces.sendFile(done.pdf(), done.fileName(), true);
        }
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
    public boolean isRepresentativesPrintable() { return mayPrint(Audience.REPRESENTATIVES); }
    /** Whether this audience is offered (a principal teacher prints the pupils only; the server checks it too). */
    public boolean mayPrint(Audience candidate) {
        ClassRoll roll = page.getRoll();
        return roll != null && (!candidate.representatives()
                || letters.mayPrintRepresentatives(admin.scope(), roll.establishmentId()));
    }
}
