package fr.ent.portal.platform.config;

/**
 * The catalogue of every configuration key of the portal, with its default.
 * <p>
 * Values come from MicroProfile Config: a system property ({@code -Dent.db.url=…}) or, in production,
 * the matching environment variable ({@code ENT_DB_URL}: upper case, dots replaced by underscores).
 * The README lists this catalogue; keep both in step.
 */
public enum Setting {

    DATA_DIR("ent.data.dir", "./data",
            "Directory of the embedded H2 database and other local files."),
    DB_URL("ent.db.url", "jdbc:h2:file:${ent.data.dir}/ent;AUTO_SERVER=FALSE",
            "JDBC URL of the database: the embedded H2 file by default, jdbc:postgresql://host:5432/ent in production."),
    DB_USER("ent.db.user", "ent",
            "Database user."),
    DB_PASSWORD("ent.db.password", "",
            "Database password (give it through the ENT_DB_PASSWORD environment variable)."),
    DB_POOL_MIN_SIZE("ent.db.pool.min-size", "2",
            "Connections each node keeps open to the database (read by Payara when the WAR deploys; the EAR keeps its fixed 2 and 32)."),
    DB_POOL_MAX_SIZE("ent.db.pool.max-size", "32",
            "Most connections each node opens to the database; nodes x this must stay under PostgreSQL's max_connections."),
    DB_POOL_MAX_WAIT_MILLIS("ent.db.pool.max-wait-millis", "10000",
            "Longest wait for a free connection, in milliseconds, before the request fails."),
    DEMO_DATA("ent.demo.data", "false",
            "Demo mode: true loads the demo accounts at start and shows /dev/mailbox when no SMTP host is set (mvn -Prun sets it). Only on the embedded H2 database: with any other database the portal refuses to start. Default false: production."),
    DEMO_DATA_ANY_DATABASE("ent.demo.data.any-database", "false",
            "Tests only: lets ent.demo.data=true run on a database other than the embedded H2 (the black-box suite on PostgreSQL). Never in production."),
    PUBLIC_URL("ent.public.url", "http://localhost:8080",
            "The portal's public address, for links in mails and on letters (no trailing slash)."),
    PROVISIONAL_CODE_VALIDITY("ent.provisional-code.validity", "P90D",
            "How long a provisional code printed on an activation letter works."),
    SESSION_TIMEOUT("ent.session.timeout", "PT30M",
            "Idle time after which a signed-in session ends; a warning shows two minutes before."),
    PUPIL_EMAIL_REQUIRED("ent.first-connection.pupil-email-required", "false",
            "Whether pupils must record a recovery email at first connection (always required for other profiles)."),
    EMAIL_VERIFICATION_VALIDITY("ent.email-verification.validity", "PT24H",
            "How long an email verification link works."),
    CHILD_ATTACHMENT_MAX_FAILURES("ent.children.attachment.max-failures", "5",
            "Wrong birth dates typed for one child before its attachment is suspended and the school office asked to help."),
    PASSWORD_RESET_VALIDITY("ent.password-reset.validity", "PT60M",
            "How long a password reset link works (ISO-8601 or seconds)."),
    PASSWORD_RESET_MAX_PER_HOUR("ent.password-reset.max-per-hour", "3",
            "Most password reset links mailed to one account in an hour; further requests get the same answer and no mail."),
    IDENTIFIER_REMINDER_MAX_PER_HOUR("ent.identifier-reminder.max-per-hour", "3",
            "Most identifier reminders (/help/identifier) mailed about one account in an hour; a counter of its own, apart from the reset links'."),
    HTTPS("ent.http.https", "false",
            "Set to true behind HTTPS: cookies get the Secure flag and HSTS is sent."),
    TIME_ZONE("ent.time.zone", "Europe/Paris",
            "Time zone of the schools: school years, dates shown on pages and letters."),
    PASSWORD_ARGON2_MEMORY_KIB("ent.password.argon2.memory-kib", "19456",
            "Argon2id memory cost of new password hashes, in KiB (OWASP: 19456 = 19 MiB). Older hashes are upgraded at sign-in."),
    PASSWORD_ARGON2_ITERATIONS("ent.password.argon2.iterations", "2",
            "Argon2id time cost (passes over memory) of new password hashes (OWASP: 2)."),
    PASSWORD_ARGON2_PARALLELISM("ent.password.argon2.parallelism", "1",
            "Argon2id parallelism (lanes) of new password hashes (OWASP: 1)."),
    ADMISSION_SLOTS("ent.admission.slots", "auto",
            "Password hashes (sign-ins, password changes) that may run at once; others queue. auto = the number of processors."),
    ADMISSION_MAX_WAIT("ent.admission.max-wait", "PT3S",
            "Longest wait in the hash queue; the queue holds what the slots serve in that time (Little's law, measured hash time). Beyond: waiting room or 503."),
    ADMISSION_ADMITTED_VALIDITY("ent.admission.admitted-validity", "PT2M",
            "How long a waiting-room ticket whose turn came keeps its place for the next sign-in, once its holder came for it."),
    ADMISSION_ABSENT_AFTER("ent.admission.absent-after", "PT30S",
            "A waiting-room visitor not seen for this long (nor three of their page's reload intervals) has left: passed over when their turn comes."),
    ADMISSION_PRIORITY_WINDOWS("ent.admission.priority-windows", "",
            "Times when some profiles' sign-ins go first in the hash queue, e.g. 07:30-09:00:PUPIL,STAFF;12:00-12:30:PUPIL (local time)."),
    ADMISSION_EDGE_CONCURRENCY("ent.admission.edge-concurrency", "auto",
            "Anonymous page work (sign-in form renders, waiting-room polls, form posts of the public pages) running at once; beyond it 503 and Retry-After at once, so the hash slots keep their CPU. auto = 2 per processor; 0 = no limit."),
    LOGIN_PAGE_CACHE("ent.login.page-cache", "true",
            "Answer anonymous GET /login from a kept rendering of login.xhtml (per language and incident version, fresh nonce and token); false = render it with Faces each time."),
    SECURITY_FORM_TOKEN_VALIDITY("ent.security.form-token-validity", "PT2H",
            "How long the anti-forgery token of a public form (sign-in, first connection, reset, help) stays valid; a later post gets the stale-form page."),
    ADMISSION_DEV_CONTROLS("ent.admission.dev-controls", "false",
            "Tests only: enables /dev/admission (change slots and queue, hold and release hash slots, empty the line)."),
    SIGNIN_LOCK_THRESHOLD("ent.signin.lock.threshold", "5",
            "Consecutive failed sign-ins on one identifier that start the first hold (the ones before are free)."),
    SIGNIN_LOCK_HOLDS("ent.signin.lock.holds", "PT1M,PT5M,PT15M",
            "Durations of the successive holds of an identifier (ISO-8601, comma-separated); the last one repeats, never a permanent lock."),
    SIGNIN_LOCK_MAX_KEYS("ent.signin.lock.max-keys", "100000",
            "Most identifiers (and client addresses) whose failures are kept in memory; the least recently updated go first."),
    SIGNIN_IP_BURST("ent.signin.ip.burst", "30",
            "Sign-in attempts one client address may make at once."),
    SIGNIN_IP_PER_MINUTE("ent.signin.ip.per-minute", "20",
            "Sign-in attempts one client address regains per minute after its burst."),
    SIGNIN_IP_ALLOWLIST("ent.signin.ip.allowlist", "",
            "Comma-separated CIDR blocks of school networks, never rate limited (many pupils behind one address)."),
    HTTP_TRUSTED_PROXIES("ent.http.trusted-proxies", "",
            "Comma-separated CIDR blocks of the reverse proxies whose X-Forwarded-For is believed; empty = none."),
    HTTP_MANAGEMENT_ALLOWLIST("ent.http.management-allowlist", "127.0.0.1/32,::1/128",
            "Comma-separated CIDR blocks of the clients (resolved through ent.http.trusted-proxies) that may read /metrics and /openapi; others get 404. Default: loopback only."),
    REMEMBER_VALIDITY("ent.remember.validity", "P30D",
            "How long a remembered device (\"stay signed in on this device\") signs its owner in without a password."),
    MFA_REQUIRED_PROFILES("ent.mfa.required-profiles", "SCHOOL_ADMIN,REGION_ADMIN",
            "Comma-separated profiles that must have a second factor (authenticator app or passkey), enrolled at their next sign-in; none = optional for everyone."),
    MFA_GRACE("ent.mfa.grace", "P0D",
            "How long someone who must have a second factor may still put off enrolling it, counted from the first sign-in that asked (P0D = at once)."),
    MFA_REMEMBERED_MAX("ent.mfa.remembered-max", "PT12H",
            "For the profiles that must have a second factor: the longest a remembered device signs them in without asking the factor again."),
    PASSKEY_RP_ID("ent.passkey.rp-id", "",
            "The WebAuthn relying party id of the passkeys: the portal's domain (passkeys work on it and its subdomains); empty = the host of ent.public.url. Never an IP address (browsers refuse one)."),
    PASSKEY_ORIGINS("ent.passkey.origins", "",
            "Comma-separated origins (scheme://host[:port]) whose passkey answers are accepted; empty = the origin of ent.public.url."),
    SIGNIN_DEVICE_COOKIE_MAX_AGE("ent.signin.device-cookie.max-age", "P180D",
            "How long a browser stays trusted after its last sign-in (ISO-8601 or seconds)."),
    SECURITY_SIGNING_KEY("ent.security.signing-key", "",
            "Master signing key, Base64 of at least 32 bytes; empty = generated once and kept in the database."),
    MAIL_SMTP_HOST("ent.mail.smtp.host", "",
            "SMTP server that delivers the portal's mails. Empty: no delivery, mails stay in the outbox (shown at /dev/mailbox in demo mode)."),
    MAIL_SMTP_PORT("ent.mail.smtp.port", "25",
            "SMTP server port (25, 587 with starttls, 465 with ssl)."),
    MAIL_SMTP_TLS("ent.mail.smtp.tls", "none",
            "SMTP encryption: none, starttls (required, the server's certificate is checked) or ssl (implicit TLS)."),
    MAIL_SMTP_USER("ent.mail.smtp.user", "",
            "SMTP user name; empty for no authentication."),
    MAIL_SMTP_PASSWORD("ent.mail.smtp.password", "",
            "SMTP password (give it through the ENT_MAIL_SMTP_PASSWORD environment variable)."),
    MAIL_SMTP_CONNECT_TIMEOUT("ent.mail.smtp.connect-timeout", "PT10S",
            "Longest wait to connect to the SMTP server (ISO-8601 or seconds)."),
    MAIL_SMTP_READ_TIMEOUT("ent.mail.smtp.read-timeout", "PT20S",
            "Longest wait for each answer of the SMTP server (ISO-8601 or seconds)."),
    MAIL_FROM("ent.mail.from", "ne-pas-repondre@ent.example",
            "Sender address of the portal's mails."),
    MAIL_FROM_NAME("ent.mail.from.name", "ENT",
            "Sender name shown with the sender address."),
    INCIDENTS_CACHE_SECONDS("ent.incidents.cache-seconds", "10",
            "How long each node keeps the list of current incident notices read by /login, /home and /status (0 = read the database each time)."),
    MAIL_MAX_ATTEMPTS("ent.mail.max-attempts", "10",
            "Delivery attempts, with the SMTP server reached, before a mail is given up as FAILED (an unreachable server only postpones)."),
    IMPORT_MAX_BYTES("ent.import.max-bytes", "8388608",
            "Largest registry import file accepted, in bytes (8 MiB: about 40,000 rows with two representatives each)."),
    IMPORT_MAX_ROWS("ent.import.max-rows", "30000",
            "Most data rows in one registry import file."),
    DIRECTORY_INBOX("ent.directory.inbox", "",
            "Directory where the académie's nightly AAF feed files are dropped (ENT_<REGION>_<Complet|Delta>_<AAAAMMJJ>_<type>_<n°>.xml); empty: the region's feed is off."),
    DIRECTORY_INBOX_INTERVAL("ent.directory.inbox.interval", "PT5M",
            "How often each node looks into the AAF inbox for files to import (one node works a file)."),
    DIRECTORY_ALERT_EMAIL("ent.directory.alert-email", "",
            "The region's address mailed when a file of the AAF feed fails (empty: no mail, the status page /admin/region/feed still shows it)."),
    CAS_TICKET_VALIDITY("ent.cas.ticket.validity", "PT10S",
            "How long a CAS service ticket may wait for its validation (single use in any case)."),
    CAS_LOOPBACK_HTTP("ent.cas.loopback-http", "false",
            "Tests and local trials only: services on http://localhost or http://127.0.0.1 may be registered and opened through /cas/login."),
    CAS_LOGOUT_TIMEOUT("ent.cas.logout-timeout", "PT3S",
            "Longest wait for a service's answer to a single-logout request (sent in the background)."),
    CLUSTER_ENABLED("ent.cluster.enabled", "false",
            "true on a cluster of nodes: sign-in holds, per-address limits and the waiting line are kept in Payara's data grid (JCache) and shared by every node; false: in this node's memory."),
    CLUSTER_EXPECTED_NODES("ent.cluster.expected-nodes", "1",
            "Nodes the cluster should have; a node that sees fewer members logs a warning every minute (wrong member list, network split)."),
    SHUTDOWN_DRAIN("ent.shutdown.drain", "PT0S",
            "On SIGTERM, readiness turns DOWN and the node keeps serving this long before it stops (rolling restarts behind a load balancer); PT0S = stop at once."),
    EMAIL_CHANGE_MAX_PER_HOUR("ent.account.email-change.max-per-hour", "5",
            "Most recovery email changes one account may make on /account in an hour; further ones are refused with a clear message."),
    FEDERATION_ENABLED("ent.federation.enabled", "auto",
            "The OpenID Connect provider (/.well-known/openid-configuration, /oidc/*): true, false, or auto (on in demo mode only). When on outside demo mode, ent.federation.key-encryption-key is required: without it the portal refuses to start."),
    FEDERATION_KEY_ENCRYPTION_KEY("ent.federation.key-encryption-key", "",
            "Base64 of 32 random bytes (openssl rand -base64 32) that encrypts the federation's private signing keys in the database (AES-256-GCM). Give it through ENT_FEDERATION_KEY_ENCRYPTION_KEY; changing it makes the stored keys unreadable. Demo mode only: empty = derived from the master signing key."),
    FEDERATION_KEY_OVERLAP("ent.federation.key-overlap", "P2D",
            "After a key rotation, how long the previous signing key stays published in the JWKS (tokens it signed still verify)."),
    OIDC_CODE_VALIDITY("ent.oidc.code.validity", "PT60S",
            "How long an OpenID Connect authorization code may wait for its redemption (single use in any case)."),
    OIDC_TOKEN_VALIDITY("ent.oidc.token.validity", "PT5M",
            "Lifetime of OpenID Connect ID tokens and access tokens."),
    OIDC_REFRESH_VALIDITY("ent.oidc.refresh.validity", "PT8H",
            "Lifetime of an OpenID Connect refresh token (each use rotates it; a reused one revokes its whole family)."),
    SAML_ASSERTION_VALIDITY("ent.saml.assertion.validity", "PT5M",
            "How long a SAML assertion may be presented to its service provider (NotOnOrAfter), and how old an AuthnRequest may be (IssueInstant)."),
    SAML_GAR_ID_ENT("ent.saml.gar.id-ent", "",
            "The ENT's identifier given by the GAR (attribute idEnt of the Médiacentre's assertions); empty: the attribute is left out."),
    REAUTHENTICATION_WINDOW("ent.account.reauthentication-window", "PT5M",
            "How long after typing their password (not a remembered device) a person may change the recovery email on /account without typing it again.");

    private final String key;
    private final String defaultValue;
    private final String description;

    Setting(String key, String defaultValue, String description) {
        this.key = key;
        this.defaultValue = defaultValue;
        this.description = description;
    }

    public String key() {
        return key;
    }

    public String defaultValue() {
        return defaultValue;
    }

    public String description() {
        return description;
    }

    /** The environment variable that sets this key in production. */
    public String environmentVariable() {
        return key.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }
}
