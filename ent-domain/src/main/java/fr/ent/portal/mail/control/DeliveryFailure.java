package fr.ent.portal.mail.control;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.IdentityHashMap;
import java.util.Map;

import jakarta.mail.MessagingException;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * Why a delivery failed, as a short code fit for the outbox and the logs (exception class names only: server
 * replies may quote addresses), and whether the server could not be reached at all.
 */
public record DeliveryFailure(String code, boolean serverUnreachable) {

    public static DeliveryFailure of(Throwable failure) {
        StringBuilder code = new StringBuilder(failure.getClass().getSimpleName());
        boolean unreachable = false;
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        Throwable t = failure;
        while (t != null && seen.put(t, Boolean.TRUE) == null) {
            if (t != failure) {
                code.append('/').append(t.getClass().getSimpleName());
            }
            unreachable |= t instanceof CircuitBreakerOpenException || t instanceof TimeoutException
                    || t instanceof ConnectException || t instanceof UnknownHostException
                    || t instanceof NoRouteToHostException || t instanceof SocketTimeoutException;
            Throwable next = t instanceof MessagingException m && m.getNextException() != null
                    ? m.getNextException() : t.getCause();
            t = next;
        }
        return new DeliveryFailure(code.length() > 200 ? code.substring(0, 200) : code.toString(), unreachable);
    }
}
