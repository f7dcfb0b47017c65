package fr.ent.portal.account.entity;

import java.time.Instant;

/**
 * Every session of an account started up to {@code upTo} has just been ended ({@link Account#endAllSessions}: "sign out
 * everywhere", a disable, a password reset or change, a re-issued code). A CDI event fired by
 * {@link SessionsEndedHook} when the change is written; single sign-on observes it to log the services out.
 */
public record SessionsEnded(long accountId, Instant upTo) {
}
